import { idColumn } from './dialect/kind.js';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { conversationMigration } from './migrations-conversation.js';
import { sessionMethodMigration } from './migrations-hardening.js';
import { endedSessionsAndRegistrationsMigration } from './migrations-registration.js';
import { ticketRequestsMigration } from './migrations-ticket-requests.js';
import { helpdeskMigration } from './migrations-helpdesk.js';
import { inboxesMigration } from './migrations-inboxes.js';
import { outboxDeliveryMigration } from './migrations-outbox.js';
import { throttleMigration } from './migrations-throttle.js';

/* Migrations use only Kysely's schema builder, so they run unchanged on SQLite and PostgreSQL. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const initial: Migration = {
  async up(db: AnyDb) {
    await db.schema.createTable('settings')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createTable('pipelines')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createTable('stages')
      .addColumn('pipeline_id', 'text', (c) => c.notNull().references('pipelines.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('closed', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('stages_pk', ['pipeline_id', 'id'])
      .execute();
    await db.schema.createTable('companies')
      .addColumn(...idColumn(db))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('domain', 'text')
      .execute();
    await db.schema.createTable('access_groups')
      .addColumn(...idColumn(db))
      .addColumn('name', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createTable('contacts')
      .addColumn(...idColumn(db))
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_key', 'text')
      .addColumn('company_id', 'integer', (c) => c.references('companies.id'))
      .addColumn('password_hash', 'text')
      .addColumn('external_id', 'text', (c) => c.unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createTable('contact_access_groups')
      .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('access_group_id', 'integer', (c) => c.notNull().references('access_groups.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('contact_access_groups_pk', ['contact_id', 'access_group_id'])
      .execute();
    await db.schema.createTable('contact_properties')
      .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('value_json', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('contact_properties_pk', ['contact_id', 'name'])
      .execute();
    await db.schema.createTable('agents')
      .addColumn(...idColumn(db))
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('alias', 'text')
      .addColumn('key_first', 'text')
      .addColumn('key_last', 'text')
      .addColumn('key_full', 'text')
      .addColumn('key_alias', 'text')
      .execute();
    await db.schema.createTable('tickets')
      .addColumn(...idColumn(db))
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('subject_key', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('pipeline', 'text', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('priority', 'text')
      .addColumn('owner_id', 'integer', (c) => c.references('agents.id'))
      .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id'))
      .addColumn('company_id', 'integer', (c) => c.references('companies.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_activity_at', 'text', (c) => c.notNull())
      .execute();
    // The list query: scope (contact or company) + sort by date; stage lookups for the status filter.
    await db.schema.createIndex('tickets_contact_created').on('tickets').columns(['contact_id', 'created_at']).execute();
    await db.schema.createIndex('tickets_company_created').on('tickets').columns(['company_id', 'created_at']).execute();
    await db.schema.createIndex('tickets_contact_activity').on('tickets').columns(['contact_id', 'last_activity_at']).execute();
    await db.schema.createIndex('tickets_company_activity').on('tickets').columns(['company_id', 'last_activity_at']).execute();
    await db.schema.createIndex('tickets_stage').on('tickets').columns(['pipeline', 'stage']).execute();
    await db.schema.createTable('ticket_properties')
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('core', 'integer', (c) => c.notNull())
      .addColumn('value_json', 'text', (c) => c.notNull())
      .addColumn('value_text', 'text')
      .addColumn('value_num', 'double precision')
      .addColumn('sort_num', 'double precision', (c) => c.notNull())
      .addColumn('known', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('ticket_properties_pk', ['ticket_id', 'name'])
      .execute();
    await db.schema.createIndex('ticket_properties_match').on('ticket_properties').columns(['name', 'value_text', 'ticket_id']).execute();
    await db.schema.createIndex('ticket_properties_num').on('ticket_properties').columns(['name', 'value_num', 'ticket_id']).execute();
    await db.schema.createTable('messages')
      .addColumn(...idColumn(db))
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('thread', 'integer', (c) => c.notNull())
      .addColumn('author_kind', 'text', (c) => c.notNull())
      .addColumn('author_id', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('internal', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('messages_ticket').on('messages').columns(['ticket_id', 'thread', 'created_at']).execute();
    await db.schema.createTable('attachments')
      .addColumn(...idColumn(db))
      .addColumn('message_id', 'integer', (c) => c.notNull().references('messages.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('storage_key', 'text', (c) => c.notNull().unique())
      .execute();
    await db.schema.createIndex('attachments_message').on('attachments').column('message_id').execute();
    await db.schema.createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_activity_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_contact').on('sessions').column('contact_id').execute();
    await db.schema.createTable('invitations')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .execute();
    await db.schema.createTable('outbox')
      .addColumn(...idColumn(db))
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('link', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: AnyDb) {
    for (const table of [
      'outbox', 'invitations', 'sessions', 'attachments', 'messages', 'ticket_properties', 'tickets', 'agents',
      'contact_properties', 'contact_access_groups', 'contacts', 'access_groups', 'companies', 'stages', 'pipelines', 'settings',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};

/** Consents given at registration, one-time sign-in tokens (password reset, emailed link) and used SSO JWT ids. */
const auth: Migration = {
  async up(db: AnyDb) {
    await db.schema.createTable('consents')
      .addColumn(...idColumn(db))
      .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('text_version', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('consents_contact').on('consents').column('contact_id').execute();
    await db.schema.createTable('auth_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .execute();
    await db.schema.createIndex('auth_tokens_contact').on('auth_tokens').columns(['contact_id', 'kind']).execute();
    await db.schema.createTable('used_jtis')
      .addColumn('jti', 'text', (c) => c.primaryKey())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('used_jtis_expiry').on('used_jtis').column('expires_at').execute();
  },
  async down(db: AnyDb) {
    for (const table of ['used_jtis', 'auth_tokens', 'consents']) await db.schema.dropTable(table).ifExists().execute();
  },
};

/**
 * Covering indexes for the list at scale (measured in `bench/server-list.ts`): scope + date order with the columns
 * the WHERE (search, status) and the sort joins (owner, requester) read, so counting and ordering a company's
 * tickets never touch the table; property lookups by ticket (filters, rules, sort, facets) answered from the index alone.
 */
const listIndexes: Migration = {
  async up(db: AnyDb) {
    // `id` right after the date: the list's tie-break, so `order by date, id` walks the index without sorting.
    const rest = ['id', 'subject_key', 'pipeline', 'stage', 'owner_id'];
    await db.schema.createIndex('tickets_company_list').on('tickets').columns(['company_id', 'created_at', ...rest, 'contact_id']).execute();
    await db.schema.createIndex('tickets_company_activity_list').on('tickets').columns(['company_id', 'last_activity_at', ...rest, 'contact_id']).execute();
    await db.schema.createIndex('tickets_contact_list').on('tickets').columns(['contact_id', 'created_at', ...rest, 'company_id']).execute();
    await db.schema.createIndex('tickets_contact_activity_list').on('tickets').columns(['contact_id', 'last_activity_at', ...rest, 'company_id']).execute();
    for (const name of ['tickets_contact_created', 'tickets_company_created', 'tickets_contact_activity', 'tickets_company_activity']) {
      await db.schema.dropIndex(name).ifExists().execute();
    }
    await db.schema.createIndex('ticket_properties_lookup').on('ticket_properties')
      .columns(['ticket_id', 'name', 'known', 'value_text', 'value_num', 'sort_num', 'value_json']).execute();
  },
  async down(db: AnyDb) {
    for (const name of ['ticket_properties_lookup', 'tickets_contact_activity_list', 'tickets_contact_list', 'tickets_company_activity_list', 'tickets_company_list']) {
      await db.schema.dropIndex(name).ifExists().execute();
    }
    await db.schema.createIndex('tickets_contact_created').on('tickets').columns(['contact_id', 'created_at']).execute();
    await db.schema.createIndex('tickets_company_created').on('tickets').columns(['company_id', 'created_at']).execute();
    await db.schema.createIndex('tickets_contact_activity').on('tickets').columns(['contact_id', 'last_activity_at']).execute();
    await db.schema.createIndex('tickets_company_activity').on('tickets').columns(['company_id', 'last_activity_at']).execute();
  },
};

/** In-code migrations, applied in name order. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ '0001_initial': initial, '0002_auth': auth, '0003_list_indexes': listIndexes, '0004_conversation': conversationMigration, '0005_ticket_requests': ticketRequestsMigration, '0006_helpdesk': helpdeskMigration, '0007_inboxes': inboxesMigration, '0008_outbox_delivery': outboxDeliveryMigration, '0009_throttle_hits': throttleMigration, '0010_session_method': sessionMethodMigration, '0011_ended_sessions_registrations': endedSessionsAndRegistrationsMigration }),
};
