import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from './context.js';

const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const HEADERS = 'Content-Type, X-Portal-Request, Idempotency-Key, Authorization';
const EXPOSED = 'Retry-After, X-Session-Expires-At, Content-Disposition';

/** Whether an `Origin` header names an allow-listed origin (exact match). */
export const isAllowedOrigin = (deps: Pick<Deps, 'corsOrigins'>, origin: string | undefined) =>
  origin !== undefined && origin !== 'null' && deps.corsOrigins.includes(origin);

/**
 * CORS for the end-user API (`PORTAL_CORS_ORIGINS`): allow-listed origins get their origin echoed with
 * credentials; preflights answer 204; other origins get no CORS headers at all, so the browser refuses.
 * The admin API never takes part (it is for servers, not browsers).
 */
export const cors: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.path.startsWith('/api/v1/admin/') || c.req.path === '/api/v1/admin') return next();
  const origin = c.req.header('origin');
  const allowed = isAllowedOrigin(c.get('deps'), origin);
  const preflight = c.req.method === 'OPTIONS' && origin !== undefined && c.req.header('access-control-request-method') !== undefined;
  if (preflight) {
    const headers: Record<string, string> = { vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers' };
    if (allowed) {
      Object.assign(headers, {
        'access-control-allow-origin': origin,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': METHODS,
        'access-control-allow-headers': HEADERS,
        'access-control-max-age': '600',
      });
    }
    return new Response(null, { status: 204, headers });
  }
  await next();
  if (origin === undefined) return;
  // c.header (not c.res.headers): it re-creates a finalized response, which error answers need.
  c.header('vary', 'Origin', { append: true });
  if (allowed) {
    c.header('access-control-allow-origin', origin);
    c.header('access-control-allow-credentials', 'true');
    c.header('access-control-expose-headers', EXPOSED);
  }
};
