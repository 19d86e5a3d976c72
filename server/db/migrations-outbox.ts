import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Outbox rows become a delivery queue: status, attempts with backoff, a claim so one instance sends each email. */
export const outboxDeliveryMigration: Migration = {
  async up(db: AnyDb) {
    // One column per statement: SQLite adds one column per ALTER TABLE.
    await db.schema.alterTable('outbox').addColumn('kind', 'text').execute();
    await db.schema.alterTable('outbox').addColumn('html', 'text').execute();
    await db.schema.alterTable('outbox').addColumn('status', 'text', (c) => c.notNull().defaultTo('queued')).execute();
    await db.schema.alterTable('outbox').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('outbox').addColumn('next_attempt_at', 'bigint').execute();
    await db.schema.alterTable('outbox').addColumn('claimed_until', 'bigint').execute();
    await db.schema.alterTable('outbox').addColumn('sent_at', 'text').execute();
    await db.schema.alterTable('outbox').addColumn('last_error', 'text').execute();
    await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropIndex('outbox_due').ifExists().execute();
    for (const column of ['last_error', 'sent_at', 'claimed_until', 'next_attempt_at', 'attempts', 'status', 'html', 'kind']) {
      await db.schema.alterTable('outbox').dropColumn(column).execute();
    }
  },
};
