import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_SIGN_IN } from '../../src/domain/demo-world.js';
import { testDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * Two server processes on one PostgreSQL database, as behind a load balancer: state lives in the database, so a
 * session, the sign-in throttle, idempotent creates and live updates work across them. (PostgreSQL only: it runs
 * under `npm run test:pg`.)
 */
const ADMIN_TOKEN = randomBytes(32).toString('hex');

interface Instance { url: string; process: ChildProcess }

function startInstance(env: Record<string, string>): Promise<Instance> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Portal running at (http:\/\/\S+?)\/?\s/.exec(output)?.[1];
      if (url) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve({ url, process: child });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}

const stopInstance = (i: Instance) => new Promise<void>((resolve) => {
  if (i.process.exitCode !== null) return resolve();
  i.process.once('exit', () => resolve());
  i.process.kill('SIGTERM');
});

let address = 0;
const fresh = () => ({ 'x-forwarded-for': `192.0.2.${++address}` });

async function call(base: string, method: string, path: string, o: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  if (o.cookie) headers.cookie = o.cookie;
  if (method !== 'GET') headers['x-portal-request'] = '1';
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}/api/v1${path}`, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let json: any;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, headers: res.headers, json, text };
}

const login = async (base: string, email = DEMO_SIGN_IN.email, password = DEMO_SIGN_IN.password) => {
  const res = await call(base, 'POST', '/auth/login', { body: { email, password }, headers: fresh() });
  assert.equal(res.status, 200, res.text);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
};

describe('two server instances on one PostgreSQL database', () => {
  let dir: string;
  let database: TestDatabase;
  let a: Instance;
  let b: Instance;
  before(async () => {
    assert.ok(process.env.PORTAL_TEST_PG_URL, 'runs under npm run test:pg (PORTAL_TEST_PG_URL)');
    dir = mkdtempSync(join(tmpdir(), 'portal-instances-'));
    database = await testDatabase(dir);
    const env = {
      PORT: '0', PORTAL_DB: database.location, PORTAL_FILES_DIR: database.filesDir, PORTAL_ADMIN_TOKEN: ADMIN_TOKEN,
      PORTAL_SEED: 'demo', PORTAL_LOG: 'silent', PORTAL_TRUST_PROXY: '1', PORTAL_SMTP_URL: '',
    };
    a = await startInstance(env);
    b = await startInstance(env);
  });
  after(async () => {
    await Promise.all([a, b].filter(Boolean).map(stopInstance));
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes one admin token from the environment on both', async () => {
    for (const base of [a.url, b.url]) {
      const res = await fetch(`${base}/api/v1/admin/settings`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      assert.equal(res.status, 200);
    }
  });

  it('accepts a session created on A on B, and a sign-out on B ends it on A', async () => {
    const cookie = await login(a.url);
    const onB = await call(b.url, 'GET', '/auth/session', { cookie });
    assert.equal(onB.status, 200);
    assert.equal(onB.json.user.email, DEMO_SIGN_IN.email);
    assert.equal((await call(b.url, 'POST', '/auth/logout', { cookie })).status, 204);
    const after = await call(a.url, 'GET', '/auth/session', { cookie });
    assert.equal(after.status, 200);
    assert.equal(after.json, null, 'signed out everywhere');
  });

  it('counts failed sign-ins of one account and address across both instances (growing waits, never a lock)', async () => {
    const email = 'lukas@nordlicht.example';
    const from = fresh();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const base = i % 2 === 0 ? a.url : b.url;
      statuses.push((await call(base, 'POST', '/auth/login', { body: { email, password: `wrong-${i}` }, headers: from })).status);
    }
    // 3 free failures per account and address, wherever they were tried; then this address waits, on either instance.
    assert.deepEqual(statuses, [401, 401, 401, 429]);
    const sameAddress = await call(a.url, 'POST', '/auth/login', { body: { email, password: 'portal-demo-2026' }, headers: from });
    assert.equal(sameAddress.status, 429);
    assert.ok(Number(sameAddress.headers.get('retry-after')) > 0);
    // The account is never locked: its owner signs in from another address.
    const owner = await call(b.url, 'POST', '/auth/login', { body: { email, password: 'portal-demo-2026' }, headers: fresh() });
    assert.equal(owner.status, 200, owner.text);
  });

  it('creates one ticket for 20 parallel retries of one idempotent POST spread over both', async () => {
    const cookie = await login(a.url);
    const key = `retry-${randomUUID()}`;
    const subject = `Printer on fire ${key}`;
    const post = (base: string) => {
      const body = new FormData();
      const values: Record<string, string | string[]> = {
        subject, content: 'Smoke everywhere.', category: 'technical', impact: 'team', affectedUsers: '12',
        products: ['portal', 'api'], firstNoticed: '2026-11-20', ccEmail: 'lukas@nordlicht.example',
      };
      for (const [name, value] of Object.entries(values)) for (const v of [value].flat()) body.append(name, v);
      return fetch(`${base}/api/v1/tickets`, { method: 'POST', headers: { cookie, 'x-portal-request': '1', 'idempotency-key': key }, body })
        .then(async (res) => ({ status: res.status, json: await res.json() as { id: number } }));
    };
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => post(i % 2 === 0 ? a.url : b.url)));
    assert.deepEqual(answers.map((x) => x.status), Array(20).fill(201));
    assert.equal(new Set(answers.map((x) => x.json.id)).size, 1);
    const list = await call(b.url, 'GET', `/tickets?q=${encodeURIComponent(key)}`, { cookie });
    assert.equal(list.status, 200);
    assert.equal(list.json.total, 1);
  });

  it('shows a reply posted through A to a live-update stream on B', async () => {
    const cookie = await login(a.url);
    const tickets = await call(a.url, 'GET', '/tickets', { cookie });
    const ticketId = tickets.json.items.find((t: { status?: string }) => t).id as number;
    const controller = new AbortController();
    const stream = await fetch(`${b.url}/api/v1/events/stream`, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
    assert.equal(stream.status, 200);
    const bytes = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const reader = {
      read: async () => {
        const { value, done } = await bytes.read();
        return { done, value: value ? decoder.decode(value, { stream: true }) : '' };
      },
      cancel: () => bytes.cancel(),
    };
    try {
      // The stream reports changes from its `: ready` line on; the reply is posted after it.
      let seen = '';
      while (!seen.includes(': ready')) {
        const { value, done } = await reader.read();
        assert.ok(!done, 'stream ended before it was ready');
        seen += value;
      }
      const form = new FormData();
      form.set('body', '<p>Posted through A</p>');
      const posted = await fetch(`${a.url}/api/v1/tickets/${ticketId}/messages`, {
        method: 'POST', headers: { cookie, 'x-portal-request': '1', 'idempotency-key': randomUUID() }, body: form,
      });
      assert.equal(posted.status, 201, await posted.clone().text());
      const messageId = ((await posted.json()) as { id: number }).id;
      const postedAt = Date.now();
      while (!seen.includes(`"messageId":${messageId}`)) {
        const { value, done } = await reader.read();
        assert.ok(!done, `stream ended before the reply arrived: ${seen}`);
        seen += value;
      }
      console.log(`# reply through A seen on B after ${Date.now() - postedAt} ms`);
      assert.match(seen, new RegExp(`event: message\\ndata: \\{"type":"message","ticketId":${ticketId},"messageId":${messageId}\\}`));
    } finally {
      controller.abort();
      await reader.cancel().catch(() => undefined);
    }
  });
});
