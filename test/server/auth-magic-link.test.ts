import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cookieOf, isProblem, testServer, tokenOf, type TestServer } from './helpers.js';

const ANNA = 'anna@nordlicht.example';

describe('auth: one-time sign-in link', () => {
  let s: TestServer;
  let clock = Date.UTC(2026, 10, 23, 8, 0, 0);
  let restore: () => Promise<void>;
  before(async () => {
    s = await testServer({ now: () => clock, linkBase: 'https://www.example.com/help' });
    restore = await s.patchSettings((st) => ({ ...st, access: { ...st.access, mode: 'self-registration', magicLink: true } }));
  });
  after(async () => { await restore(); await s.close(); });

  const request = (email: string) => s.call('POST', '/auth/magic-link', { body: { email } });
  const linkFor = async (email: string) => {
    assert.equal((await request(email)).status, 202);
    return (await s.outbox()).filter((m) => m.to === email).at(-1)?.link ?? '';
  };
  /** Opens the link (a confirmation page) and confirms it as the page's form does. */
  const follow = async (link: string) => {
    const page = await s.call('GET', `/auth/magic-link/verify?token=${tokenOf(link)}`);
    if (page.status !== 200) return page;
    assert.match(page.text, /<form method="post" action="\/api\/v1\/auth\/magic-link\/verify">/);
    return s.call('POST', '/auth/magic-link/verify', {
      raw: `token=${tokenOf(link)}`, headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', origin: s.url },
    });
  };

  it('answers 202 for known and unknown addresses; emails an API link only to a known one', async () => {
    const before = (await s.outbox()).length;
    const unknown = await request('nobody@nowhere.example');
    assert.equal(unknown.status, 202);
    assert.equal((await s.outbox()).length, before);
    const link = await linkFor(ANNA);
    assert.match(link, new RegExp(`^${s.url.replace(/[.]/g, '\\.')}/api/v1/auth/magic-link/verify\\?token=[A-Za-z0-9_-]{43}$`));
  });

  it('signs in with a cookie, redirects to the tickets on the link base, and works once', async () => {
    const link = await linkFor(ANNA);
    const res = await follow(link);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), 'https://www.example.com/help#/tickets');
    const cookie = cookieOf(res);
    assert.equal((await s.call('GET', '/auth/session', { cookie })).json.user.email, ANNA);
    const again = await follow(link);
    assert.equal(again.status, 303);
    assert.equal(again.headers.get('location'), 'https://www.example.com/help#/signin?error=link-expired');
    assert.equal(again.headers.get('set-cookie'), null);
  });

  it('expires after 15 minutes (injected clock); garbage tokens redirect the same way', async () => {
    const link = await linkFor(ANNA);
    clock += 16 * 60_000;
    assert.equal((await follow(link)).headers.get('location'), 'https://www.example.com/help#/signin?error=link-expired');
    const garbage = await s.call('GET', '/auth/magic-link/verify?token=%3Cscript%3E');
    assert.equal(garbage.headers.get('location'), 'https://www.example.com/help#/signin?error=link-expired');
    assert.equal((await s.call('GET', '/auth/magic-link/verify')).status, 303);
  });

  it('is refused with 403 when sign-in links are off, and earlier links stop working', async () => {
    const link = await linkFor(ANNA);
    const back = await s.patchSettings((st) => ({ ...st, access: { ...st.access, magicLink: false } }));
    try {
      assert.ok(isProblem(await request(ANNA), 403));
      assert.equal((await follow(link)).headers.get('location'), 'https://www.example.com/help#/signin?error=link-expired');
    } finally {
      await back();
    }
  });

  it('requires the CSRF header to ask for a link', async () => {
    assert.ok(isProblem(await s.call('POST', '/auth/magic-link', { body: { email: ANNA }, headers: { 'x-portal-request': '' } }), 403));
  });
});
