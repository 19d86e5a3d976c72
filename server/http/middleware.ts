import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Settings } from '../../src/contract/settings.js';
import { accessRevoked } from '../auth/session-access.js';
import { lookUpSession, resolveSession } from '../auth/sessions.js';
import type { AppEnv } from './context.js';
import { isAllowedOrigin } from './cors.js';
import { Problem } from './problem.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const PROBES = new Set(['/healthz', '/readyz']);

/**
 * Request ids and one JSON line per request on stdout (level, time, request id, method, path, status, ms). The id
 * comes from a well-formed `X-Request-Id` (set by a load balancer) or is made here; the answer carries it.
 */
export const requestLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  const given = c.req.header('x-request-id');
  const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
  c.set('requestId', requestId);
  await next();
  c.header('x-request-id', requestId);
  if (!c.get('deps').log || PROBES.has(c.req.path)) return;
  const line = {
    level: 'info', at: new Date().toISOString(), requestId, method: c.req.method, path: c.req.path, status: c.res.status,
    ms: Math.round((performance.now() - started) * 10) / 10,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

/** The request's settings: read once (the first time asked), then kept in `c.var.settings`. */
export async function requestSettings(c: Context<AppEnv>): Promise<Settings> {
  const loaded = c.get('settings');
  if (loaded) return loaded;
  const settings = await c.get('deps').settingsStore.read();
  c.set('settings', settings);
  return settings;
}

/** Reads the settings once for the request: routes and the middleware after this one take `c.var.settings`. */
export const loadSettings: MiddlewareHandler<AppEnv> = async (c, next) => {
  await requestSettings(c);
  await next();
};

/** End-user routes answer 503 while the portal is switched off. */
export const portalEnabled: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!(await requestSettings(c)).enabled) throw Problem.unavailable('This portal is not available', 'This portal is not available.');
  await next();
};

/** Answers are not stored by any cache (a route may still say otherwise; problems always say `no-store`). */
export const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.header('cache-control', 'no-store');
  await next();
};

/**
 * CSRF defence for end-user routes: state-changing requests need `X-Portal-Request: 1` (a custom header a
 * cross-site form cannot send without a CORS preflight) and must not come from another site, unless that site's
 * origin is on the CORS allow-list.
 */
export const csrfGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) {
    if (c.req.header('sec-fetch-site')?.toLowerCase() === 'cross-site' && !isAllowedOrigin(c.get('deps'), c.req.header('origin'))) {
      throw Problem.forbidden('Cross-site requests are not allowed.');
    }
    if (c.req.header('x-portal-request') !== '1') throw Problem.forbidden('The X-Portal-Request header is missing.');
  }
  await next();
};

/** Requires a valid session (the request counts as activity) and puts it into `c.var.auth`. */
export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const found = await lookUpSession(c, await requestSettings(c));
  if (!('auth' in found)) throw found.ended === 'access-revoked' ? accessRevoked() : Problem.unauthenticated();
  const { auth } = found;
  c.set('auth', auth);
  c.header('x-session-expires-at', new Date(auth.expiresAt).toISOString());
  await next();
};

/**
 * A session that is looked at but not touched: polling for changes is not activity, so an idle session still ends
 * (the next poll answers 401).
 */
export const watchSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const auth = await resolveSession(c, await requestSettings(c), false);
  if (!auth) throw Problem.unauthenticated();
  c.set('auth', auth);
  c.header('x-session-expires-at', new Date(auth.expiresAt).toISOString());
  await next();
};
