import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { accessRevoked } from '../auth/session-access.js';
import { RULES, tooManyRequests } from '../auth/throttle.js';
import { clientAddress } from './client.js';
import { lookUpSession } from '../auth/sessions.js';
import { secretsEqual } from '../auth/tokens.js';
import { readSettings } from '../store/settings.js';
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

/** End-user routes answer 503 while the portal is switched off. */
export const portalEnabled: MiddlewareHandler<AppEnv> = async (c, next) => {
  const settings = await readSettings(c.get('deps').db);
  if (!settings.enabled) throw Problem.unavailable('This portal is not available', 'This portal is not available.');
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

/** Requires a valid session and puts it into `c.var.auth`. */
export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const found = await lookUpSession(c);
  if (!('auth' in found)) throw found.ended === 'access-revoked' ? accessRevoked() : Problem.unauthenticated();
  const { auth } = found;
  c.set('auth', auth);
  c.header('x-session-expires-at', new Date(auth.expiresAt).toISOString());
  await next();
};

/** Admin routes: `Authorization: Bearer <PORTAL_ADMIN_TOKEN>`, compared in constant time. */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  // Failed admin sign-ins are throttled per client address (429 with Retry-After), so the token cannot be guessed.
  const { limiter } = c.get('deps');
  const key = `admin:address:${clientAddress(c)}`;
  const wait = await limiter.retryAfter(key, RULES.failedAdminPerAddress);
  if (wait > 0) throw tooManyRequests(wait);
  if (!match || !secretsEqual(match[1], c.get('deps').adminToken)) {
    await limiter.hit(key, RULES.failedAdminPerAddress);
    throw Problem.unauthenticated('Send Authorization: Bearer <PORTAL_ADMIN_TOKEN>.', {
      title: 'Admin token required', headers: { 'www-authenticate': 'Bearer' },
    });
  }
  await next();
};
