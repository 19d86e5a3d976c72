import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** The helpdesk's inboxes a portal thread can come in through ("Support" and "Billing" to start with, and the inbox the settings already name). */
export const inboxesMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema.createTable('inboxes')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    const names = new Set(['Support', 'Billing']);
    const row = await db.selectFrom('settings').select('data').executeTakeFirst() as { data?: string } | undefined;
    const named = row?.data ? (JSON.parse(row.data) as { defaultInbox?: unknown }).defaultInbox : undefined;
    if (typeof named === 'string' && named !== '') names.add(named);
    const at = new Date().toISOString();
    await db.insertInto('inboxes').values([...names].map((name) => ({ name, created_at: at }))).execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('inboxes').ifExists().execute();
  },
};
