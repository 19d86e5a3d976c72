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

describe('SSO: login CSRF (a sign-in started on another site is confirmed first)', () => {
  let s: TestServer;
  const clock = Date.UTC(2026, 10, 30, 8, 0, 0);
  let restore: () => Promise<void>;
  before(async () => {
    s = await testServer({ now: () => clock, linkBase: 'https://www.example.com/help' });
    restore = await s.patchSettings(ssoSettings({ secret: SECRET }, { returnToAllowList: ['https://app.example.com/portal'] }));
  });
  after(async () => { await restore(); await s.close(); });
  const html = { accept: 'text/html,application/xhtml+xml' };
  const enter = (jwt: string, headers: Record<string, string>, returnTo = 'https://app.example.com/portal/tickets') =>
    s.call('GET', `/auth/sso/jwt?jwt=${encodeURIComponent(jwt)}&return_to=${encodeURIComponent(returnTo)}`, { headers: { ...html, ...headers } });
  const jwtFor = (email: string) => signJwt({ email, name: 'Someone' }, { now: clock });

  it('signs in at once for a direct request, a typed URL and a same-origin or same-site navigation (the contract)', async () => {
    for (const headers of [{}, { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' }, { 'sec-fetch-site': 'same-origin' }, { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'navigate' }] as Record<string, string>[]) {
      const res = await enter(await jwtFor(ANNA.email), headers);
      assert.equal(res.status, 303, JSON.stringify(headers));
      assert.equal(res.headers.get('location'), 'https://app.example.com/portal/tickets');
      assert.match(cookieOf(res), /^portal_session=/);
    }
  });

  it('answers a cross-site navigation with a localized confirmation page that signs nobody in and uses nothing up', async () => {
    const jwt = await jwtFor(ANNA.email);
    const res = await enter(jwt, { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'accept-language': 'sv-SE,sv;q=0.9' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('set-cookie'), null);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.ok(!/script-src/.test(csp) && !/<script/i.test(res.text), 'no script at all');
    assert.match(csp, /form-action 'self' https:\/\/www\.example\.com https:\/\/app\.example\.com/);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.match(res.text, /<html lang="sv"/);
    assert.match(res.text, /<h1>Logga in<\/h1>/);
    assert.match(res.text, /Fortsätt bara om du själv har startat den här inloggningen\./);
    assert.match(res.text, /<form method="post" action="\/api\/v1\/auth\/sso\/jwt">/);
    assert.ok(res.text.includes(`name="jwt" value="${jwt}"`));
    assert.match(res.text, /<button type="submit">Logga in<\/button>/);

    // The page's own form signs in (the token was not used up by showing the page).
    const posted = await s.call('POST', '/auth/sso/jwt', {
      raw: new URLSearchParams({ jwt, return_to: 'https://app.example.com/portal/tickets' }).toString(),
      headers: { ...html, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', origin: s.url },
    });
    assert.equal(posted.status, 303);
    assert.equal(posted.headers.get('location'), 'https://app.example.com/portal/tickets');
    assert.equal((await s.call('GET', '/auth/session', { cookie: cookieOf(posted) })).json.user.email, ANNA.email);
  });

  it("refuses the form posted from another site (an attacker's auto-submitting form), and the token stays unused", async () => {
    const jwt = await jwtFor('lukas@nordlicht.example');
    for (const headers of [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'https://attacker.example' }, {}] as Record<string, string>[]) {
      const res = await s.call('POST', '/auth/sso/jwt', {
        raw: new URLSearchParams({ jwt }).toString(), headers: { ...html, 'content-type': 'application/x-www-form-urlencoded', ...headers },
      });
      assert.ok(isProblem(res, 403), `${JSON.stringify(headers)} → ${res.status}`);
      assert.equal(res.headers.get('set-cookie'), null);
    }
    const direct = await enter(jwt, {});
    assert.equal(direct.status, 303);
    assert.ok(cookieOf(direct));
  });

  it('sends a cross-site navigation with a bad token to the sign-in view, as a direct one', async () => {
    const res = await enter('not-a-jwt', { 'sec-fetch-site': 'cross-site' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), 'https://www.example.com/help#/signin?error=sso-failed');
  });
});
