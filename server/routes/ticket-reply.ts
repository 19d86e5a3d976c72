import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { ticketActions } from '../../src/domain/conversation.js';
import { ticketStatus } from '../../src/domain/display.js';
import type { TicketRecord } from '../../src/domain/world.js';
import type { Db } from '../db/connect.js';
import type { AppEnv } from '../http/context.js';
import { Problem } from '../http/problem.js';
import { idempotencyKey, idempotencyKeyReused } from '../http/idempotency-key.js';
import { readReplyForm, type ReplyForm } from '../http/reply-form.js';
import { checkStorageQuota, checkSubmissionRate } from '../http/submission-limits.js';
import { visibleTicket } from '../http/ticket-access.js';
import { recordChange } from '../store/changes.js';
import { readWireMessage, visibleThread } from '../store/messages.js';
import { readPipelines } from '../store/pipelines.js';
import { readTicket, updateTicket } from '../store/tickets.js';
import { queueWebhookEvent } from '../webhooks/events.js';

const closedRefusal = () => Problem.forbidden('Replies to closed tickets are not possible.');

async function mayReply(db: Db, ticket: TicketRecord, actions: Parameters<typeof ticketActions>[0]): Promise<boolean> {
  return ticketActions(actions, ticketStatus(await readPipelines(db), ticket, 'open-closed').closed).reply;
}

const earlierRequest = (db: Db, contactId: number, key: string) =>
  db.selectFrom('reply_requests').select(['fingerprint', 'ticket_id', 'message_id'])
    .where('contact_id', '=', contactId).where('idempotency_key', '=', key).executeTakeFirst();

type Outcome = { kind: 'created'; messageId: number } | { kind: 'earlier'; fingerprint: string; messageId: number } | { kind: 'closed' };

/**
 * Stores the reply in one transaction: the (contact, key) row is written first, so of concurrent requests with one
 * key exactly one creates the message; the others find the row and answer that message.
 */
async function storeReply(db: Db, form: ReplyForm, input: { ticketId: number; contactId: number; key: string; fingerprint: string; at: number; inbox: string; actions: Parameters<typeof ticketActions>[0] }): Promise<Outcome> {
  return db.transaction().execute(async (trx): Promise<Outcome> => {
    const earlier = await earlierRequest(trx, input.contactId, input.key);
    if (earlier) return { kind: 'earlier', fingerprint: earlier.fingerprint, messageId: earlier.message_id };
    const ticket = await readTicket(trx, input.ticketId);
    if (!ticket) throw Problem.notFound('No ticket has this id.');
    if (!(await mayReply(trx, ticket, input.actions))) return { kind: 'closed' };
    const iso = new Date(input.at).toISOString();
    let thread = await visibleThread(trx, ticket.id);
    if (thread === undefined) {
      const any = await trx.selectFrom('messages').select((eb) => eb.fn.min<number>('thread').as('thread')).where('ticket_id', '=', ticket.id).executeTakeFirst();
      thread = any?.thread ?? undefined;
      if (thread === undefined) {
        // No conversation yet: the reply opens thread 1 in the admin's default inbox.
        thread = 1;
        await trx.insertInto('ticket_threads').values({ ticket_id: ticket.id, thread, inbox: input.inbox, created_at: iso }).execute();
      }
    }
    const message = await trx.insertInto('messages').values({
      ticket_id: ticket.id, thread, author_kind: 'contact', author_id: input.contactId, body: form.body, internal: 0, created_at: iso,
    }).returning('id').executeTakeFirstOrThrow();
    for (const file of form.files) {
      await trx.insertInto('attachments').values({
        message_id: message.id, name: file.name, content_type: file.contentType, size: file.size, storage_key: file.upload.key,
      }).execute();
    }
    await trx.insertInto('reply_requests').values({
      contact_id: input.contactId, idempotency_key: input.key, fingerprint: input.fingerprint, ticket_id: ticket.id,
      message_id: message.id, created_at: iso,
    }).execute();
    if (iso > ticket.lastActivityAt) await updateTicket(trx, { ...ticket, lastActivityAt: iso });
    await recordChange(trx, { type: 'message', ticketId: ticket.id, messageId: message.id }, input.at);
    await queueWebhookEvent(trx, 'message.created', { ticketId: ticket.id, messageId: message.id, contactId: input.contactId, authorKind: 'contact', internal: false }, input.at);
    return { kind: 'created', messageId: message.id };
  });
}

/** `POST /tickets/{id}/messages`: a reply (multipart `body` + `files[]`) posted once per `Idempotency-Key`. */
export const ticketReplyRoutes = new Hono<AppEnv>()
  .post('/tickets/:id{[0-9]+}/messages', async (c) => {
    const ticket = await visibleTicket(c);
    const key = idempotencyKey(c);
    const { contact, settings } = c.get('auth');
    const { db, now, filesDir } = c.get('deps');
    // Refuse before reading any upload, unless this is a retry of a reply already stored.
    const retry = await earlierRequest(db, contact.id, key);
    if (!retry && !(await mayReply(db, ticket, settings))) throw closedRefusal();
    if (!retry) await checkSubmissionRate(c, 'replies');
    const form = await readReplyForm(c, settings.supportForm.uploads, filesDir);
    if (!retry && form.files.length > 0) {
      await checkStorageQuota(c, form.files.reduce((sum, f) => sum + f.size, 0)).catch(async (error: unknown) => {
        await form.discard();
        throw error;
      });
    }
    const fingerprint = createHash('sha256').update(`${ticket.id}:${form.fingerprint}`).digest('hex');
    const input = { ticketId: ticket.id, contactId: contact.id, key, fingerprint, at: now(), inbox: settings.defaultInbox, actions: settings };
    let outcome: Outcome;
    try {
      outcome = await storeReply(db, form, input);
    } catch (error) {
      // A unique-key race on a database that runs transactions side by side: the other request won.
      const earlier = await earlierRequest(db, contact.id, key).catch(() => undefined);
      if (!earlier) {
        await form.discard();
        throw error;
      }
      outcome = { kind: 'earlier', fingerprint: earlier.fingerprint, messageId: earlier.message_id };
    }
    if (outcome.kind !== 'created') await form.discard();
    else c.get('deps').webhooks?.kick();
    if (outcome.kind === 'closed') throw closedRefusal();
    if (outcome.kind === 'earlier' && outcome.fingerprint !== fingerprint) {
      throw idempotencyKeyReused('reply');
    }
    const message = await readWireMessage(db, outcome.messageId, settings.ownerName);
    if (!message) throw Problem.notFound('The reply no longer exists.');
    if (outcome.kind === 'earlier') c.header('idempotent-replayed', 'true');
    return c.json(message, 201);
  });
