/** Copies the large world from its SQLite file into a PostgreSQL database (migrated by the server's own code). */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterExplicitIds, openDatabase } from '../../server/db/connect.js';

/** Most bind parameters in one INSERT (PostgreSQL allows 65 535). */
const MAX_PARAMS = 60_000;

/**
 * Migrates `pgUrl` to the latest schema, empties every table the migrations filled, then copies every row of every
 * table of the SQLite file (same schema, same ids), analyzes and moves the id sequences past the copied ids.
 */
export async function copyToPostgres(sqliteFile: string, pgUrl: string): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  await (await openDatabase(pgUrl)).destroy();
  const source = new SQLite(sqliteFile, { readonly: true });
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  let rows = 0;
  try {
    const tables = (source.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name").all() as { name: string }[])
      .map((t) => t.name);
    await client.query(`truncate ${tables.map((t) => `"${t}"`).join(', ')} cascade`);
    // Foreign keys are not checked while copying (the source is consistent; tables come in any order).
    await client.query('set session_replication_role = replica');
    for (const table of tables) {
      const columns = (source.prepare(`select name from pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);
      const batch = Math.floor(MAX_PARAMS / columns.length);
      const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;
      let pending: unknown[][] = [];
      const flush = async () => {
        if (pending.length === 0) return;
        const values = pending.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
        await client.query(head + values, pending.flat());
        rows += pending.length;
        pending = [];
      };
      await client.query('begin');
      for (const row of source.prepare(`select * from "${table}"`).raw().iterate() as IterableIterator<unknown[]>) {
        pending.push(row);
        if (pending.length >= batch) await flush();
      }
      await flush();
      await client.query('commit');
    }
    await client.query('set session_replication_role = origin');
    // As autovacuum would have done by the time a real database is this large: statistics and the visibility map
    // (index-only scans).
    await client.query('vacuum analyze');
  } finally {
    await client.end();
    source.close();
  }
  const db = await openDatabase(pgUrl);
  await afterExplicitIds(db);
  await db.destroy();
  return { rows, seconds: (performance.now() - started) / 1000 };
}
