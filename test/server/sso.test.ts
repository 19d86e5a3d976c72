import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cookieOf, isProblem, testServer, type TestServer } from './helpers.js';
import { SECRET, signJwt, ssoSettings } from './sso-helpers.js';

const ANNA = { email: 'anna@nordlicht.example' };
const MINUTE = 60;

describe('SSO: token age, JWKS rules and start URL', () => {
  let s: TestServer;
  const clock = Date.UTC(2026, 10, 30, 8, 0, 0);
  const seconds = Math.floor(clock / 1000);
  let restore: () => Promise<void>;
  before(async () => {
    s = await testServer({ now: () => clock });
    restore = await s.patchSettings(ssoSettings({ secret: SECRET }));
  });
  after(async () => { await restore(); await s.close(); });
  const enter = (jwt: string) => s.call('GET', `/auth/sso/jwt?jwt=${encodeURIComponent(jwt)}`);

  it('accepts a fresh token', async () => {
    const res = await enter(await signJwt(ANNA, { now: clock }));
    assert.equal(res.status, 303);
    assert.ok(cookieOf(res));
  });

  it('refuses a token issued more than 10 minutes ago, even when it has not expired', async () => {
    const old = await signJwt({ ...ANNA, iat: seconds - 12 * MINUTE, exp: seconds - 12 * MINUTE + 10 * MINUTE + 5 * MINUTE }, { now: clock });
    assert.ok(isProblem(await enter(old), 401));
  });

  it('refuses a token that claims to be valid for more than 10 minutes', async () => {
    const longLived = await signJwt({ ...ANNA, iat: seconds, exp: seconds + 24 * 60 * MINUTE }, { now: clock });
    assert.ok(isProblem(await enter(longLived), 401));
    const tenMinutes = await signJwt({ ...ANNA, iat: seconds, exp: seconds + 10 * MINUTE }, { now: clock });
    assert.equal((await enter(tenMinutes)).status, 303);
  });

  it('requires https for a JWKS (http only on loopback) and the expected issuer and audience with it', async () => {
    const put = async (jwt: object) => {
      const current = (await s.admin('GET', '/admin/settings')).json;
      return s.admin('PUT', '/admin/settings', { ...current, access: { ...current.access, sso: { ...current.access.sso, jwt } } });
    };
    const plain = await put({ jwksUrl: 'http://idp.example/jwks.json', issuer: 'https://idp.example', audience: 'portal' });
    assert.ok(isProblem(plain, 422));
    assert.deepEqual(plain.json.errors.map((e: { field: string }) => e.field), ['access.sso.jwt.jwksUrl']);
    const bare = await put({ jwksUrl: 'https://idp.example/jwks.json' });
    assert.deepEqual(bare.json.errors.map((e: { field: string }) => e.field), ['access.sso.jwt.issuer', 'access.sso.jwt.audience']);
    assert.equal((await put({ jwksUrl: 'https://idp.example/jwks.json', issuer: 'https://idp.example', audience: 'portal' })).status, 200);
    assert.equal((await put({ jwksUrl: 'http://127.0.0.1:9/jwks.json', issuer: 'https://idp.example', audience: 'portal' })).status, 200);
    assert.equal((await put({ secret: SECRET })).status, 200);
  });

  it('takes only an http(s) start URL', async () => {
    const current = (await s.admin('GET', '/admin/settings')).json;
    for (const startUrl of ['javascript:alert(1)', 'data:text/html,x', 'ftp://idp.example/']) {
      const res = await s.admin('PUT', '/admin/settings', { ...current, access: { ...current.access, sso: { ...current.access.sso, startUrl } } });
      assert.ok(isProblem(res, 422), startUrl);
      assert.equal(res.json.errors[0].field, 'access.sso.startUrl');
    }
  });
});
