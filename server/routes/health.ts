import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from '../http/context.js';

/**
 * Probes for a load balancer or orchestrator: `/healthz` = the process answers; `/readyz` = it can take traffic
 * (the database answers, and it is not shutting down).
 */
export const healthRoutes = new Hono<AppEnv>()
  .get('/healthz', (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ status: 'ok' });
  })
  .get('/readyz', async (c) => {
    const { db, shutdown } = c.get('deps');
    c.header('cache-control', 'no-store');
    if (shutdown?.aborted) return c.json({ status: 'shutting-down' }, 503);
    try {
      await sql`select 1`.execute(db);
    } catch {
      return c.json({ status: 'database-unavailable' }, 503);
    }
    return c.json({ status: 'ready' });
  });
