/**
 * `npm run bench:server:load` (also the second half of `npm run bench:server`): load test over loopback. Requests/s
 * and p50/p95 latency of one ticket-list request (`BENCH_PATH`, default the largest company's list
 * `/api/v1/tickets?view=company`) with a signed-in session, at 100 000 tickets (the large world; seeded into
 * PORTAL_DB or `./data/large.db` first when missing):
 * - SQLite (the large world's file), one server process;
 * - PostgreSQL (a temporary cluster, the large world copied in), one and two server processes on the same database
 *   (autocannon spreads the connections over both);
 * - at 10 and 50 concurrent connections (`BENCH_CONNECTIONS`);
 * - and the floor: the same SQL statements the server runs for that list, executed directly in a loop.
 * Each cell: `BENCH_WARMUP_SECONDS` (2) unmeasured, then `BENCH_SECONDS` (10) measured. `BENCH_DATABASES`
 * (`sqlite,postgres`) picks the databases. Prints a Markdown table.
 * Every server process and the temporary cluster are stopped at the end, also on error or Ctrl-C.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { DEFAULT_QUERY, type TicketQuery } from '../src/contract/tickets.js';
import { LARGE_SIGN_IN } from '../server/large-world.js';
import { startPostgresCluster, type PostgresCluster } from '../test/support/pg-cluster.js';
import { barePostgres, bareSqlite } from './load/bare-sql.js';
import { loadCell, type CellResult } from './load/cannon.js';
import { copyToPostgres } from './load/pg-copy.js';
import { killInstances, signIn, startInstance, stopInstance, type Instance } from './load/instances.js';

const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS || '10,50').split(',').map(Number);
const DATABASES = (process.env.BENCH_DATABASES || 'sqlite,postgres').split(',');
const PATH = process.env.BENCH_PATH || '/api/v1/tickets?view=company';
const file = resolve(process.env.PORTAL_DB || './data/large.db');
const ADMIN_TOKEN = randomBytes(32).toString('hex');

/** The query the path asks for, as the route parses it (for the bare-SQL floor). */
function queryOf(path: string): TicketQuery {
  const params = new URL(path, 'http://x').searchParams;
  const known = Object.fromEntries(['view', 'q', 'status', 'sort', 'order'].flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : [])));
  const paging = Object.fromEntries(['page', 'pageSize'].flatMap((k) => (params.get(k) ? [[k, Number(params.get(k))]] : [])));
  return { ...DEFAULT_QUERY, ...known, ...paging } as TicketQuery;
}

let cluster: PostgresCluster | undefined;
const filesDir = mkdtempSync(join(tmpdir(), 'bench-load-files-'));
function cleanUp() {
  killInstances();
  cluster?.stop();
  cluster = undefined;
  rmSync(filesDir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

interface Row { setup: string; instances: string; connections: string; result: CellResult }
const rows: Row[] = [];
const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');
function report(row: Row) {
  rows.push(row);
  const r = row.result;
  console.log(`  ${row.setup}, ${row.instances} instance(s), ${row.connections} connections: ${fmt(r.rps)} req/s, p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms, ${r.requests} answers, ${r.failures} failures${r.failureKinds ? ` (${r.failureKinds})` : ''}`);
}

/** The HTTP cells for a set of running instances. */
async function httpCells(setup: string, instances: Instance[], cookie: string) {
  for (const connections of CONNECTIONS) {
    const result = await loadCell(instances.map((i) => i.url + PATH), cookie, connections, SECONDS, WARMUP);
    report({ setup, instances: String(instances.length), connections: String(connections), result });
  }
}

async function main() {
  if (!existsSync(file)) {
    console.log(`No large world at ${file}: seeding it (npm run seed:large)…`);
    execFileSync(process.execPath, ['--import', 'tsx', 'server/seed-large.ts'], { stdio: 'inherit', env: { ...process.env, PORTAL_DB: file } });
  }
  const query = queryOf(PATH);
  console.log(`Load test: GET ${PATH} as ${LARGE_SIGN_IN.email}; ${WARMUP} s warm-up + ${SECONDS} s per cell; connections ${CONNECTIONS.join(', ')}`);
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.versions.node}\n`);

  if (DATABASES.includes('sqlite')) await sqliteCells(query);
  if (DATABASES.includes('postgres')) await postgresCells(query);

  console.log(`\n| Setup | Server instances | Concurrent | Requests/s | p50 (ms) | p95 (ms) | Failures |`);
  console.log('|---|---|---|---:|---:|---:|---:|');
  for (const { setup, instances, connections, result: r } of rows) {
    console.log(`| ${setup} | ${instances} | ${connections} | ${r.rps.toFixed(0)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${r.failures}${r.failureKinds ? ` (${r.failureKinds})` : ''} |`);
  }
}

async function sqliteCells(query: TicketQuery) {
  console.log('SQLite');
  const sqliteFloor = await bareSqlite(file, LARGE_SIGN_IN.email, query, SECONDS, WARMUP);
  report({ setup: `SQLite, bare SQL (${sqliteFloor.statements} statements)`, instances: '–', connections: '1 loop', result: sqliteFloor.result });
  {
    const one = await startInstance({ PORTAL_DB: file, PORTAL_ADMIN_TOKEN: ADMIN_TOKEN, PORTAL_FILES_DIR: filesDir });
    try {
      await httpCells('SQLite', [one], await signIn(one.url, LARGE_SIGN_IN));
    } finally {
      await stopInstance(one);
    }
  }
}

async function postgresCells(query: TicketQuery) {
  console.log('PostgreSQL');
  // Durable settings except synchronous_commit (like SQLite's synchronous=NORMAL: a commit is not flushed on its own).
  cluster = await startPostgresCluster({ synchronous_commit: 'off', max_connections: '200' });
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('create database portal_bench');
  await admin.end();
  const url = cluster.url.replace(/\/postgres$/, '/portal_bench');
  const copied = await copyToPostgres(file, url);
  console.log(`  copied the large world (${copied.rows} rows) in ${copied.seconds.toFixed(1)} s`);
  const pgFloor = await barePostgres(url, LARGE_SIGN_IN.email, query, CONNECTIONS, SECONDS, WARMUP);
  for (const { workers, result } of pgFloor.results) {
    report({ setup: `PostgreSQL, bare SQL (${pgFloor.statements} statements, pool of 10)`, instances: '–', connections: `${workers} loops`, result });
  }
  const env = { PORTAL_DB: url, PORTAL_ADMIN_TOKEN: ADMIN_TOKEN, PORTAL_FILES_DIR: filesDir };
  const a = await startInstance(env);
  try {
    const cookie = await signIn(a.url, LARGE_SIGN_IN);
    await httpCells('PostgreSQL', [a], cookie);
    const b = await startInstance(env);
    try {
      await httpCells('PostgreSQL', [a, b], cookie);
    } finally {
      await stopInstance(b);
    }
  } finally {
    await stopInstance(a);
  }
}

try {
  await main();
} finally {
  cleanUp();
}
