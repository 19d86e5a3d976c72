import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * `ended_sessions`: why a session ended (access changed, timed out), kept for a while after the session row is
 * gone, so every request still carrying its cookie — also one racing the request that ended it — learns why.
 * `registrations`: self-registrations waiting for their address to be confirmed (the contact is created only when
 * the emailed link is followed); the link's token is stored hashed.
 */
export const endedSessionsAndRegistrationsMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema.createTable('ended_sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ended_sessions_at').on('ended_sessions').column('ended_at').execute();
    await db.schema.createTable('registrations')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('consent_text', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('registrations_email').on('registrations').columns(['email', 'expires_at']).execute();
    await db.schema.createIndex('registrations_expires').on('registrations').column('expires_at').execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('registrations').ifExists().execute();
    await db.schema.dropTable('ended_sessions').ifExists().execute();
  },
};
