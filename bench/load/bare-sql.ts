/**
 * The floor: the SQL statements the server runs for one ticket-list answer, captured from `listTickets` (Kysely's
 * query log) and then executed directly in a loop — through better-sqlite3 on SQLite, through a `pg` pool on
 * PostgreSQL — without HTTP, session, settings or JSON.
 */
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import type { TicketQuery } from '../../src/contract/tickets.js';
import { scopeFor } from '../../src/domain/permissions.js';
import type { Database } from '../../server/db/types.js';
import { listTickets } from '../../server/sql/ticket-list.js';
import { readContact } from '../../server/store/contacts.js';
import { readSettings } from '../../server/store/settings.js';
import { summarize, type CellResult } from './cannon.js';

export interface Statement { sql: string; parameters: readonly unknown[] }

/** The statements of one `listTickets` call for the contact `email` (the same code the route runs). */
async function capture(db: Kysely<Database>, log: Statement[], email: string, query: TicketQuery): Promise<Statement[]> {
  const contact = await db.selectFrom('contacts').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const settings = await readSettings(db);
  const record = await readContact(db, contact.id);
  const scope = record && scopeFor(settings, record, query.view);
  if (!scope) throw new Error(`${email} may not see the ${query.view} view`);
  log.length = 0;
  await listTickets(db, scope, query, settings);
  return [...log];
}

const logInto = (log: Statement[]) => (event: LogEvent) => {
  if (event.level === 'query') log.push({ sql: event.query.sql, parameters: event.query.parameters });
};

/** SQLite: one loop (better-sqlite3 is synchronous; more workers in one process would take turns). */
export async function bareSqlite(file: string, email: string, query: TicketQuery, seconds: number, warmup: number) {
  const sqlite = new SQLite(file);
  sqlite.pragma('cache_size = -65536');
  const log: Statement[] = [];
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log: logInto(log) });
  try {
    const statements = (await capture(db, log, email, query)).map((s) => ({ stmt: sqlite.prepare(s.sql), parameters: s.parameters as unknown[] }));
    const once = () => { for (const s of statements) s.stmt.all(...s.parameters); };
    const loop = (ms: number) => {
      const times: number[] = [];
      const until = performance.now() + ms;
      while (performance.now() < until) {
        const t = performance.now();
        once();
        times.push(performance.now() - t);
      }
      return times;
    };
    loop(warmup * 1000);
    return { statements: statements.length, result: summarize(loop(seconds * 1000), seconds, 0) };
  } finally {
    await db.destroy();
  }
}

/** PostgreSQL: `workers` concurrent loops over a pool of `poolSize` connections (the server's default pool is 10). */
export async function barePostgres(url: string, email: string, query: TicketQuery, workerCounts: number[], seconds: number, warmup: number, poolSize = 10) {
  const log: Statement[] = [];
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }), log: logInto(log) });
  const statements = await capture(db, log, email, query).finally(() => db.destroy());
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const once = async () => { for (const s of statements) await pool.query(s.sql, s.parameters as unknown[]); };
  const run = async (workers: number, ms: number) => {
    const times: number[] = [];
    const until = performance.now() + ms;
    await Promise.all(Array.from({ length: workers }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        await once();
        times.push(performance.now() - t);
      }
    }));
    return times;
  };
  try {
    const results: { workers: number; result: CellResult }[] = [];
    for (const workers of workerCounts) {
      await run(workers, warmup * 1000);
      results.push({ workers, result: summarize(await run(workers, seconds * 1000), seconds, 0) });
    }
    return { statements: statements.length, results };
  } finally {
    await pool.end();
  }
}
