import type { ContactRecord } from '../../src/domain/world.js';
import type { Settings } from '../../src/contract/settings.js';
import type { Db } from '../db/connect.js';

export interface Deps {
  db: Db;
  now: () => number;
  adminToken: string;
  filesDir: string;
  log: boolean;
}

export interface Auth {
  tokenHash: string;
  contact: ContactRecord;
  settings: Settings;
  /** Epoch ms when the session ends unless used again. */
  expiresAt: number;
}

export interface AppEnv {
  Variables: { deps: Deps; auth: Auth };
}
