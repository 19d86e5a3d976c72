/**
 * The reference server for the browser benchmark, as in production: the built `dist/cdn` the demo page loads,
 * compression and caching on, request logs off. The static root is a temporary folder holding the demo site and
 * `bench/vanilla/` (served as `/vanilla/`), with `dist/` linked, so both pages come from one origin and one API.
 * The demo world is extended with tickets so that lists of 25 and 100 rows have further pages.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../../server/start.js';
import { DEMO_SIGN_IN } from '../../src/domain/demo-world.js';

const PROJECT = resolve(import.meta.dirname, '../..');
const WORDS = ['Invoice total is wrong', 'Export stops at 10 000 rows', 'Sign-in link expired', 'Sync misses attachments',
  'Dark mode contrast', 'API rate limit reached', 'Invoice address change', 'Search is slow', 'Calendar shows UTC',
  'Crash when saving a draft'];
const STAGES = ['new', 'waiting-on-us', 'waiting-on-contact', 'closed'];

export interface BenchServer { url: string; close(): Promise<void> }

async function admin(url: string, token: string, path: string, body?: unknown) {
  const res = await fetch(`${url}/api/v1/admin${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`admin ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<{ items?: { contactId: number; companyId: number | null }[] }>;
}

/** Starts the server; `mine` extra tickets for the demo user, `colleagues` for others of the same company. */
export async function startBenchServer(mine = 230, colleagues = 90): Promise<BenchServer> {
  if (!existsSync(join(PROJECT, 'dist/cdn/define.js'))) throw new Error('run `npm run build` first: the demo page loads dist/cdn/define.js');
  const root = mkdtempSync(join(tmpdir(), 'portal-bench-'));
  mkdirSync(join(root, 'demo'));
  for (const name of readdirSync(join(PROJECT, 'demo'))) symlinkSync(join(PROJECT, 'demo', name), join(root, 'demo', name));
  symlinkSync(join(PROJECT, 'bench/vanilla'), join(root, 'demo/vanilla'));
  symlinkSync(join(PROJECT, 'dist'), join(root, 'dist'));
  const server = await startServer({ log: false, root });
  try {
    const company = await admin(server.url, server.adminToken, '/tickets?filter[companyId]=1&pageSize=100');
    const colleague = company.items?.find((t) => t.contactId !== 1)?.contactId;
    if (!colleague) throw new Error(`no colleague of ${DEMO_SIGN_IN.email} in the demo world`);
    const day = 86_400_000;
    const start = Date.parse('2026-06-01T08:00:00Z');
    for (let i = 0; i < mine + colleagues; i++) {
      await admin(server.url, server.adminToken, '/tickets', {
        contactId: i < mine ? 1 : colleague,
        subject: `${WORDS[i % WORDS.length]} (${i + 1})`,
        pipeline: 'support',
        stage: STAGES[(i * 7) % STAGES.length],
        createdAt: new Date(start + i * day / 3).toISOString(),
      });
    }
  } catch (error) {
    await server.close();
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    url: server.url,
    async close() {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
