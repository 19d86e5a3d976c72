import type { Kysely, Migration } from 'kysely';
import { idColumn } from './dialect/kind.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The helpdesk side (schema builder only, so SQLite and PostgreSQL alike): agents' API keys, webhook endpoints and
 * their delivery log, and contacts' email preferences.
 */
export const helpdeskMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema.createTable('agent_api_keys')
      .addColumn(...idColumn(db))
      .addColumn('agent_id', 'integer', (c) => c.notNull().references('agents.id').onDelete('cascade'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createTable('webhooks')
      .addColumn(...idColumn(db))
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('events', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createTable('webhook_deliveries')
      .addColumn(...idColumn(db))
      .addColumn('webhook_id', 'integer', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'integer')
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('last_status_code', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('delivered_at', 'text')
      .execute();
    await db.schema.createIndex('webhook_deliveries_status').on('webhook_deliveries').columns(['status', 'id']).execute();
    await db.schema.createTable('contact_preferences')
      .addColumn('contact_id', 'integer', (c) => c.primaryKey().references('contacts.id').onDelete('cascade'))
      .addColumn('reply_emails', 'integer', (c) => c.notNull())
      .addColumn('locale', 'text')
      .execute();
  },
  async down(db: AnyDb) {
    for (const table of ['contact_preferences', 'webhook_deliveries', 'webhooks', 'agent_api_keys']) await db.schema.dropTable(table).ifExists().execute();
  },
};
