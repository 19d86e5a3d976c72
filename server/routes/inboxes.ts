import { Hono } from 'hono';
import * as z from 'zod/mini';
import { readJson } from '../http/body.js';
import type { AppEnv } from '../http/context.js';
import { Problem } from '../http/problem.js';

export const InboxInput = z.object({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)) });
export const Inbox = z.object({ name: z.string() });

/** The helpdesk's inboxes (`settings.defaultInbox` must name one): list, add. */
export const inboxRoutes = new Hono<AppEnv>()
  .get('/admin/inboxes', async (c) => {
    const rows = await c.get('deps').db.selectFrom('inboxes').select('name').orderBy('name').execute();
    return c.json(rows);
  })
  .post('/admin/inboxes', async (c) => {
    const { name } = await readJson(c, InboxInput);
    const { db, now } = c.get('deps');
    if (await db.selectFrom('inboxes').select('name').where('name', '=', name).executeTakeFirst()) {
      throw Problem.conflict('Inbox exists', `There is an inbox "${name}" already.`, { errors: [{ field: 'name', message: 'Already exists.' }] });
    }
    await db.insertInto('inboxes').values({ name, created_at: new Date(now()).toISOString() }).execute();
    return c.json({ name }, 201);
  });
