import type { Selectable } from 'kysely';
import type { Settings } from '../../src/contract/settings.js';
import type { Message } from '../../src/contract/tickets.js';
import { toMessage } from '../../src/domain/conversation.js';
import type { Db } from '../db/connect.js';
import type { AttachmentsTable, MessagesTable } from '../db/types.js';
import { readAgents } from './agents.js';
import { readContactNames } from './contacts.js';

type MessageRow = Selectable<MessagesTable>;

/** The thread the portal shows: the oldest one holding a message that is not an internal note (`undefined`: none). */
export async function visibleThread(db: Db, ticketId: number): Promise<number | undefined> {
  const row = await db.selectFrom('messages').select((eb) => eb.fn.min<number>('thread').as('thread'))
    .where('ticket_id', '=', ticketId).where('internal', '=', 0).executeTakeFirst();
  return row?.thread ?? undefined;
}

/**
 * The thread a helpdesk message goes to: the one named (`threadId`), a new one after the last (`newThread`), else the
 * thread the customer sees in the portal (so an agent's answer reaches them), else thread 1.
 */
export async function threadForMessage(db: Db, ticketId: number, input: { threadId?: number; newThread?: boolean }): Promise<number> {
  if (input.threadId !== undefined) return input.threadId;
  if (input.newThread) {
    const last = await db.selectFrom('messages').select((eb) => eb.fn.max<number>('thread').as('thread')).where('ticket_id', '=', ticketId).executeTakeFirst();
    return (last?.thread ?? 0) + 1;
  }
  const visible = await visibleThread(db, ticketId);
  if (visible !== undefined) return visible;
  const first = await db.selectFrom('messages').select((eb) => eb.fn.min<number>('thread').as('thread')).where('ticket_id', '=', ticketId).executeTakeFirst();
  return first?.thread ?? 1;
}

/**
 * `visibleConversation` of src/domain/conversation.ts in SQL: the oldest thread's messages without internal notes,
 * oldest first (ties by id).
 */
export async function readConversation(db: Db, ticketId: number): Promise<MessageRow[]> {
  const thread = await visibleThread(db, ticketId);
  if (thread === undefined) return [];
  return db.selectFrom('messages').selectAll()
    .where('ticket_id', '=', ticketId).where('thread', '=', thread).where('internal', '=', 0)
    .orderBy('created_at').orderBy('id')
    .execute();
}

/** Messages as the portal shows them: authors named per `ownerName`, attachments with their stored size and type. */
export async function toWireMessages(db: Db, rows: readonly MessageRow[], ownerName: Settings['ownerName']): Promise<Message[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const agentIds = [...new Set(rows.filter((r) => r.author_kind === 'agent').map((r) => r.author_id))];
  const contactIds = [...new Set(rows.filter((r) => r.author_kind === 'contact').map((r) => r.author_id))];
  const [attachments, agents, contacts] = await Promise.all([
    db.selectFrom('attachments').selectAll().where('message_id', 'in', ids).orderBy('id').execute(),
    readAgents(db, agentIds),
    readContactNames(db, contactIds),
  ]);
  const byMessage = new Map<number, Selectable<AttachmentsTable>[]>();
  for (const a of attachments) byMessage.set(a.message_id, [...(byMessage.get(a.message_id) ?? []), a]);
  return rows.map((r) => ({
    ...toMessage({
      id: r.id, ticketId: r.ticket_id, thread: r.thread, authorKind: r.author_kind, authorId: r.author_id, body: r.body,
      internal: r.internal === 1, createdAt: r.created_at, attachments: [],
    }, { agents, contacts }, ownerName),
    attachments: (byMessage.get(r.id) ?? []).map((a) => ({ id: a.id, name: a.name, size: a.size, contentType: a.content_type })),
  }));
}

/** One stored message as the portal shows it, or `undefined`. */
export async function readWireMessage(db: Db, id: number, ownerName: Settings['ownerName']): Promise<Message | undefined> {
  const row = await db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await toWireMessages(db, [row], ownerName))[0] : undefined;
}
