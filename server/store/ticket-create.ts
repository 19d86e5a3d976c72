import type { FormOutput } from '../../src/domain/form-validation.js';
import type { ContactRecord, PipelineRecord, TicketRecord } from '../../src/domain/world.js';
import { isUniqueViolation, type Db } from '../db/connect.js';
import type { ReceivedFile } from '../http/reply-form.js';
import { recordChange } from './changes.js';
import { insertTicket } from './tickets.js';
import { queueWebhookEvent } from '../webhooks/events.js';
import { ticketFromForm } from '../../src/domain/form-ticket.js';

export { textToHtml } from '../../src/domain/form-ticket.js';

export interface NewTicketRequest {
  contact: ContactRecord;
  idempotencyKey: string;
  /** SHA-256 of what was posted: the same key with another fingerprint is a conflict. */
  fingerprint: string;
  /** Validated form values (visible fields only). */
  values: FormOutput;
  files: readonly ReceivedFile[];
  pipeline: PipelineRecord;
  inbox: string;
  at: number;
}

export type NewTicketOutcome =
  | { kind: 'created'; ticketId: number }
  | { kind: 'replayed'; ticketId: number }
  | { kind: 'conflict'; ticketId: number };

/**
 * Creates the ticket of a support-form submission in one transaction, once per (contact, Idempotency-Key): the
 * ticket (the contact's company, the first stage of the pipeline), thread 1 with the description as the contact's
 * first message and the files attached to it, the thread's inbox, the request row and a change for live updates.
 * A key already used answers `replayed` (same content) or `conflict` (other content) and creates nothing.
 */
export async function createTicketOnce(db: Db, request: NewTicketRequest): Promise<NewTicketOutcome> {
  try {
    return await createInTransaction(db, request);
  } catch (error) {
    // Concurrent requests with one key on a database that runs transactions side by side (PostgreSQL): the request
    // row's primary key lets one commit; the others fail on it and answer the stored result.
    if (!isUniqueViolation(error)) throw error;
    const earlier = await earlierRequest(db, request);
    if (!earlier) throw error;
    return earlier;
  }
}

async function earlierRequest(db: Db, { contact, idempotencyKey, fingerprint }: NewTicketRequest): Promise<NewTicketOutcome | undefined> {
  const existing = await db.selectFrom('ticket_requests').select(['fingerprint', 'ticket_id'])
    .where('contact_id', '=', contact.id).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
  return existing && { kind: existing.fingerprint === fingerprint ? 'replayed' : 'conflict', ticketId: existing.ticket_id };
}

function createInTransaction(db: Db, request: NewTicketRequest): Promise<NewTicketOutcome> {
  const { contact, idempotencyKey, fingerprint, values, files, pipeline, inbox } = request;
  const at = new Date(request.at).toISOString();
  return db.transaction().execute(async (trx) => {
    const existing = await earlierRequest(trx, request);
    if (existing) return existing;

    const { ticket, firstMessageBody } = ticketFromForm(values, { contact, pipeline, inbox, at });
    const record: TicketRecord = { id: 0, ...ticket };
    const ticketId = await insertTicket(trx, record);
    const message = await trx.insertInto('messages').values({
      ticket_id: ticketId, thread: 1, author_kind: 'contact', author_id: contact.id, body: firstMessageBody, internal: 0, created_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    for (const file of files) {
      await trx.insertInto('attachments').values({
        message_id: message.id, name: file.name, content_type: file.contentType, size: file.size, storage_key: file.upload.key,
      }).execute();
    }
    await trx.insertInto('ticket_threads').values({ ticket_id: ticketId, thread: 1, inbox, created_at: at }).execute();
    await trx.insertInto('ticket_requests').values({
      contact_id: contact.id, idempotency_key: idempotencyKey, fingerprint, ticket_id: ticketId, created_at: at,
    }).execute();
    await recordChange(trx, { type: 'ticket', ticketId }, request.at);
    await queueWebhookEvent(trx, 'ticket.created', { ticketId, contactId: contact.id }, request.at);
    return { kind: 'created', ticketId };
  });
}
