import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * `sessions.method`: how a session was started (`password` — password, reset, invitation, emailed link or
 * registration — or `sso`), so every request can check it against the current access settings.
 */
export const sessionMethodMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('sessions').addColumn('method', 'text', (c) => c.notNull().defaultTo('password')).execute();
    await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
    await db.schema.createIndex('auth_tokens_expires').on('auth_tokens').column('expires_at').execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropIndex('auth_tokens_expires').ifExists().execute();
    await db.schema.dropIndex('sessions_expires').ifExists().execute();
    await db.schema.alterTable('sessions').dropColumn('method').execute();
  },
};
