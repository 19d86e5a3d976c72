import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';

/**
 * The database of one test server: a SQLite file in the test's folder, or — when `PORTAL_TEST_PG_URL` names a
 * PostgreSQL server (see `with-postgres.ts`) — a database of its own, created here and dropped by `drop()`.
 * Tests never touch a database they did not create.
 */
export interface TestDatabase {
  /** What `startServer({ dbFile })` and `openDatabase` take. */
  location: string;
  /** Folder of uploaded files. */
  filesDir: string;
  drop(): Promise<void>;
}

export const testingPostgres = () => Boolean(process.env.PORTAL_TEST_PG_URL);

async function onServer(sql: string) {
  const client = new pg.Client({ connectionString: process.env.PORTAL_TEST_PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function testDatabase(dir: string): Promise<TestDatabase> {
  const base = process.env.PORTAL_TEST_PG_URL;
  if (!base) return { location: join(dir, 'portal.db'), filesDir: join(dir, 'portal-files'), drop: async () => {} };
  const name = `portal_test_${randomBytes(8).toString('hex')}`;
  await onServer(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return {
    location: url.href,
    filesDir: join(dir, 'portal-files'),
    drop: () => (dropped ??= onServer(`drop database if exists ${name} with (force)`)),
  };
}
