import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cookieOf, isProblem, testServer, type TestServer } from './helpers.js';
import { SECRET, signJwt, ssoSettings, unsignedJwt } from './sso-helpers.js';

const LINK_BASE = 'https://help.example.com/portal';
const INVALID = 'The sign-in token is invalid or has expired.';

describe('auth: SSO by HS256 JWT', () => {
  let s: TestServer;
  let clock = Date.UTC(2026, 10, 23, 8, 0, 0);
  before(async () => {
    s = await testServer({ now: () => clock, linkBase: LINK_BASE });
    await s.patchSettings(ssoSettings({ secret: SECRET, issuer: 'https://idp.example', audience: 'portal' }, {
      returnToAllowList: ['https://app.example.com/portal/', 'https://help.example.com/portal'],
    }));
  });
  after(() => s.close());

  const sign = (claims: Record<string, unknown>) => signJwt({ iss: 'https://idp.example', aud: 'portal', ...claims }, { now: clock });
  const enter = (jwt: string, returnTo?: string) =>
    s.call('GET', `/auth/sso/jwt?jwt=${encodeURIComponent(jwt)}${returnTo === undefined ? '' : `&return_to=${encodeURIComponent(returnTo)}`}`);
  const refused = (res: Awaited<ReturnType<typeof enter>>) => isProblem(res, 401) && res.json.detail === INVALID && !res.headers.get('set-cookie');

  it('signs an existing contact in (by email), sets the cookie and redirects to the link base', async () => {
    const res = await enter(await sign({ email: 'Anna@Nordlicht.example', name: 'Ignored' }));
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), LINK_BASE);
    const session = await s.call('GET', '/auth/session', { cookie: cookieOf(res) });
    assert.equal(session.json.user.id, 1);
    assert.equal(session.json.user.name, 'Anna Berg');
  });

  it('creates a new contact with name and company from the claims, and finds it again by external_id', async () => {
    const first = await enter(await sign({ email: 'new.person@client.example', name: 'New Person', external_id: 'u-77', company: 'Client Corp' }));
    assert.equal(first.status, 303);
    const user = (await s.call('GET', '/auth/session', { cookie: cookieOf(first) })).json.user;
    assert.equal(user.name, 'New Person');
    assert.ok(user.companyId);
    const again = await enter(await sign({ email: 'changed@client.example', external_id: 'u-77', company: 'client corp' }));
    const same = (await s.call('GET', '/auth/session', { cookie: cookieOf(again) })).json.user;
    assert.equal(same.id, user.id);
    assert.equal(same.companyId, user.companyId);
    const other = await enter(await sign({ email: 'third@client.example', company: 'CLIENT CORP' }));
    assert.equal((await s.call('GET', '/auth/session', { cookie: cookieOf(other) })).json.user.companyId, user.companyId, 'company linked by name');
  });

  it('honours an allow-listed return_to and falls back to the link base otherwise', async () => {
    const go = async (returnTo: string) => (await enter(await sign({ email: 'anna@nordlicht.example' }), returnTo)).headers.get('location');
    assert.equal(await go('https://app.example.com/portal/tickets?x=1#/tickets/4'), 'https://app.example.com/portal/tickets?x=1#/tickets/4');
    assert.equal(await go('https://help.example.com/portal/sub'), 'https://help.example.com/portal/sub');
    for (const foreign of [
      'https://evil.example/portal/', '//evil.example/portal/', 'javascript:alert(1)', 'https://app.example.com@evil.example/portal/',
      'https://app.example.com.evil.example/portal/', 'https://app.example.com/other', 'http://app.example.com/portal/',
      'https://help.example.com/portalx', 'https://app.example.com/portal/../admin', '/\\evil.example/portal/',
    ]) {
      assert.equal(await go(foreign), LINK_BASE, foreign);
    }
  });

  it('refuses expired, future-dated, forged, unsigned and replayed tokens with one generic 401', async () => {
    const now = Math.floor(clock / 1000);
    assert.ok(refused(await enter(await sign({ email: 'anna@nordlicht.example', iat: now - 900, exp: now - 120 }))), 'expired');
    assert.ok(refused(await enter(await sign({ email: 'anna@nordlicht.example', iat: now + 600, exp: now + 900 }))), 'iat in the future');
    assert.equal((await enter(await sign({ email: 'anna@nordlicht.example', iat: now + 30 }))).status, 303, 'iat within the leeway');
    const good = await sign({ email: 'anna@nordlicht.example' });
    const [h, p, sig] = good.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), email: 'elin@fjord.example' })).toString('base64url')}.${sig}`;
    assert.ok(refused(await enter(tampered)), 'forged payload');
    assert.ok(refused(await enter(await signJwt({ iss: 'https://idp.example', aud: 'portal', email: 'anna@nordlicht.example' }, { now: clock, key: new TextEncoder().encode('another-secret-of-32-characters!!') }))), 'wrong key');
    assert.ok(refused(await enter(unsignedJwt({ iss: 'https://idp.example', aud: 'portal', email: 'anna@nordlicht.example' }, clock))), 'alg none');
    assert.ok(refused(await enter('not.a.jwt')), 'garbage');
    assert.ok(refused(await s.call('GET', '/auth/sso/jwt')), 'missing');
    assert.equal((await enter(good)).status, 303);
    assert.ok(refused(await enter(good)), 'replayed jti');
  });

  it('requires exp, iat, jti and email, and checks issuer and audience', async () => {
    assert.ok(refused(await enter(await sign({ email: 'anna@nordlicht.example', exp: undefined }))), 'no exp');
    assert.ok(refused(await enter(await sign({ email: 'anna@nordlicht.example', iat: undefined }))), 'no iat');
    assert.ok(refused(await enter(await sign({ email: 'anna@nordlicht.example', jti: undefined }))), 'no jti');
    assert.ok(refused(await enter(await sign({ name: 'No Email' }))), 'no email');
    assert.ok(refused(await enter(await sign({ email: 'not-an-email' }))), 'bad email');
    assert.ok(refused(await enter(await sign({ email: 'anna@nordlicht.example', iss: 'https://other-idp.example' }))), 'issuer');
    assert.ok(refused(await enter(await sign({ email: 'anna@nordlicht.example', aud: 'another-app' }))), 'audience');
  });

  it('trades a JWT for a bearer session token (POST /auth/sso/token)', async () => {
    const res = await s.call('POST', '/auth/sso/token', { body: { jwt: await sign({ email: 'elin@fjord.example' }) } });
    assert.equal(res.status, 200);
    assert.match(res.json.token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(res.json.expiresAt, new Date(clock + 3600_000).toISOString());
    assert.equal(res.headers.get('set-cookie'), null);
    const session = await s.call('GET', '/auth/session', { headers: { authorization: `Bearer ${res.json.token}` } });
    assert.equal(session.json.user.email, 'elin@fjord.example');
    const bad = await s.call('POST', '/auth/sso/token', { body: { jwt: unsignedJwt({ email: 'elin@fjord.example' }, clock) } });
    assert.ok(isProblem(bad, 401));
    assert.ok(isProblem(await s.call('POST', '/auth/sso/token', { body: {} }), 422));
  });

  it('admits only contacts of the chosen access groups when SSO is limited to groups', async () => {
    const back = await s.patchSettings((st) => ({ ...st, access: { ...st.access, accessGroupIds: [1] } }));
    try {
      assert.equal((await enter(await sign({ email: 'anna@nordlicht.example' }))).status, 303, 'member of group 1');
      for (const email of ['oskar@fjord.example', 'stranger@nowhere.example']) {
        const res = await enter(await sign({ email }));
        assert.ok(isProblem(res, 403), email);
        assert.equal(res.json.detail, "You don't have access to this portal.");
        assert.equal(res.headers.get('set-cookie'), null);
      }
      const created = await enter(await sign({ email: 'first.time@nowhere.example' }));
      assert.ok(isProblem(created, 403));
    } finally {
      await back();
    }
  });

  it('answers 403 when the portal does not use SSO', async () => {
    const back = await s.patchSettings((st) => ({ ...st, access: { ...st.access, mode: 'self-registration' } }));
    try {
      assert.ok(isProblem(await enter(await sign({ email: 'anna@nordlicht.example' })), 403));
    } finally {
      await back();
    }
  });
});
