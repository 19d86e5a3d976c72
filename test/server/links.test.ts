import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { cookieOf, testServer, tokenOf, type TestServer } from './helpers.js';

/**
 * Emailed links (sign-in, reset, invitation, "you already have an account") come from configuration, else from the
 * address the server listens on — never from a request's `Host` header or an absolute-form request target.
 */
describe('links: emailed links never follow the request', () => {
  let s: TestServer;
  let restore: () => Promise<void>;
  before(async () => {
    // Started without a link base, as the tests and a first `npm start` do.
    s = await testServer();
    restore = await s.patchSettings((st) => ({ ...st, access: { ...st.access, mode: 'self-registration', magicLink: true } }));
  });
  after(async () => { await restore(); await s.close(); });

  /** One raw HTTP/1.1 request: `target` may be absolute-form; `host` is sent as the Host header. */
  const raw = (method: string, target: string, host: string, body: unknown, extra: Record<string, string> = {}) => {
    const { hostname, port } = new URL(s.url);
    const text = JSON.stringify(body);
    const head = [
      `${method} ${target} HTTP/1.1`, `Host: ${host}`, 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(text)}`,
      'X-Portal-Request: 1', 'Connection: close', ...Object.entries(extra).map(([k, v]) => `${k}: ${v}`), '', '',
    ].join('\r\n');
    return new Promise<number>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.write(head + text));
      let answer = '';
      socket.on('data', (chunk) => { answer += chunk.toString(); });
      socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
      socket.on('error', reject);
    });
  };
  const lastLinkTo = async (email: string) => (await s.outbox()).filter((m) => m.to === email).at(-1)?.link ?? '';
  const assertOwnLink = (link: string, prefix: string) => {
    assert.ok(link.startsWith(`${s.url}${prefix}`), link);
    assert.ok(!link.includes('attacker.example'), link);
  };

  for (const [label, target] of [['a Host header', '/api/v1'], ['an absolute-form target', 'http://attacker.example/api/v1']] as const) {
    it(`builds the one-time sign-in link from the listening address, not from ${label}`, async () => {
      const status = await raw('POST', `${target}/auth/magic-link`, 'attacker.example', { email: 'anna@nordlicht.example' });
      assert.equal(status, 202);
      assertOwnLink(await lastLinkTo('anna@nordlicht.example'), '/api/v1/auth/magic-link/verify?token=');
    });

    it(`builds the reset link from the listening address, not from ${label}`, async () => {
      const status = await raw('POST', `${target}/auth/password/forgot`, 'attacker.example', { email: 'lukas@nordlicht.example' });
      assert.equal(status, 202);
      assertOwnLink(await lastLinkTo('lukas@nordlicht.example'), '/portal.html#/reset?token=');
    });
  }

  it('builds the "account exists" link of a registration from the listening address', async () => {
    const body = { name: 'Someone', email: 'mette@sundby.example', password: 'long-enough-password-1', consent: true };
    const status = await raw('POST', '/api/v1/auth/register', 'attacker.example', body);
    assert.equal(status, 202);
    assertOwnLink(await lastLinkTo('mette@sundby.example'), '/portal.html#/');
  });

  it('builds invitation links from the listening address', async () => {
    const undo = await s.patchSettings((st) => ({ ...st, access: { ...st.access, mode: 'access-groups', accessGroupIds: [2] } }));
    try {
      const status = await raw('POST', 'http://attacker.example/api/v1/admin/contacts', 'attacker.example',
        { email: 'invitee-links@example.com', name: 'Invitee', accessGroupIds: [2] }, { Authorization: `Bearer ${s.adminToken}` });
      assert.equal(status, 201);
      assertOwnLink(await lastLinkTo('invitee-links@example.com'), '/portal.html#/invite?token=');
    } finally {
      await undo();
    }
  });

  it('uses the configured public URL and link base when they are given', async () => {
    const t = await testServer({ publicUrl: 'https://help.example.com/', linkBase: 'https://www.example.com/support' });
    try {
      await t.patchSettings((st) => ({ ...st, access: { ...st.access, magicLink: true } }));
      assert.equal((await t.call('POST', '/auth/magic-link', { body: { email: 'anna@nordlicht.example' }, headers: {} })).status, 202);
      const link = (await t.outbox()).filter((m) => m.to === 'anna@nordlicht.example').at(-1)?.link ?? '';
      assert.match(link, /^https:\/\/help\.example\.com\/api\/v1\/auth\/magic-link\/verify\?token=/);
      assert.equal((await t.call('POST', '/auth/password/forgot', { body: { email: 'lukas@nordlicht.example' } })).status, 202);
      const reset = (await t.outbox()).filter((m) => m.to === 'lukas@nordlicht.example').at(-1)?.link ?? '';
      assert.ok(reset.startsWith('https://www.example.com/support#/reset?token='), reset);
    } finally {
      await t.close();
    }
  });
});

describe('links: a one-time sign-in link resists mail scanners and login CSRF', () => {
  let s: TestServer;
  before(async () => {
    s = await testServer();
    await s.patchSettings((st) => ({ ...st, access: { ...st.access, magicLink: true } }));
  });
  after(() => s.close());
  const freshToken = async () => {
    assert.equal((await s.call('POST', '/auth/magic-link', { body: { email: 'elin@fjord.example' } })).status, 202);
    return tokenOf((await s.outbox()).filter((m) => m.to === 'elin@fjord.example').at(-1)?.link);
  };
  const confirm = (token: string, headers: Record<string, string>) =>
    s.call('POST', '/auth/magic-link/verify', { raw: `token=${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });

  it('GET shows a confirmation page (no script, no framing) and neither signs in nor uses the link up', async () => {
    const token = await freshToken();
    for (let i = 0; i < 2; i++) {
      const page = await s.call('GET', `/auth/magic-link/verify?token=${token}`, { headers: { 'accept-language': 'de-DE,de;q=0.9' } });
      assert.equal(page.status, 200);
      assert.equal(page.headers.get('set-cookie'), null);
      assert.match(page.text, /<button type="submit">Anmelden<\/button>/);
      assert.doesNotMatch(page.text, /<script/i);
      const csp = page.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
    }
    const signedIn = await confirm(token, { 'sec-fetch-site': 'same-origin', origin: s.url });
    assert.equal(signedIn.status, 303);
    assert.match(signedIn.headers.get('location') ?? '', /#\/tickets$/);
    assert.ok(cookieOf(signedIn));
  });

  it('refuses a confirmation posted from another site (login CSRF), and the link still works for its owner', async () => {
    const token = await freshToken();
    assert.equal((await confirm(token, { 'sec-fetch-site': 'cross-site', origin: 'https://attacker.example' })).status, 403);
    assert.equal((await confirm(token, { origin: 'https://attacker.example' })).status, 403, 'older browsers: by Origin');
    assert.equal((await confirm(token, {})).status, 403, 'neither header');
    const owner = await confirm(token, { 'sec-fetch-site': 'same-origin', origin: s.url });
    assert.equal(owner.status, 303);
    assert.ok(cookieOf(owner));
  });
});
