import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { request, type IncomingMessage } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_SIGN_IN } from '../../src/domain/demo-world.js';
import { testDatabase, type TestDatabase } from '../support/test-database.js';

/** `server/main.ts` as a process in production mode (NODE_ENV=production), on the test database. */
interface Started { child: ChildProcess; url?: string; output: () => string; exited: Promise<number | null> }

function run(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function listening(s: Started): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const url = /"url":"(http:\/\/[^"]+)"/.exec(s.output())?.[1];
    if (url) return url;
    if (s.child.exitCode !== null) throw new Error(`exited: ${s.output()}`);
    if (Date.now() > deadline) throw new Error(`not listening: ${s.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('production mode (NODE_ENV=production)', () => {
  let dir: string;
  let database: TestDatabase;
  const token = randomBytes(32).toString('hex');
  let env: Record<string, string>;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portal-production-'));
    database = await testDatabase(dir);
    env = { NODE_ENV: 'production', PORTAL_DB: database.location, PORTAL_FILES_DIR: database.filesDir, PORTAL_SMTP_URL: '', PORTAL_LOG: '' };
  });
  after(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start without PORTAL_ADMIN_TOKEN', async () => {
    const s = run({ ...env, PORTAL_ADMIN_TOKEN: '' });
    assert.equal(await s.exited, 1);
    assert.match(s.output(), /Set PORTAL_ADMIN_TOKEN/);
  });

  it('seeds no demo, never prints the token, logs JSON with request ids, answers /healthz and /readyz', async () => {
    const s = run({ ...env, PORTAL_ADMIN_TOKEN: token });
    try {
      const url = await listening(s);
      assert.equal((await fetch(`${url}/healthz`)).status, 200);
      const ready = await fetch(`${url}/readyz`);
      assert.equal(ready.status, 200);
      assert.deepEqual(await ready.json(), { status: 'ready' });
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-portal-request': '1', 'x-request-id': 'lb-1234' },
        body: JSON.stringify({ email: DEMO_SIGN_IN.email, password: DEMO_SIGN_IN.password }),
      });
      assert.equal(login.status, 401, 'no demo contacts');
      assert.equal(login.headers.get('x-request-id'), 'lb-1234');
      const contacts = await fetch(`${url}/api/v1/admin/settings`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(contacts.status, 200);
      const made = contacts.headers.get('x-request-id') ?? '';
      assert.match(made, /^[0-9a-f-]{36}$/);
      const lines = await (async () => {
        const deadline = Date.now() + 10_000;
        for (;;) {
          const parsed = s.output().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
          if (parsed.some((l) => l.requestId === made) || Date.now() > deadline) return parsed;
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      assert.ok(lines.some((l) => l.requestId === 'lb-1234' && l.path === '/api/v1/auth/login' && l.status === 401), s.output());
      assert.ok(lines.some((l) => l.requestId === made && l.level === 'info'), s.output());
      assert.ok(!s.output().includes(token), 'the admin token is never printed');
    } finally {
      s.child.kill('SIGTERM');
      await s.exited;
    }
  });

  it('on SIGTERM ends live streams, finishes a request in flight, then exits 0', async () => {
    // A database of its own: the seed runs once per database.
    const demo = await testDatabase(join(dir, 'demo'));
    const s = run({ ...env, PORTAL_DB: demo.location, PORTAL_FILES_DIR: demo.filesDir, PORTAL_ADMIN_TOKEN: token, PORTAL_SEED: 'demo' });
    try {
      await shutdownWalk(s);
    } finally {
      if (s.child.exitCode === null) s.child.kill('SIGKILL');
      await s.exited;
      await demo.drop();
    }
  });
});

/** Signs in, opens a live stream and a reply whose body is still on its way, sends SIGTERM. */
async function shutdownWalk(s: Started) {
  const url = await listening(s);
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-portal-request': '1' },
    body: JSON.stringify({ email: DEMO_SIGN_IN.email, password: DEMO_SIGN_IN.password }),
  });
  assert.equal(login.status, 200, 'the demo seed when asked for');
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const ticketId = ((await (await fetch(`${url}/api/v1/tickets`, { headers: { cookie } })).json()) as { items: { id: number }[] }).items[0].id;

  const stream = await fetch(`${url}/api/v1/events/stream`, { headers: { cookie } });
  const events = (stream.body as ReadableStream<Uint8Array>).getReader();
  // A reply whose body is still being sent when the server is told to stop: `Expect: 100-continue` makes the
  // server confirm it has the request before the body follows.
  const boundary = `b${randomUUID()}`;
  const req = request(`${url}/api/v1/tickets/${ticketId}/messages`, {
    method: 'POST',
    headers: { cookie, 'x-portal-request': '1', 'idempotency-key': randomUUID(), 'content-type': `multipart/form-data; boundary=${boundary}`, expect: '100-continue' },
  });
  const response = once(req, 'response') as Promise<[IncomingMessage]>;
  await once(req, 'continue');
  req.write(`--${boundary}\r\ncontent-disposition: form-data; name="body"\r\n\r\n<p>Sent across a shutdown`);
  s.child.kill('SIGTERM');
  // The live stream ends…
  for (;;) {
    const { done } = await events.read();
    if (done) break;
  }
  // …while the reply still completes.
  req.end(`</p>\r\n--${boundary}--\r\n`);
  const [res] = await response;
  let text = '';
  for await (const chunk of res) text += String(chunk);
  assert.equal(res.statusCode, 201, text);
  assert.equal(JSON.parse(text).body, '<p>Sent across a shutdown</p>');
  assert.equal(await s.exited, 0);
}
