import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import type { Selectable } from 'kysely';
import { hashToken } from '../auth/tokens.js';
import type { AgentApiKeysTable } from '../db/helpdesk-types.js';
import { readJson } from '../http/body.js';
import type { AppEnv } from '../http/context.js';
import { Problem } from '../http/problem.js';
import { idParam } from '../http/ticket-access.js';
import { ApiKeyInput } from '../schemas/helpdesk.js';

const NO_KEY = 'No API key has this id.';

const toApiKey = (r: Selectable<AgentApiKeysTable>) => ({ id: r.id, agentId: r.agent_id, label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at });

/** Agents' API keys for the helpdesk API (admin token only): create (the key is shown once), list, revoke. */
export const apiKeyRoutes = new Hono<AppEnv>()
  .post('/admin/api-keys', async (c) => {
    const body = await readJson(c, ApiKeyInput);
    const { db, now } = c.get('deps');
    if (!(await db.selectFrom('agents').select('id').where('id', '=', body.agentId).executeTakeFirst())) {
      throw Problem.validation([{ field: 'agentId', message: 'No agent has this id.' }]);
    }
    const key = `pak_${randomBytes(32).toString('base64url')}`;
    const row = await db.insertInto('agent_api_keys').values({
      agent_id: body.agentId, label: body.label ?? '', token_hash: hashToken(key), created_at: new Date(now()).toISOString(), revoked_at: null,
    }).returningAll().executeTakeFirstOrThrow();
    return c.json({ ...toApiKey(row), key }, 201);
  })
  .get('/admin/api-keys', async (c) => {
    const rows = await c.get('deps').db.selectFrom('agent_api_keys').selectAll().orderBy('id').execute();
    return c.json(rows.map(toApiKey));
  })
  .delete('/admin/api-keys/:id{[0-9]+}', async (c) => {
    const { db, now } = c.get('deps');
    const id = idParam(c.req.param('id'), NO_KEY);
    const row = await db.selectFrom('agent_api_keys').select(['id', 'revoked_at']).where('id', '=', id).executeTakeFirst();
    if (!row) throw Problem.notFound(NO_KEY);
    if (row.revoked_at === null) {
      await db.updateTable('agent_api_keys').set({ revoked_at: new Date(now()).toISOString() }).where('id', '=', id).execute();
    }
    return c.body(null, 204);
  });
