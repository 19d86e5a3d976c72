import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { SeedMode } from './seed.js';

export interface Config {
  port: number;
  host: string;
  dbFile: string;
  adminToken: string;
  /** Whether the admin token was generated (then it is printed at start). */
  adminTokenGenerated: boolean;
  seed: SeedMode;
  log: boolean;
}

/** Reads the environment: PORT, HOST, PORTAL_DB, PORTAL_ADMIN_TOKEN, PORTAL_SEED, PORTAL_LOG. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 8787 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (0 = any free port), not "${env.PORT}"`);
  const seed = env.PORTAL_SEED || 'demo';
  if (seed !== 'demo' && seed !== 'none') throw new Error(`PORTAL_SEED must be "demo" or "none", not "${seed}"`);
  const given = env.PORTAL_ADMIN_TOKEN?.trim();
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dbFile: resolve(env.PORTAL_DB || './data/portal.db'),
    adminToken: given || randomBytes(32).toString('hex'),
    adminTokenGenerated: !given,
    seed,
    log: env.PORTAL_LOG !== 'silent',
  };
}
