import { Kysely, Migrator } from 'kysely';
import { isSqliteUniqueViolation, openSqlite } from './dialect/sqlite.js';
import { isPostgresUniqueViolation, openPostgres, syncIdSequences } from './dialect/postgres.js';
import { isPostgres } from './dialect/kind.js';
import { migrationProvider } from './migrations.js';
import type { Database } from './types.js';

export type Db = Kysely<Database>;

/** `PORTAL_DB` names PostgreSQL when it is a `postgres://` (or `postgresql://`) URL; anything else is a SQLite file. */
export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//i.test(location);

export { isPostgres };

/** After rows were written with explicit ids (seeding): new rows get ids past them (PostgreSQL keeps sequences apart). */
export async function afterExplicitIds(db: Db) {
  if (isPostgres(db)) await syncIdSequences(db);
}

/** Whether an error is a unique-key violation, on either database. */
export const isUniqueViolation = (error: unknown) => isSqliteUniqueViolation(error) || isPostgresUniqueViolation(error);

/** Connects to the database (a SQLite file path or a `postgres://` URL) as it is. */
export const connectDatabase = (location: string): Db => (isPostgresUrl(location) ? openPostgres(location) : openSqlite(location));

/** Opens the database (a SQLite file path or a `postgres://` URL) and migrates it to the latest schema. */
export async function openDatabase(location: string): Promise<Db> {
  const db = connectDatabase(location);
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await db.destroy();
    throw new Error(`Database migration failed${failed ? ` at ${failed.migrationName}` : ''}`, { cause: error });
  }
  return db;
}
