import type { Kysely, Migration } from 'kysely';
import { idColumn } from './dialect/kind.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** `throttle_hits`: throttle events (failed sign-ins, email requests) shared by every instance of the database. */
export const throttleMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema.createTable('throttle_hits')
      .addColumn(...idColumn(db))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('throttle_hits_key').on('throttle_hits').columns(['key', 'at']).execute();
    await db.schema.createIndex('throttle_hits_at').on('throttle_hits').column('at').execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('throttle_hits').ifExists().execute();
  },
};
