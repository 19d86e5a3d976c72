import type { ContactRecord } from '../../src/domain/world.js';
import type { Settings } from '../../src/contract/settings.js';
import type { ScryptParams } from '../auth/passwords.js';
import type { Limiter } from '../auth/throttle.js';
import type { ThrottleStore } from '../auth/throttle.js';
import type { Db } from '../db/connect.js';
import type { SettingsStore } from '../store/settings.js';
import type { StreamHub } from './stream-hub.js';

export interface Deps {
  db: Db;
  now: () => number;
  adminToken: string;
  filesDir: string;
  log: boolean;
  /** Base of emailed portal links (`…/portal.html`): configured, else derived once at start from the listening address. */
  linkBase: string;
  /** The server's own public base URL (no trailing slash) for links into the API: configured or the listening address. */
  publicUrl: string;
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
  /** scrypt cost of new password hashes (OWASP's minimum unless a test asks for less). */
  scrypt: ScryptParams;
  /** Failed sign-ins per account and address (growing waits; swappable storage). */
  throttleStore: ThrottleStore;
  /** Live-update streams: limits and the one shared change poll. */
  streams: StreamHub;
  /** The stored settings; a request reads them once, into `c.var.settings` (`loadSettings`). */
  settingsStore: SettingsStore;
}

export interface Auth {
  tokenHash: string;
  contact: ContactRecord;
  settings: Settings;
  /** Epoch ms when the session ends unless used again. */
  expiresAt: number;
}

export interface AppEnv {
  /**
   * `settings`: the stored settings as this request read them, once (`loadSettings`); `auth.settings` is the same.
   * `agentId`: the agent whose API key authenticated a helpdesk request (unset for the admin token).
   */
  Variables: { deps: Deps; auth: Auth; settings: Settings; agentId?: number; requestId: string };
}
