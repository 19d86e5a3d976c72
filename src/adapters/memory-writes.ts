import type { CreateTicketInput } from '../contract/adapter.js';
import type { UploadLimits } from '../contract/form.js';
import { ConflictError, ForbiddenError, ValidationError } from '../contract/errors.js';
import type { Settings } from '../contract/settings.js';
import { ACCESS_REFUSALS, passwordAccessRefusal } from '../domain/access.js';
import type { UploadFile } from '../contract/tickets.js';
import { visibleConversation } from '../domain/conversation.js';
import type { DemoWorld } from '../domain/demo-world.js';
import { pipelineForForm, ticketFromForm } from '../domain/form-ticket.js';
import { checkSubmission, type RawFormValues } from '../domain/form-validation.js';
import { replyBodyRefusal } from '../domain/reply-rules.js';
import { uploadRefusal } from '../domain/upload-rules.js';
import { displayFileName } from '../domain/uploads.js';
import type { AttachmentRecord, ContactRecord, MessageRecord, TicketRecord } from '../domain/world.js';

/**
 * What the MemoryAdapter writes, by the domain's rules and in the order the server applies them, throwing the
 * typed errors (and texts) the HttpAdapter makes of the server's answers.
 */

/** 403 with the server's text when a contact who proved who they are without SSO may not enter. */
export function refuseWithoutAccess(settings: Pick<Settings, 'access'>, contact: ContactRecord): void {
  const refusal = passwordAccessRefusal(settings, contact);
  if (refusal) throw new ForbiddenError(ACCESS_REFUSALS[refusal]);
}

type ReceivedFile = { name: string; type: string; size: number; blob: Blob };

/** The files as the server would receive them (cleaned names, real sizes), or the refusal it would answer. */
export function receiveFiles(files: readonly UploadFile[], limits: UploadLimits): ReceivedFile[] {
  const received = files.map((f) => ({ name: displayFileName(f.name), type: f.type, size: f.blob.size, blob: f.blob }));
  const refusal = uploadRefusal(received, limits);
  if (refusal) throw new ValidationError(refusal.message, [{ field: 'files', message: refusal.message }]);
  return received;
}

const nextId = (ids: readonly number[]) => Math.max(0, ...ids) + 1;

/** Stores received files as a message's attachments (demo data keeps their text). */
async function storeAttachments(messages: readonly MessageRecord[], files: readonly ReceivedFile[]): Promise<AttachmentRecord[]> {
  let id = nextId(messages.flatMap((m) => m.attachments.map((a) => a.id))) - 1;
  return Promise.all(files.map(async (f) => ({ id: ++id, name: f.name, contentType: f.type || 'application/octet-stream', content: await f.blob.text() })));
}

/** Appends a message with the next id. */
export function addMessage(messages: MessageRecord[], message: Omit<MessageRecord, 'id'>): MessageRecord {
  const record = { id: nextId(messages.map((m) => m.id)), ...message };
  messages.push(record);
  return record;
}

/** The thread a new message of the ticket joins: the one the portal shows, or 1. */
export const visibleThreadOf = (world: DemoWorld, ticketId: number) =>
  visibleConversation(world.messages.filter((m) => m.ticketId === ticketId))[0]?.thread ?? 1;

/** A contact's reply (a ticket they may reply to): files and body checked as the server does, then stored. */
export async function storeReply(world: DemoWorld, ticket: TicketRecord, reply: { authorId: number; body: string; files: readonly UploadFile[]; at: string }) {
  const files = receiveFiles(reply.files, world.settings.supportForm.uploads);
  const refusal = replyBodyRefusal(reply.body, files.length);
  if (refusal) throw new ValidationError('Some fields are not valid.', [{ field: 'body', message: refusal }]);
  const attachments = await storeAttachments(world.messages, files);
  const record = addMessage(world.messages, {
    ticketId: ticket.id, thread: visibleThreadOf(world, ticket.id), authorKind: 'contact', authorId: reply.authorId, body: reply.body,
    internal: false, createdAt: reply.at, attachments,
  });
  ticket.lastActivityAt = reply.at;
  return record;
}

/** A support-form submission: the files as they stream in, then the fields; the ticket and its first message. */
export async function storeTicketFromForm(world: DemoWorld, contact: ContactRecord, input: CreateTicketInput, at: string): Promise<TicketRecord> {
  const form = world.settings.supportForm;
  const files = receiveFiles(input.files, form.uploads);
  const raw: RawFormValues = Object.fromEntries(Object.entries(input.values).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)]));
  const result = checkSubmission(form.fields, raw, files.length);
  if (!result.ok) throw new ValidationError('Some fields of the form are not valid.', result.issues.map((i) => ({ field: i.field, message: i.message })));
  const pipeline = pipelineForForm(result.values, world.pipelines);
  if (!pipeline || pipeline.stages.length === 0) throw new Error('No pipeline is configured for new tickets.');
  const made = ticketFromForm(result.values, { contact, pipeline, inbox: world.settings.defaultInbox, at });
  const record: TicketRecord = { id: nextId(world.tickets.map((t) => t.id)), ...made.ticket };
  world.tickets.push(record);
  addMessage(world.messages, {
    ticketId: record.id, thread: 1, authorKind: 'contact', authorId: contact.id, body: made.firstMessageBody, internal: false,
    createdAt: at, attachments: await storeAttachments(world.messages, files),
  });
  return record;
}

/** What a request with an idempotency key carried: the same key with other content is a conflict, as on the server. */
export function fingerprintOf(ticketId: number | null, content: unknown, files: readonly UploadFile[]): string {
  const sorted = content && typeof content === 'object' ? Object.fromEntries(Object.entries(content).sort(([a], [b]) => (a < b ? -1 : 1))) : content;
  return JSON.stringify([ticketId, sorted, files.map((f) => [f.name, f.type, f.blob.size])]);
}

/** The earlier answer to a key, or 409 when the key came with other content. */
export function replayed<T extends { fingerprint: string }>(earlier: T, fingerprint: string): T {
  if (earlier.fingerprint !== fingerprint) throw new ConflictError('This Idempotency-Key was already used for a different request. Use a new key.');
  return earlier;
}
