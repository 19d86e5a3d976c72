/**
 * `npm run bench:server`: server-side latency of the ticket list on the large world (`npm run seed:large` first).
 * Runs the app in-process on PORTAL_DB (default `./data/large.db`) and times `app.request` — the whole request
 * (session, settings, SQL, JSON) without the network. Prints median and p95 per scenario, then streams the CSV
 * export of the largest company view and of a 100 000-row view (a copy of the database where every ticket
 * belongs to that company), with time, bytes, rows and the process's peak RSS before and after.
 * Options: `--runs N` (default 50).
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createApp } from '../server/app.js';
import { openDatabase, type Db } from '../server/db/connect.js';
import { LARGE_SIGN_IN } from '../server/large-world.js';

const { values: args } = parseArgs({ options: { runs: { type: 'string' } } });
const RUNS = Number(args.runs ?? 50);
const file = resolve(process.env.PORTAL_DB || './data/large.db');
if (!existsSync(file)) {
  console.error(`No database at ${file}: run \`npm run seed:large\` first.`);
  process.exit(1);
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const ms = (v: number) => `${v.toFixed(1)} ms`;
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

async function appOn(db: Db) {
  const app = createApp({ db, now: Date.now, adminToken: 'bench-admin-token-0123456789', filesDir: join(tmpdir(), 'bench-files'), log: false, publicUrl: 'http://localhost', linkBase: 'http://localhost/portal.html' });
  const login = await app.request('/api/v1/auth/login', {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-portal-request': '1' }, body: JSON.stringify(LARGE_SIGN_IN),
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  return { app, get: (path: string) => app.request(`/api/v1${path}`, { headers: { cookie } }) };
}

type Client = Awaited<ReturnType<typeof appOn>>;

async function scenario(client: Client, label: string, path: string) {
  for (let i = 0; i < 5; i++) await (await client.get(path)).arrayBuffer();
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const res = await client.get(path);
    const body = await res.json() as { total?: number };
    times.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    total = body.total ?? Object.keys(body).length;
  }
  const row = { label, median: quantile(times, 0.5), p95: quantile(times, 0.95), total };
  console.log(`${label.padEnd(58)} median ${ms(row.median).padStart(9)}  p95 ${ms(row.p95).padStart(9)}  (${total} rows)`);
  return row;
}

/** Streams an export, counting bytes and records without keeping them; samples RSS meanwhile. */
async function exportRun(client: Client, label: string, path: string) {
  global.gc?.();
  const before = process.resourceUsage().maxRSS;
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
  const started = performance.now();
  const res = await client.get(path);
  let firstByte = 0;
  let bytes = 0;
  let newlines = 0;
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (firstByte === 0) firstByte = performance.now() - started;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) newlines++;
  }
  const elapsed = performance.now() - started;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const after = process.resourceUsage().maxRSS;
  console.log(`${label}: ${res.status}, ${newlines - 1} rows, ${(bytes / 1e6).toFixed(1)} MB in ${ms(elapsed)} (first byte ${ms(firstByte)}); `
    + `RSS ${mb(rssBefore / 1024)} → peak ${mb(peak / 1024)} (+${mb((peak - rssBefore) / 1024)}); maxRSS ${mb(before)} → ${mb(after)}`);
  return { rows: newlines - 1, bytes, elapsed, firstByte, rssBefore, peak, maxBefore: before, maxAfter: after };
}

const db = await openDatabase(file);
const client = await appOn(db);
console.log(`Large world at ${file}; ${RUNS} runs per scenario, server-side (in-process app.request)\n`);
const scenarios: [string, string][] = [
  ['company + search "sign" + sort createdAt desc', '/tickets?view=company&q=sign'],
  ['company + search "invoice" + sort subject asc', '/tickets?view=company&q=invoice&sort=subject&order=asc'],
  ['company + search "crash" + sort severity (custom) desc', '/tickets?view=company&q=crash&sort=severity&order=desc'],
  ['company + search "export" + sort product (custom) asc', '/tickets?view=company&q=export&sort=product&order=asc'],
  ['company + search "api" + sort owner asc', '/tickets?view=company&q=api&sort=owner&order=asc'],
  ['company + search "12" + sort requester asc', '/tickets?view=company&q=12&sort=requester&order=asc'],
  ['company + search "#4242" (id or subject)', '/tickets?view=company&q=%234242'],
  ['company, open, sort lastActivityAt desc', '/tickets?view=company&status=open&sort=lastActivityAt'],
  ['company, sort status asc', '/tickets?view=company&sort=status&order=asc'],
  ['company, sort severity (custom), no search', '/tickets?view=company&sort=severity'],
  ['company + filter product=cloud & priority=high', '/tickets?view=company&filter[product]=cloud&filter[priority]=high'],
  ['company + filter ownerId=7 + sort severity', '/tickets?view=company&filter[ownerId]=7&sort=severity'],
  ['company, deep page 300 (createdAt)', '/tickets?view=company&page=300'],
  ['company, deep page 75 of 100 (sort product)', '/tickets?view=company&page=75&pageSize=100&sort=product'],
  ['mine, default sort', '/tickets?view=mine'],
  ['mine + search "sync" + sort severity', '/tickets?view=mine&q=sync&sort=severity'],
  ['mine, deep page 120', '/tickets?view=mine&page=120'],
  ['facets, company view', '/tickets/facets?view=company'],
  ['facets, mine view', '/tickets/facets?view=mine'],
];
for (const [label, path] of scenarios) await scenario(client, label, path);

console.log('');
await exportRun(client, 'CSV export, company view (largest company)', '/tickets/export.csv?view=company&locale=de');

// A 100 000-row view: a copy of the database where every ticket belongs to the bench contact's company.
const dir = mkdtempSync(join(tmpdir(), 'bench-large-'));
const copy = join(dir, 'all-one-company.db');
await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
await db.destroy();
copyFileSync(file, copy);
const big = await openDatabase(copy);
await sql`update tickets set company_id = 1`.execute(big);
const bigClient = await appOn(big);
await scenario(bigClient, '100 000-ticket company + search "sign" + sort createdAt', '/tickets?view=company&q=sign');
await scenario(bigClient, '100 000-ticket company + search "crash" + sort severity', '/tickets?view=company&q=crash&sort=severity');
await exportRun(bigClient, 'CSV export, 100 000-ticket company view', '/tickets/export.csv?view=company');
await big.destroy();
rmSync(dir, { recursive: true, force: true });
