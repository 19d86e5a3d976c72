import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../types.js';

/** Opens (creating the folder if needed) the SQLite file in WAL mode with foreign keys. */
export function openSqlite(file: string): Kysely<Database> {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // WAL with NORMAL sync: a commit is not flushed to disk on its own (checkpoints are), so small writes (throttle
  // events, tokens, outbox rows) cost no fsync each; a crash of the process loses nothing, a power cut the last commits.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Up to 64 MB of page cache (default 2 MB): property lookups of a large company's tickets stay in memory.
  sqlite.pragma('cache_size = -65536');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** Whether an error is a unique-key (or primary-key) violation. */
export const isSqliteUniqueViolation = (error: unknown) =>
  /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test(String((error as { code?: unknown })?.code));
