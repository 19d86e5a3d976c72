import { idColumn } from './dialect/kind.js';
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Replies from the portal and live updates (schema builder only, so SQLite and PostgreSQL alike):
 * - `reply_requests`: one row per (contact, Idempotency-Key), primary key = the guarantee that a key posts once;
 * - `ticket_threads`: threads the portal opened (a reply to a ticket without a conversation) and their inbox;
 * - `ticket_changes`: what live updates report (new visible messages, stage / owner changes), by server time.
 */
export const conversationMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema.createTable('reply_requests')
      .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('message_id', 'integer', (c) => c.notNull().references('messages.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('reply_requests_pk', ['contact_id', 'idempotency_key'])
      .execute();
    await db.schema.createTable('ticket_threads')
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('thread', 'integer', (c) => c.notNull())
      .addColumn('inbox', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ticket_threads_pk', ['ticket_id', 'thread'])
      .execute();
    await db.schema.createTable('ticket_changes')
      .addColumn(...idColumn(db))
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('message_id', 'integer')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ticket_changes_at').on('ticket_changes').columns(['at', 'ticket_id']).execute();
  },
  async down(db: AnyDb) {
    for (const table of ['ticket_changes', 'ticket_threads', 'reply_requests']) await db.schema.dropTable(table).ifExists().execute();
  },
};
