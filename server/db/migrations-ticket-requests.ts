import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** `ticket_requests`: one row per (contact, Idempotency-Key) of `POST /tickets`; the primary key makes a key create once. */
export const ticketRequestsMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema.createTable('ticket_requests')
      .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ticket_requests_pk', ['contact_id', 'idempotency_key'])
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('ticket_requests').ifExists().execute();
  },
};
