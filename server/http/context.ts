import type { ContactRecord } from '../../src/domain/world.js';
import type { Settings } from '../../src/contract/settings.js';
import type { Limiter } from '../auth/throttle.js';
import type { Db } from '../db/connect.js';

export interface Deps {
  db: Db;
  now: () => number;
  adminToken: string;
  filesDir: string;
  log: boolean;
  /** Base of emailed links; unset = request origin + `/portal.html`. */
  linkBase?: string;
  /** Exact origins allowed for CORS with credentials. */
  corsOrigins: readonly string[];
  /** Take the client address from `X-Forwarded-For`. */
  trustProxy: boolean;
  /** Throttling of failed sign-ins and email requests (counted in the database: shared by every instance). */
  limiter: Limiter;
  /** Webhook deliveries: told when new ones are queued (absent: they wait for the next start). */
  webhooks?: { kick(): void };
  /** Aborted when the server begins to shut down: `/readyz` answers 503 and live streams end. */
  shutdown?: AbortSignal;
}

export interface Auth {
  tokenHash: string;
  contact: ContactRecord;
  settings: Settings;
  /** Epoch ms when the session ends unless used again. */
  expiresAt: number;
}

export interface AppEnv {
  /** `agentId`: the agent whose API key authenticated a helpdesk request (unset for the admin token). */
  Variables: { deps: Deps; auth: Auth; agentId?: number; requestId: string };
}
