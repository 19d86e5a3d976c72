import { createHmac, randomUUID } from 'node:crypto';
import type { Db } from '../db/connect.js';
import type { WebhookEvent } from '../schemas/helpdesk.js';

export interface WebhookEventData {
  ticketId?: number;
  messageId?: number;
  contactId?: number;
  /** message.created: who wrote it (`agent` | `contact`) and whether it is an internal note. */
  authorKind?: 'agent' | 'contact';
  internal?: boolean;
}

/**
 * `X-Portal-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with the endpoint's secret.
 * Receivers recompute it over the raw body and compare in constant time (and may refuse old `t`).
 */
export function signature(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`, 'utf8').digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/**
 * Queues one event for every endpoint subscribed to its type (one delivery each, sharing the event id); the
 * dispatcher sends them. Call it with the transaction that made the change, so an event exists exactly when the change does.
 */
export async function queueWebhookEvent(db: Db, type: WebhookEvent, data: WebhookEventData, at: number): Promise<number> {
  const hooks = await db.selectFrom('webhooks').select(['id', 'events']).execute();
  const targets = hooks.filter((h) => (JSON.parse(h.events) as string[]).includes(type));
  if (targets.length === 0) return 0;
  const createdAt = new Date(at).toISOString();
  const id = `evt_${randomUUID().replaceAll('-', '')}`;
  const payload = JSON.stringify({ id, type, createdAt, data });
  await db.insertInto('webhook_deliveries').values(targets.map((h) => ({
    webhook_id: h.id, event_id: id, event: type, ticket_id: data.ticketId ?? null, payload, status: 'pending' as const,
    attempts: 0, last_status_code: null, last_error: null, next_attempt_at: new Date(0).toISOString(), created_at: createdAt, delivered_at: null,
  }))).execute();
  return targets.length;
}
