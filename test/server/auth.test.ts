import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Session } from '../../src/contract/session.js';
import * as z from 'zod/mini';
import { isProblem, testServer, type TestServer, isSignedOut } from './helpers.js';

const ANNA = { email: 'anna@nordlicht.example', password: 'portal-demo-2026' };

describe('auth: login, session, logout, CSRF', () => {
  let s: TestServer;
  before(async () => { s = await testServer(); });
  after(() => s.close());

  it('signs in and sets an HttpOnly SameSite=Lax cookie', async () => {
    const res = await s.call('POST', '/auth/login', { body: { ...ANNA, email: 'Anna@Nordlicht.example' } });
    assert.equal(res.status, 200);
    assert.ok(z.safeParse(Session, res.json).success);
    assert.equal(res.json.user.email, ANNA.email);
    assert.equal(res.json.canViewCompany, true);
    const cookie = res.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^portal_session=[A-Za-z0-9_-]{43};/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/);
  });

  it('answers wrong password and unknown email with the same 401', async () => {
    const wrong = await s.call('POST', '/auth/login', { body: { ...ANNA, password: 'nope-nope-nope' } });
    const unknown = await s.call('POST', '/auth/login', { body: { email: 'nobody@example.com', password: 'nope-nope-nope' } });
    assert.ok(isProblem(wrong, 401));
    assert.deepEqual(wrong.json, unknown.json);
    assert.equal(wrong.json.title, 'Wrong email or password');
  });

  it('rejects a malformed login body with 422 naming the field, and non-JSON with 415', async () => {
    const bad = await s.call('POST', '/auth/login', { body: { email: 'not-an-email', password: 'x' } });
    assert.ok(isProblem(bad, 422));
    assert.equal(bad.json.errors[0].field, 'email');
    assert.ok(isProblem(await s.call('POST', '/auth/login', { raw: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415));
    assert.ok(isProblem(await s.call('POST', '/auth/login', { raw: '{', headers: { 'content-type': 'application/json' } }), 400));
  });

  it('answers 401 for the session when signed out', async () => {
    assert.ok(isSignedOut(await s.call('GET', '/auth/session')));
    assert.ok(isSignedOut(await s.call('GET', '/auth/session', { cookie: 'portal_session=forged-token-forged-token' })));
    assert.ok(isProblem(await s.call('GET', '/tickets'), 401));
  });

  it('requires X-Portal-Request on state-changing routes and refuses cross-site requests', async () => {
    const noHeader = await s.call('POST', '/auth/login', { body: ANNA, headers: { 'x-portal-request': '' } });
    assert.ok(isProblem(noHeader, 403));
    const crossSite = await s.call('POST', '/auth/login', { body: ANNA, headers: { 'sec-fetch-site': 'cross-site' } });
    assert.ok(isProblem(crossSite, 403));
    const cookie = await s.login();
    assert.ok(isProblem(await s.call('POST', '/auth/logout', { cookie, headers: { 'x-portal-request': '0' } }), 403));
    assert.equal((await s.call('GET', '/auth/session', { cookie })).status, 200);
  });

  it('logout ends the session', async () => {
    const cookie = await s.login();
    assert.equal((await s.call('GET', '/auth/session', { cookie })).status, 200);
    const out = await s.call('POST', '/auth/logout', { cookie });
    assert.equal(out.status, 204);
    assert.match(out.headers.get('set-cookie') ?? '', /portal_session=;/);
    assert.ok(isSignedOut(await s.call('GET', '/auth/session', { cookie })));
  });

  it('rotates the session on sign-in', async () => {
    const first = await s.login();
    const res = await s.call('POST', '/auth/login', { body: ANNA, cookie: first });
    assert.equal(res.status, 200);
    assert.ok(isSignedOut(await s.call('GET', '/auth/session', { cookie: first })));
  });

  it('accepts the session token as a bearer token', async () => {
    const token = (await s.login()).split('=')[1];
    const res = await s.call('GET', '/auth/session', { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    assert.equal(res.json.user.id, 1);
  });

  it('answers 403 in access-groups mode for a contact outside the portal groups', async () => {
    const settings = (await s.admin('GET', '/admin/settings')).json;
    await s.admin('PUT', '/admin/settings', { ...settings, access: { ...settings.access, mode: 'access-groups', accessGroupIds: [1] } });
    try {
      assert.equal((await s.call('POST', '/auth/login', { body: ANNA })).status, 200);
      const oskar = await s.call('POST', '/auth/login', { body: { email: 'oskar@fjord.example', password: ANNA.password } });
      assert.ok(isProblem(oskar, 403));
      // Wrong password stays 401, so group membership never leaks.
      assert.ok(isProblem(await s.call('POST', '/auth/login', { body: { email: 'oskar@fjord.example', password: 'wrong-wrong' } }), 401));
    } finally {
      await s.admin('PUT', '/admin/settings', settings);
    }
  });
});

describe('auth: idle timeout and absolute lifetime (injected clock)', () => {
  let s: TestServer;
  let clock = Date.UTC(2026, 10, 23, 8, 0, 0);
  before(async () => { s = await testServer({ now: () => clock }); });
  after(() => s.close());

  it('expires after the idle timeout and reports expiresAt', async () => {
    const cookie = await s.login();
    const first = await s.call('GET', '/auth/session', { cookie });
    assert.equal(first.json.idleTimeoutSeconds, 3600);
    assert.equal(first.json.expiresAt, new Date(clock + 3600_000).toISOString());
    clock += 59 * 60_000;
    const touched = await s.call('POST', '/auth/session/extend', { cookie });
    assert.equal(touched.status, 200, 'activity within the timeout keeps the session');
    assert.equal(touched.json.expiresAt, new Date(clock + 3600_000).toISOString());
    clock += 60 * 60_000;
    assert.ok(isSignedOut(await s.call('GET', '/auth/session', { cookie })));
  });

  it('ends after 12 hours even when active', async () => {
    const cookie = await s.login();
    for (let i = 0; i < 13; i++) {
      clock += 55 * 60_000;
      assert.equal((await s.call('GET', '/tickets', { cookie })).status, 200, `hour ${i}`);
    }
    clock += 55 * 60_000;
    assert.ok(isSignedOut(await s.call('GET', '/auth/session', { cookie })));
  });
});
