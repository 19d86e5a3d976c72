import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

/** `npm start` without PORTAL_LINK_BASE: emailed links name the configured address, never the request's Host. */
describe('server/main.ts link base', () => {
  let child: ChildProcess;
  let url = '';
  let stdout = '';
  const dir = mkdtempSync(join(tmpdir(), 'portal-main-'));
  const token = 'link-base-test-admin-token-0123456789';
  before(async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', PORTAL_DB: join(dir, 'portal.db'), PORTAL_ADMIN_TOKEN: token, PORTAL_LOG: 'silent' };
    delete env.PORTAL_LINK_BASE;
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        stdout = out;
        const m = /Portal running at (http:\/\/[^\s]+?)\/?\s/.exec(out);
        if (m && /Admin token/.test(out)) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`main.ts exited (${code}): ${out}`)));
    });
  });
  after(async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('never prints an admin token that came from the environment', () => {
    assert.match(stdout, /Admin token: from PORTAL_ADMIN_TOKEN \(not shown\)/);
    assert.ok(!stdout.includes(token), stdout);
  });

  it('builds the reset link from HOST:PORT even when the Host header names another site', async () => {
    const body = JSON.stringify({ email: 'anna@nordlicht.example' });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${url}/api/v1/auth/password/forgot`, {
        method: 'POST',
        headers: { host: 'evil.example', 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-portal-request': '1' },
      }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
      req.once('error', reject);
      req.end(body);
    });
    assert.equal(status, 202);
    const outbox = await (await fetch(`${url}/api/v1/admin/outbox`, { headers: { authorization: `Bearer ${token}` } })).json() as { link?: string }[];
    const link = outbox.at(-1)?.link ?? '';
    assert.ok(link.startsWith(`${url}/portal.html#/reset?token=`), link);
    assert.ok(!link.includes('evil.example'));
  });
});
