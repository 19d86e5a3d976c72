import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { isPostgresUrl } from './db/connect.js';
import type { SeedMode } from './seed.js';

export interface Config {
  port: number;
  host: string;
  /** A SQLite file (absolute path) or a `postgres://` URL. */
  dbFile: string;
  /** Uploaded files; default beside the SQLite file, `./data/portal-files` with PostgreSQL. */
  filesDir?: string;
  adminToken: string;
  /** Whether the admin token was generated (then it is printed at start). */
  adminTokenGenerated: boolean;
  seed: SeedMode;
  log: boolean;
  /** NODE_ENV=production (or PORTAL_MODE=production): no demo seed unless asked, admin token from the environment only, never printed. */
  production: boolean;
  /** Base of every emailed link (`…#/reset?token=`); unset = the listening address + `/portal.html` (never a request's Host). */
  linkBase?: string;
  /** The server's public base for links into the API (one-time sign-in links); unset = the listening address. */
  publicUrl?: string;
  /** Exact origins allowed to call the API with credentials (CORS). */
  corsOrigins: string[];
  /** Whether to take the client address from `X-Forwarded-For` (behind a reverse proxy). */
  trustProxy: boolean;
}

/** `PORTAL_LINK_BASE`: an absolute http(s) URL without fragment; `undefined` when unset. */
export function parseLinkBase(value: string | undefined, name = 'PORTAL_LINK_BASE'): string | undefined {
  const given = value?.trim();
  if (!given) return undefined;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new Error(`${name} must be an absolute URL, not "${given}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be an http(s) URL`);
  url.hash = '';
  return url.href;
}

/** `PORTAL_PUBLIC_URL`: the server's public base (`https://help.example.com`), without trailing slash. */
export const parsePublicUrl = (value: string | undefined) => parseLinkBase(value, 'PORTAL_PUBLIC_URL')?.replace(/\/+$/, '');

/** `PORTAL_CORS_ORIGINS`: comma-separated origins (`https://help.example.com`), each normalized by the URL parser. */
export function parseCorsOrigins(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '').map((origin) => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new Error(`PORTAL_CORS_ORIGINS: "${origin}" is not an origin`);
    }
    if (url.origin === 'null' || url.origin !== origin.replace(/\/$/, '')) throw new Error(`PORTAL_CORS_ORIGINS: "${origin}" is not an origin (scheme://host[:port])`);
    return url.origin;
  });
}

/** Shortest admin token accepted: 32 characters (a generated one has 64 hex digits). */
export const MIN_ADMIN_TOKEN_LENGTH = 32;

/** Refuses to start with a guessable admin token. */
export function checkAdminToken(token: string, source = 'The admin token'): void {
  if (token.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new Error(`${source} must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters long (for example: openssl rand -hex 32).`);
  }
  if (/\s/.test(token)) throw new Error(`${source} must not contain spaces.`);
}

/**
 * Reads the environment: PORT, HOST, PORTAL_DB (file or postgres:// URL), PORTAL_FILES_DIR, PORTAL_ADMIN_TOKEN, PORTAL_SEED, PORTAL_LOG, PORTAL_LINK_BASE,
 * PORTAL_PUBLIC_URL, PORTAL_CORS_ORIGINS, PORTAL_TRUST_PROXY.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 8787 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (0 = any free port), not "${env.PORT}"`);
  const production = env.NODE_ENV === 'production' || env.PORTAL_MODE === 'production';
  const seed = env.PORTAL_SEED || (production ? 'none' : 'demo');
  if (seed !== 'demo' && seed !== 'none') throw new Error(`PORTAL_SEED must be "demo" or "none", not "${seed}"`);
  const given = env.PORTAL_ADMIN_TOKEN?.trim();
  if (production && !given) {
    throw new Error('Set PORTAL_ADMIN_TOKEN: in production (NODE_ENV=production) the admin token comes from the environment, and is never generated or printed.');
  }
  if (given) checkAdminToken(given, 'PORTAL_ADMIN_TOKEN');
  return {
    production,
    port,
    host: env.HOST || '127.0.0.1',
    dbFile: isPostgresUrl(env.PORTAL_DB ?? '') ? (env.PORTAL_DB as string) : resolve(env.PORTAL_DB || './data/portal.db'),
    filesDir: env.PORTAL_FILES_DIR ? resolve(env.PORTAL_FILES_DIR) : isPostgresUrl(env.PORTAL_DB ?? '') ? resolve('./data/portal-files') : undefined,
    adminToken: given || randomBytes(32).toString('hex'),
    adminTokenGenerated: !given,
    seed,
    log: env.PORTAL_LOG !== 'silent',
    linkBase: parseLinkBase(env.PORTAL_LINK_BASE),
    publicUrl: parsePublicUrl(env.PORTAL_PUBLIC_URL),
    corsOrigins: parseCorsOrigins(env.PORTAL_CORS_ORIGINS),
    trustProxy: env.PORTAL_TRUST_PROXY === '1',
  };
}
