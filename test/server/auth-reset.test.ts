import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cookieOf, isProblem, median, testServer, tokenOf, type TestServer, isSignedOut } from './helpers.js';

const LUKAS = { email: 'lukas@nordlicht.example', password: 'portal-demo-2026' };
const NEW_PASSWORD = 'brand-new-password-1';
let address = 0;
const fresh = () => ({ 'x-forwarded-for': `203.0.113.${++address}` });

describe('auth: forgotten password and reset', () => {
  let s: TestServer;
  let clock = Date.UTC(2026, 10, 23, 8, 0, 0);
  before(async () => { s = await testServer({ now: () => clock, trustProxy: true, linkBase: 'https://help.example.com/support/' }); });
  after(() => s.close());

  const forgot = (email: string) => s.call('POST', '/auth/password/forgot', { body: { email }, headers: fresh() });
  const reset = (token: string, password = NEW_PASSWORD) => s.call('POST', '/auth/password/reset', { body: { token, password }, headers: fresh() });
  const lastLinkTo = async (email: string) => (await s.outbox()).filter((m) => m.to === email).at(-1)?.link;

  it('answers 202 whether or not the address exists; only a known address gets an email on the link base', async () => {
    const before = (await s.outbox()).length;
    const unknown = await forgot('nobody@nowhere.example');
    const known = await forgot('Lukas@Nordlicht.example');
    assert.equal(unknown.status, 202);
    assert.equal(known.status, 202);
    assert.deepEqual(unknown.json, known.json);
    const mails = (await s.outbox()).slice(before);
    assert.deepEqual(mails.map((m) => m.to), [LUKAS.email]);
    assert.match(mails[0].link ?? '', /^https:\/\/help\.example\.com\/support\/#\/reset\?token=[A-Za-z0-9_-]{43}$/);
    assert.ok(mails[0].text.includes(mails[0].link ?? '-'));
  });

  it('sets the password, ends the other sessions, signs in, and the token works once', async () => {
    const other = await s.login(LUKAS.email, LUKAS.password);
    await forgot(LUKAS.email);
    const token = tokenOf(await lastLinkTo(LUKAS.email));
    const res = await reset(token);
    assert.equal(res.status, 200);
    assert.equal(res.json.user.email, LUKAS.email);
    const cookie = cookieOf(res);
    assert.equal((await s.call('GET', '/auth/session', { cookie })).status, 200);
    assert.ok(isSignedOut(await s.call('GET', '/auth/session', { cookie: other })), 'old session ended');
    assert.ok(isProblem(await s.call('POST', '/auth/login', { body: LUKAS, headers: fresh() }), 401), 'old password gone');
    assert.equal((await s.call('POST', '/auth/login', { body: { email: LUKAS.email, password: NEW_PASSWORD }, headers: fresh() })).status, 200);
    const again = await reset(token, 'yet-another-password');
    assert.ok(isProblem(again, 422));
    assert.deepEqual(again.json.errors, [{ field: 'token', message: 'This link is invalid or has expired.' }]);
  });

  it('refuses a weak password without using the token up', async () => {
    await forgot(LUKAS.email);
    const token = tokenOf(await lastLinkTo(LUKAS.email));
    const weak = await reset(token, 'short');
    assert.ok(isProblem(weak, 422));
    assert.equal(weak.json.errors[0].field, 'password');
    assert.equal((await reset(token, LUKAS.password)).status, 200);
  });

  it('expires after 30 minutes (injected clock)', async () => {
    await forgot(LUKAS.email);
    const token = tokenOf(await lastLinkTo(LUKAS.email));
    clock += 31 * 60_000;
    const res = await reset(token);
    assert.ok(isProblem(res, 422));
    assert.equal(res.json.errors[0].field, 'token');
  });

  it('refuses unknown and malformed tokens (422 naming token)', async () => {
    assert.equal((await reset('x'.repeat(43))).json.errors[0].field, 'token');
    assert.equal((await reset('short')).json.errors[0].field, 'token');
  });

  it('answers forgot-password in similar time whether or not the address exists', async () => {
    const time = async (email: string) => {
      const started = performance.now();
      assert.equal((await forgot(email)).status, 202);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(`elin@fjord.example`));
      unknown.push(await time(`ghost${i}@nowhere.example`));
    }
    const [a, b] = [median(known), median(unknown)];
    assert.ok(Math.max(a, b) <= 3 * Math.min(a, b) + 15, `medians ${a.toFixed(1)} ms vs ${b.toFixed(1)} ms`);
  });
});

describe('auth: wrong password and unknown email look alike', () => {
  let s: TestServer;
  before(async () => { s = await testServer({ trustProxy: true }); });
  after(() => s.close());

  it('same status and body, in similar time', async () => {
    const accounts = ['anna@nordlicht.example', 'lukas@nordlicht.example', 'elin@fjord.example', 'oskar@fjord.example', 'mette@sundby.example'];
    const time = async (email: string) => {
      const started = performance.now();
      const res = await s.call('POST', '/auth/login', { body: { email, password: 'not-the-password' }, headers: fresh() });
      return { ms: performance.now() - started, res };
    };
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (const [i, email] of accounts.entries()) {
      const w = await time(email);
      const u = await time(`nobody${i}@nowhere.example`);
      assert.ok(isProblem(w.res, 401));
      assert.equal(u.res.status, w.res.status);
      assert.deepEqual(u.res.json, w.res.json);
      wrong.push(w.ms);
      unknown.push(u.ms);
    }
    const [a, b] = [median(wrong), median(unknown)];
    assert.ok(Math.max(a, b) <= 3 * Math.min(a, b), `medians ${a.toFixed(1)} ms vs ${b.toFixed(1)} ms`);
  });
});
