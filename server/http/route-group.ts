import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';

/**
 * The routes of some route files as one sub-app whose middleware chain is declared once and runs for each of their
 * routes — and only for them: a path or method no route of the group answers passes on untouched (to the API's 404),
 * exactly as if the chain were written on every route. (A `use('*')` in a sub-app mounted at `/` would run for
 * every other route under the same base as well.)
 */
export function routeGroup(middleware: readonly MiddlewareHandler<AppEnv>[], ...routes: readonly Hono<AppEnv>[]): Hono<AppEnv> {
  const group = new Hono<AppEnv>();
  const seen = new Set<string>();
  for (const { method, path } of routes.flatMap((r) => r.routes)) {
    const key = `${method} ${path}`;
    if (seen.has(key) || middleware.length === 0) continue;
    seen.add(key);
    group.on(method, path, ...(middleware as [MiddlewareHandler<AppEnv>]));
  }
  for (const r of routes) group.route('/', r);
  return group;
}
