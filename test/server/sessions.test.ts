import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cookieOf, isProblem, testServer, tokenOf, type TestServer } from './helpers.js';
import { connectDatabase } from '../../server/db/connect.js';
import { sweepExpired } from '../../server/store/sweep.js';
import { openStream } from './sse-helpers.js';
import { signJwt, SECRET, ssoSettings } from './sso-helpers.js';

describe('sessions: access changes take effect at once', () => {
  let s: TestServer;
  before(async () => { s = await testServer(); });
  after(() => s.close());

  it('ends a password session on the next request once the portal admits only other access groups', async () => {
    const anna = await s.login();
    assert.equal((await s.call('GET', '/tickets', { cookie: anna })).status, 200);
    const undo = await s.patchSettings((st) => ({ ...st, access: { ...st.access, mode: 'access-groups', accessGroupIds: [2] } }));
    try {
      const refused = await s.call('GET', '/tickets', { cookie: anna });
      assert.ok(isProblem(refused, 401));
      assert.equal(refused.json.type, 'urn:portal:problem:access-revoked');
      assert.match(refused.json.detail, /access to this portal has changed/);
      // The session is gone, not just refused once: switching back does not revive it.
      await undo();
      assert.equal((await s.call('GET', '/tickets', { cookie: anna })).status, 401);
    } finally {
      await undo();
    }
  });

  it('tells every request with the ended session why it ended, also requests racing the one that ended it', async () => {
    const cookies = [await s.login(), await s.login('lukas@nordlicht.example')];
    const undo = await s.patchSettings((st) => ({ ...st, access: { ...st.access, mode: 'access-groups', accessGroupIds: [2] } }));
    try {
      for (const cookie of cookies) {
        // The portal's views ask at the same time: each learns that access changed, whichever ended the session.
        const answers = await Promise.all(['/tickets', '/tickets/facets', '/me/preferences', '/tickets?view=company', '/forms/support', '/tickets/1']
          .map((path) => s.call('GET', path, { cookie })));
        for (const res of answers) {
          assert.equal(res.status, 401);
          assert.equal(res.json?.type, 'urn:portal:problem:access-revoked', res.text);
        }
        // And later requests too (the reason is kept for a while; the session itself is gone).
        assert.equal((await s.call('GET', '/tickets', { cookie })).json?.type, 'urn:portal:problem:access-revoked');
      }
      assert.equal(Number((await s.query<{ n: number }>("select count(*) as n from ended_sessions where reason = 'access-revoked'"))[0].n) >= 2, true);
    } finally {
      await undo();
    }
    // Switching back does not revive the sessions; a cookie nobody ever had gets the plain answer.
    assert.equal((await s.call('GET', '/tickets', { cookie: cookies[0] })).json?.type, 'urn:portal:problem:access-revoked');
    assert.equal((await s.call('GET', '/tickets', { cookie: 'portal_session=abcdefghijklmnopqrstuvwxyz012345' })).json?.type, 'urn:portal:problem:unauthenticated');
  });

  it('ends password sessions when the portal switches to single sign-on', async () => {
    const anna = await s.login();
    const undo = await s.patchSettings(ssoSettings({ secret: SECRET }));
    try {
      const refused = await s.call('GET', '/tickets/facets', { cookie: anna });
      assert.equal(refused.json?.type, 'urn:portal:problem:access-revoked');
    } finally {
      await undo();
    }
  });

  it('keeps SSO sessions on an SSO portal, and ends them when it stops using SSO', async () => {
    const undo = await s.patchSettings(ssoSettings({ secret: SECRET }));
    try {
      const jwt = await signJwt({ email: 'lukas@nordlicht.example', name: 'Lukas' }, { now: Date.now() });
      const res = await s.call('GET', `/auth/sso/jwt?jwt=${jwt}`);
      assert.equal(res.status, 303);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
      assert.equal((await s.call('GET', '/tickets', { cookie })).status, 200);
      await undo();
      assert.equal((await s.call('GET', '/tickets', { cookie })).json?.type, 'urn:portal:problem:access-revoked');
    } finally {
      await undo();
    }
  });

  it('closes a live-update stream with session-ended when access is revoked or the session signs out', async () => {
    const anna = await s.login();
    const stream = await openStream(s.url, anna);
    assert.equal(stream.status, 200);
    const undo = await s.patchSettings((st) => ({ ...st, access: { ...st.access, mode: 'access-groups', accessGroupIds: [2] } }));
    try {
      await stream.until((text, ended) => text.includes('event: session-ended') && ended);
    } finally {
      await undo();
      await stream.close();
    }
    const lukas = await s.login('lukas@nordlicht.example');
    const second = await openStream(s.url, lukas);
    assert.equal((await s.call('POST', '/auth/logout', { cookie: lukas })).status, 204);
    await second.until((text, ended) => text.includes('event: session-ended') && ended);
    await second.close();
  });
});

describe('sessions: cookies behind a TLS proxy', () => {
  let s: TestServer;
  before(async () => { s = await testServer({ trustProxy: true }); });
  after(() => s.close());
  const login = (headers: Record<string, string>) =>
    s.call('POST', '/auth/login', { body: { email: 'anna@nordlicht.example', password: 'portal-demo-2026' }, headers });

  it('marks the cookie Secure with the __Host- prefix when the proxy says https', async () => {
    const res = await login({ 'x-forwarded-proto': 'https' });
    assert.equal(res.status, 200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    assert.match(setCookie, /^__Host-portal_session=[^;]+;/);
    assert.match(setCookie, /; Secure/i);
    assert.match(setCookie, /; Path=\//);
    assert.doesNotMatch(setCookie, /Domain=/i);
    const cookie = setCookie.split(';')[0];
    assert.equal((await s.call('GET', '/tickets', { cookie, headers: { 'x-forwarded-proto': 'https' } })).status, 200);
  });

  it('keeps the plain cookie over http', async () => {
    const setCookie = (await login({ 'x-forwarded-proto': 'http' })).headers.get('set-cookie') ?? '';
    assert.match(setCookie, /^portal_session=/);
    assert.doesNotMatch(setCookie, /Secure/i);
  });

  it('ignores X-Forwarded-Proto from a client when no proxy is trusted', async () => {
    const t = await testServer();
    try {
      const res = await t.call('POST', '/auth/login', { body: { email: 'anna@nordlicht.example', password: 'portal-demo-2026' }, headers: { 'x-forwarded-proto': 'https' } });
      assert.match(res.headers.get('set-cookie') ?? '', /^portal_session=/);
    } finally {
      await t.close();
    }
  });
});

describe('sessions: setting a password revokes what the old state could open', () => {
  let s: TestServer;
  before(async () => {
    s = await testServer();
    await s.patchSettings((st) => ({ ...st, access: { ...st.access, mode: 'access-groups', accessGroupIds: [1], magicLink: true } }));
  });
  after(() => s.close());
  const linkTo = async (email: string, kind: string) => (await s.outbox()).filter((m) => m.to === email && m.link?.includes(kind)).at(-1)?.link ?? '';
  const resetWith = async (email: string) => {
    assert.equal((await s.call('POST', '/auth/password/forgot', { body: { email } })).status, 202);
    const token = tokenOf(await linkTo(email, '/reset?token='));
    return s.call('POST', '/auth/password/reset', { body: { token, password: 'a-brand-new-password-1' } });
  };

  it('a password reset revokes outstanding one-time sign-in links', async () => {
    assert.equal((await s.call('POST', '/auth/magic-link', { body: { email: 'lukas@nordlicht.example' } })).status, 202);
    const link = await linkTo('lukas@nordlicht.example', 'magic-link/verify');
    assert.equal((await resetWith('lukas@nordlicht.example')).status, 200);
    const followed = await s.call('GET', `/auth/magic-link/verify?token=${tokenOf(link)}`);
    assert.equal(followed.status, 303);
    assert.match(followed.headers.get('location') ?? '', /error=link-expired/);
    assert.equal(cookieOf(followed), '');
  });

  it('a password reset revokes open invitations', async () => {
    assert.equal((await s.admin('POST', '/admin/contacts', { email: 'ivo@example.com', name: 'Ivo', accessGroupIds: [1] })).status, 201);
    const invitation = tokenOf(await linkTo('ivo@example.com', '/invite?token='));
    assert.equal((await resetWith('ivo@example.com')).status, 200);
    const accepted = await s.call('POST', '/auth/invite/accept', { body: { token: invitation, password: 'another-password-22' } });
    assert.equal(accepted.status, 422);
  });

  it('accepting an invitation ends the other sessions of the account', async () => {
    assert.equal((await s.admin('POST', '/admin/contacts', { email: 'ines@example.com', name: 'Ines', accessGroupIds: [1] })).status, 201);
    const invitation = tokenOf(await linkTo('ines@example.com', '/invite?token='));
    assert.equal((await s.call('POST', '/auth/magic-link', { body: { email: 'ines@example.com' } })).status, 202);
    const signedIn = await s.call('POST', '/auth/magic-link/verify', {
      raw: `token=${tokenOf(await linkTo('ines@example.com', 'magic-link/verify'))}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    });
    const other = cookieOf(signedIn);
    assert.ok(other);
    assert.equal((await s.call('GET', '/tickets', { cookie: other })).status, 200);
    const accepted = await s.call('POST', '/auth/invite/accept', { body: { token: invitation, password: 'ines-new-password-1' } });
    assert.equal(accepted.status, 200);
    assert.equal((await s.call('GET', '/tickets', { cookie: other })).status, 401);
    assert.equal((await s.call('GET', '/tickets', { cookie: cookieOf(accepted) })).status, 200);
  });
});

describe('sessions: expired state is swept', () => {
  let s: TestServer;
  let clock = Date.UTC(2026, 10, 30, 8, 0, 0);
  before(async () => {
    s = await testServer({ now: () => clock });
    await s.patchSettings((st) => ({ ...st, access: { ...st.access, magicLink: true } }));
  });
  after(() => s.close());
  const rows = async (table: string) => Number((await s.query<{ n: number }>(`select count(*) as n from ${table}`))[0].n);

  it('deletes expired sessions, one-time tokens and old idempotency records, and keeps live ones', async () => {
    await s.login();
    await s.login('lukas@nordlicht.example');
    assert.equal((await s.call('POST', '/auth/magic-link', { body: { email: 'elin@fjord.example' } })).status, 202);
    assert.equal((await s.call('POST', '/auth/password/forgot', { body: { email: 'oskar@fjord.example' } })).status, 202);
    await s.query("insert into ticket_requests (contact_id, idempotency_key, fingerprint, ticket_id, created_at) values (1, 'old-key-123', 'f', 1, ?)", new Date(clock).toISOString());
    const sessionsBefore = await rows('sessions');
    const tokensBefore = await rows('auth_tokens');
    assert.ok(sessionsBefore >= 2 && tokensBefore >= 2);
    const db = connectDatabase(s.database.location);
    try {
      // Nothing has expired yet.
      assert.deepEqual(await sweepExpired(db, clock), { sessions: 0, tokens: 0, invitations: 0, jtis: 0, idempotency: 0, endedSessions: 0, registrations: 0 });
      clock += 13 * 60 * 60 * 1000;
      const live = await s.login('mette@sundby.example');
      const swept = await sweepExpired(db, clock);
      assert.equal(swept.sessions, sessionsBefore);
      assert.equal(swept.tokens, tokensBefore);
      assert.equal(await rows('sessions'), 1);
      assert.equal((await s.call('GET', '/tickets', { cookie: live })).status, 200);
      clock += 8 * 24 * 60 * 60 * 1000;
      const later = await sweepExpired(db, clock);
      assert.equal(later.idempotency >= 1, true);
      assert.equal(Number((await s.query<{ n: number }>("select count(*) as n from ticket_requests where idempotency_key = 'old-key-123'"))[0].n), 0);
    } finally {
      await db.destroy();
    }
  });
});

describe('sessions: password hashes at OWASP cost', () => {
  it('hashes new passwords with scrypt N=2^17, r=8, p=1 and re-hashes older hashes at sign-in', async () => {
    // A database whose hashes were made at the old cost (N=2^14)…
    const old = await testServer({ scrypt: { N: 2 ** 14, r: 8, p: 1 } });
    const kept = await old.keepDatabase();
    // …opened by a server at the default cost.
    const s = await testServer({ keep: kept, scrypt: undefined });
    try {
      const hashOf = async (email: string) => (await s.query<{ password_hash: string }>('select password_hash from contacts where email = ?', email))[0].password_hash;
      assert.match(await hashOf('anna@nordlicht.example'), /^scrypt\$16384\$8\$1\$/);
      await s.login();
      assert.match(await hashOf('anna@nordlicht.example'), /^scrypt\$131072\$8\$1\$/);
      // The new hash still verifies.
      await s.login();
      assert.match(await hashOf('lukas@nordlicht.example'), /^scrypt\$16384\$8\$1\$/, 'untouched until that contact signs in');
      const created = await s.admin('POST', '/admin/contacts', { email: 'new-hash@example.com', name: 'New', password: 'a-long-enough-password-1' });
      assert.equal(created.status, 201);
      assert.match(await hashOf('new-hash@example.com'), /^scrypt\$131072\$8\$1\$/);
    } finally {
      await s.close();
    }
  });
});
