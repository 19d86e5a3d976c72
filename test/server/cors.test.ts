import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseCorsOrigins } from '../../server/config.js';
import { isProblem, testServer, type TestServer } from './helpers.js';

const ALLOWED = 'https://help.example.com';
const ANNA = { email: 'anna@nordlicht.example', password: 'portal-demo-2026' };

describe('CORS allow-list', () => {
  let s: TestServer;
  before(async () => { s = await testServer({ corsOrigins: [ALLOWED, 'http://localhost:5173'] }); });
  after(() => s.close());

  it('echoes an allow-listed origin with credentials and Vary: Origin', async () => {
    const res = await s.call('GET', '/portal', { headers: { origin: ALLOWED } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED);
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
    assert.match(res.headers.get('vary') ?? '', /Origin/);
    assert.match(res.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
    const problem = await s.call('GET', '/tickets', { headers: { origin: ALLOWED } });
    assert.ok(isProblem(problem, 401));
    assert.equal(problem.headers.get('access-control-allow-origin'), ALLOWED, 'problems carry CORS headers too');
  });

  it('gives other origins no CORS headers', async () => {
    for (const origin of ['https://evil.example', 'https://help.example.com.evil.example', 'null', 'http://help.example.com']) {
      const res = await s.call('GET', '/portal', { headers: { origin } });
      assert.equal(res.headers.get('access-control-allow-origin'), null, origin);
      assert.equal(res.headers.get('access-control-allow-credentials'), null, origin);
    }
  });

  it('answers preflights with the allowed methods and headers (204)', async () => {
    const res = await s.call('OPTIONS', '/auth/login', {
      headers: { origin: ALLOWED, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-portal-request' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED);
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /POST/);
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['content-type', 'x-portal-request', 'idempotency-key', 'authorization']) assert.ok(allowed.includes(header), header);
    const denied = await s.call('OPTIONS', '/auth/login', { headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(denied.headers.get('access-control-allow-origin'), null);
    assert.equal(denied.headers.get('access-control-allow-methods'), null);
  });

  it('lets allow-listed origins make cross-site state changes; others stay refused', async () => {
    const ok = await s.call('POST', '/auth/login', { body: ANNA, headers: { origin: ALLOWED, 'sec-fetch-site': 'cross-site' } });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('access-control-allow-origin'), ALLOWED);
    const refused = await s.call('POST', '/auth/login', { body: ANNA, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    assert.ok(isProblem(refused, 403));
    const noHeader = await s.call('POST', '/auth/login', { body: ANNA, headers: { origin: ALLOWED, 'sec-fetch-site': 'cross-site', 'x-portal-request': '' } });
    assert.ok(isProblem(noHeader, 403), 'the custom header is still required');
  });

  it('leaves the admin API out of CORS', async () => {
    const res = await s.call('GET', '/admin/settings', { admin: true, headers: { origin: ALLOWED } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });

  it('parses PORTAL_CORS_ORIGINS strictly', () => {
    assert.deepEqual(parseCorsOrigins(' https://a.example , http://localhost:5173/ ,'), ['https://a.example', 'http://localhost:5173']);
    assert.deepEqual(parseCorsOrigins(undefined), []);
    assert.throws(() => parseCorsOrigins('https://a.example/path'));
    assert.throws(() => parseCorsOrigins('a.example'));
  });
});

describe('CORS without an allow-list', () => {
  let s: TestServer;
  before(async () => { s = await testServer({ corsOrigins: [] }); });
  after(() => s.close());

  it('sends no CORS headers and refuses cross-site state changes', async () => {
    const res = await s.call('GET', '/portal', { headers: { origin: ALLOWED } });
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    assert.ok(isProblem(await s.call('POST', '/auth/login', { body: ANNA, headers: { origin: ALLOWED, 'sec-fetch-site': 'cross-site' } }), 403));
  });
});
