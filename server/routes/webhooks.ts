import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { Selectable } from 'kysely';
import type { WebhookDeliveriesTable, WebhooksTable } from '../db/helpdesk-types.js';
import { readJson } from '../http/body.js';
import type { AppEnv } from '../http/context.js';
import { Problem } from '../http/problem.js';
import { idParam } from '../http/ticket-access.js';
import { WebhookInput } from '../schemas/helpdesk.js';

const NO_WEBHOOK = 'No webhook has this id.';
const NO_DELIVERY = 'No delivery of this webhook has this id.';

const toWebhook = (r: Selectable<WebhooksTable>) => ({
  id: r.id, url: r.url, events: JSON.parse(r.events) as string[], description: r.description, createdAt: r.created_at,
});

const toDelivery = (r: Selectable<WebhookDeliveriesTable>) => ({
  id: r.id, eventId: r.event_id, event: r.event, status: r.status, attempts: r.attempts, lastStatusCode: r.last_status_code,
  lastError: r.last_error, nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null, createdAt: r.created_at,
  deliveredAt: r.delivered_at, payload: JSON.parse(r.payload) as unknown,
});

async function webhookOf(c: Context<AppEnv>) {
  const id = idParam(c.req.param('id'), NO_WEBHOOK);
  const row = await c.get('deps').db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw Problem.notFound(NO_WEBHOOK);
  return row;
}

/** Webhook endpoints (admin token only): register (the signing secret is shown once), list, delete; the delivery log and replays. */
export const webhookRoutes = new Hono<AppEnv>()
  .post('/admin/webhooks', async (c) => {
    const body = await readJson(c, WebhookInput);
    const { db, now } = c.get('deps');
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const row = await db.insertInto('webhooks').values({
      url: body.url, events: JSON.stringify([...new Set(body.events)]), description: body.description ?? null, secret,
      created_at: new Date(now()).toISOString(),
    }).returningAll().executeTakeFirstOrThrow();
    return c.json({ ...toWebhook(row), secret }, 201);
  })
  .get('/admin/webhooks', async (c) => {
    const rows = await c.get('deps').db.selectFrom('webhooks').selectAll().orderBy('id').execute();
    return c.json(rows.map(toWebhook));
  })
  .delete('/admin/webhooks/:id{[0-9]+}', async (c) => {
    const hook = await webhookOf(c);
    const { db } = c.get('deps');
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('webhook_deliveries').where('webhook_id', '=', hook.id).execute();
      await trx.deleteFrom('webhooks').where('id', '=', hook.id).execute();
    });
    return c.body(null, 204);
  })
  .get('/admin/webhooks/:id{[0-9]+}/deliveries', async (c) => {
    const hook = await webhookOf(c);
    const rows = await c.get('deps').db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', hook.id)
      .orderBy('id', 'desc').limit(500).execute();
    c.header('cache-control', 'no-store');
    return c.json(rows.map(toDelivery));
  })
  /** Sends a delivery again (same event id and body, fresh signature), whatever its state. */
  .post('/admin/webhooks/:id{[0-9]+}/deliveries/:deliveryId{[0-9]+}/replay', async (c) => {
    const hook = await webhookOf(c);
    const { db, webhooks } = c.get('deps');
    const id = idParam(c.req.param('deliveryId'), NO_DELIVERY);
    const updated = await db.updateTable('webhook_deliveries')
      .set({ status: 'pending', next_attempt_at: new Date(0).toISOString(), delivered_at: null })
      .where('id', '=', id).where('webhook_id', '=', hook.id).returningAll().executeTakeFirst();
    if (!updated) throw Problem.notFound(NO_DELIVERY);
    webhooks?.kick();
    return c.json(toDelivery(updated), 202);
  });
