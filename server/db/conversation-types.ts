import type { Generated } from 'kysely';

/** One reply posted with an Idempotency-Key: the key posts once per contact (primary key). */
export interface ReplyRequestsTable {
  contact_id: number;
  idempotency_key: string;
  /** SHA-256 (hex) of what was posted (ticket, body, files): the same key with other content is a conflict. */
  fingerprint: string;
  ticket_id: number;
  message_id: number;
  created_at: string;
}

/** A thread the portal opened (a reply to a ticket without a conversation), with the inbox it went to. */
export interface TicketThreadsTable {
  ticket_id: number;
  thread: number;
  inbox: string;
  created_at: string;
}

/** What live updates report: a new visible message, or a change of the ticket (stage, owner, …). */
export interface TicketChangesTable {
  id: Generated<number>;
  ticket_id: number;
  kind: 'message' | 'ticket';
  message_id: number | null;
  /** Server time (ISO) of the change. */
  at: string;
}

export interface ConversationTables {
  reply_requests: ReplyRequestsTable;
  ticket_threads: TicketThreadsTable;
  ticket_changes: TicketChangesTable;
}
