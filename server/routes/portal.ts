import { Hono } from 'hono';
import { toPublicSettings } from '../../src/domain/public-settings.js';
import type { AppEnv } from '../http/context.js';

/** `GET /portal`: what anyone may know about the portal, in the `?locale=` asked for. Answers even when disabled. */
export const portalRoutes = new Hono<AppEnv>().get('/portal', async (c) => {
  const settings = c.get('settings');
  const locale = c.req.query('locale') ?? c.req.header('accept-language')?.split(',')[0]?.split(';')[0]?.trim();
  c.header('cache-control', 'no-cache');
  return c.json(toPublicSettings(settings, locale || undefined));
});
