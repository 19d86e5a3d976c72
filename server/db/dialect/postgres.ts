import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../types.js';

const INT8 = 20;
const NUMERIC = 1700;

/**
 * A connection pool to PostgreSQL. 64-bit integers (epoch milliseconds, counts) and numerics (sums) are read as
 * JavaScript numbers, as SQLite gives them; every other type keeps pg's parser.
 */
export function openPostgres(url: string): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.PORTAL_DB_POOL) || 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 || oid === NUMERIC
        ? (value: string) => Number(value)
        : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server dropped (restart, failover) is replaced on next use instead of crashing the process.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Whether an error is a unique-key (or primary-key) violation (SQLSTATE 23505). */
export const isPostgresUniqueViolation = (error: unknown) => (error as { code?: unknown })?.code === '23505';

const SERIAL_TABLES = ['companies', 'access_groups', 'contacts', 'agents', 'tickets', 'messages', 'attachments', 'outbox', 'consents', 'ticket_changes', 'throttle_hits'];

/** After rows were written with explicit ids (the seed), moves each id sequence past the largest id. */
export async function syncIdSequences(db: Kysely<Database>) {
  for (const table of SERIAL_TABLES) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
  }
}
