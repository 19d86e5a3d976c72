import { Hono } from 'hono';
import { isHttps } from '../auth/sessions.js';
import type { AppEnv } from '../http/context.js';
import { serveFile } from '../http/static.js';

/** `/dist/` (the built library) and `/` (the demo site and its pages) from the project root. */
export function staticRoutes(root: string): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .on(['GET', 'HEAD'], '/dist/*', async (c) => (await serveFile(c, `${root}/dist`, c.req.path.slice('/dist/'.length))) ?? c.notFound())
    .on(['GET', 'HEAD'], '*', async (c) => (await serveFile(c, `${root}/demo`, c.req.path, isHttps(c))) ?? c.notFound());
}
