import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cookieOf, isProblem, testServer, type TestServer, isSignedOut } from './helpers.js';

const ANNA = { email: 'anna@nordlicht.example', password: 'portal-demo-2026' };
const MINUTE = 60_000;

describe('auth: session activity, extend, rotation and sign-out (injected clock)', () => {
  let s: TestServer;
  let clock = Date.UTC(2026, 10, 23, 8, 0, 0);
  before(async () => { s = await testServer({ now: () => clock }); });
  after(() => s.close());

  it('GET /auth/session does not count as activity: polling it never keeps an idle session alive', async () => {
    const cookie = await s.login();
    const startedAt = clock;
    clock += 30 * MINUTE;
    const looked = await s.call('GET', '/auth/session', { cookie });
    assert.equal(looked.status, 200);
    assert.equal(looked.json.expiresAt, new Date(startedAt + 60 * MINUTE).toISOString(), 'unchanged');
    clock += 29 * MINUTE;
    assert.equal((await s.call('GET', '/auth/session', { cookie })).status, 200);
    clock += 2 * MINUTE;
    assert.ok(isSignedOut(await s.call('GET', '/auth/session', { cookie })), 'idle for 61 minutes');
    assert.ok(isProblem(await s.call('GET', '/tickets', { cookie }), 401));
  });

  it('other authenticated requests and POST /auth/session/extend count as activity', async () => {
    const cookie = await s.login();
    clock += 50 * MINUTE;
    const list = await s.call('GET', '/tickets', { cookie });
    assert.equal(list.status, 200);
    assert.equal(list.headers.get('x-session-expires-at'), new Date(clock + 60 * MINUTE).toISOString());
    clock += 50 * MINUTE;
    const extended = await s.call('POST', '/auth/session/extend', { cookie });
    assert.equal(extended.status, 200);
    assert.equal(extended.json.user.email, ANNA.email);
    assert.equal(extended.json.expiresAt, new Date(clock + 60 * MINUTE).toISOString());
    clock += 50 * MINUTE;
    assert.equal((await s.call('GET', '/auth/session', { cookie })).status, 200, 'alive 150 minutes after sign-in');
    assert.ok(isProblem(await s.call('POST', '/auth/session/extend'), 401), 'nothing to extend without a session');
  });

  it('refuses state-changing requests without the CSRF header', async () => {
    const cookie = await s.login();
    assert.ok(isProblem(await s.call('POST', '/auth/session/extend', { cookie, headers: { 'x-portal-request': '' } }), 403));
    assert.ok(isProblem(await s.call('POST', '/auth/logout', { cookie, headers: { 'x-portal-request': '' } }), 403));
    assert.ok(isProblem(await s.call('POST', '/auth/password/forgot', { body: { email: ANNA.email }, headers: { 'x-portal-request': '' } }), 403));
    assert.ok(isProblem(await s.call('POST', '/auth/sso/token', { body: { jwt: 'x' }, headers: { 'x-portal-request': '' } }), 403));
    assert.equal((await s.call('GET', '/auth/session', { cookie })).status, 200, 'still signed in');
  });

  it('rotates the token on sign-in: a new cookie, the old one ended', async () => {
    const first = await s.login();
    const res = await s.call('POST', '/auth/login', { body: ANNA, cookie: first });
    const second = cookieOf(res);
    assert.notEqual(second, first);
    assert.ok(isSignedOut(await s.call('GET', '/auth/session', { cookie: first })));
    assert.equal((await s.call('GET', '/auth/session', { cookie: second })).status, 200);
  });

  it('sign-out ends the session on the server and clears the cookie (Max-Age=0)', async () => {
    const cookie = await s.login();
    const token = cookie.split('=')[1];
    const out = await s.call('POST', '/auth/logout', { cookie });
    assert.equal(out.status, 204);
    const cleared = out.headers.get('set-cookie') ?? '';
    assert.match(cleared, /^portal_session=;/);
    assert.match(cleared, /Max-Age=0/);
    assert.ok(isSignedOut(await s.call('GET', '/auth/session', { cookie })), 'the old cookie is worthless');
    assert.ok(isSignedOut(await s.call('GET', '/auth/session', { headers: { authorization: `Bearer ${token}` } })));
    assert.equal((await s.call('POST', '/auth/logout')).status, 204, 'signing out twice is fine');
  });
});
