import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isProblem, testServer, type TestServer } from './helpers.js';

const PASSWORD = 'portal-demo-2026';
const MINUTE = 60_000;

describe('auth: throttling (injected clock)', () => {
  let s: TestServer;
  let clock = Date.UTC(2026, 10, 23, 8, 0, 0);
  before(async () => { s = await testServer({ now: () => clock, trustProxy: true }); });
  after(() => s.close());

  const login = (email: string, password: string, from: string) =>
    s.call('POST', '/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': from } });

  it('never locks an account: only the address that keeps failing waits, growing 1, 2, 4 s; the owner gets in from elsewhere', async () => {
    const from = '10.0.1.1';
    for (let i = 0; i < 3; i++) assert.ok(isProblem(await login('anna@nordlicht.example', 'wrong-password', from), 401));
    const waits: string[] = [];
    for (let i = 0; i < 3; i++) {
      const early = await login('anna@nordlicht.example', 'wrong-password', from);
      assert.ok(isProblem(early, 429));
      waits.push(early.headers.get('retry-after') ?? '');
      clock += Number(early.headers.get('retry-after')) * 1000;
      assert.ok(isProblem(await login('anna@nordlicht.example', 'wrong-password', from), 401));
    }
    assert.deepEqual(waits, ['1', '2', '4']);
    // The guessing address waits even with the right password; the owner elsewhere is not locked out.
    assert.ok(isProblem(await login('anna@nordlicht.example', PASSWORD, from), 429));
    assert.equal((await login('ANNA@nordlicht.example', PASSWORD, '10.0.1.99')).status, 200, 'the right password from another address');
    // Success forgets the account's failures from that address as well as in general.
    clock += 15 * MINUTE;
    assert.equal((await login('anna@nordlicht.example', PASSWORD, from)).status, 200, 'recovered');
  });

  it('many failures from many addresses never refuse the right password', async () => {
    for (let i = 0; i < 14; i++) assert.ok(isProblem(await login('oskar@fjord.example', 'wrong-password', `10.0.7.${i}`), 401));
    assert.equal((await login('oskar@fjord.example', PASSWORD, '10.0.7.200')).status, 200);
  });

  it('a successful sign-in resets the account counter', async () => {
    for (let i = 0; i < 3; i++) await login('lukas@nordlicht.example', 'wrong-password', '10.0.2.1');
    assert.equal((await login('lukas@nordlicht.example', PASSWORD, '10.0.2.2')).status, 200);
    for (let i = 0; i < 3; i++) assert.ok(isProblem(await login('lukas@nordlicht.example', 'wrong-password', '10.0.2.2'), 401));
    clock += 1000;
    assert.equal((await login('lukas@nordlicht.example', PASSWORD, '10.0.2.2')).status, 200);
  });

  it('locks a client address after 20 failures, whatever the accounts; other addresses go on', async () => {
    for (let i = 0; i < 20; i++) assert.ok(isProblem(await login(`nobody${i}@nowhere.example`, 'wrong-password', '10.0.3.1'), 401));
    const locked = await login('elin@fjord.example', PASSWORD, '10.0.3.1');
    assert.ok(isProblem(locked, 429));
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
    assert.equal((await login('elin@fjord.example', PASSWORD, '10.0.3.2')).status, 200);
    clock += 15 * MINUTE;
    assert.equal((await login('elin@fjord.example', PASSWORD, '10.0.3.1')).status, 200);
  });

  it('counts wrong reset and invitation tokens per address', async () => {
    const from = { 'x-forwarded-for': '10.0.4.1' };
    for (let i = 0; i < 10; i++) {
      const path = i % 2 ? '/auth/password/reset' : '/auth/invite/accept';
      assert.ok(isProblem(await s.call('POST', path, { body: { token: `${'t'.repeat(40)}${i}`, password: 'a-long-password' }, headers: from }), 422));
    }
    for (let i = 0; i < 10; i++) {
      assert.equal((await s.call('GET', `/auth/magic-link/verify?token=${'m'.repeat(43)}`, { headers: from })).status, 303);
    }
    const locked = await s.call('POST', '/auth/password/reset', { body: { token: 'u'.repeat(43), password: 'a-long-password' }, headers: from });
    assert.ok(isProblem(locked, 429));
    const verify = await s.call('GET', `/auth/magic-link/verify?token=${'m'.repeat(43)}`, { headers: from });
    assert.match(verify.headers.get('location') ?? '', /#\/signin\?error=too-many-attempts$/);
    assert.ok(isProblem(await login('mette@sundby.example', PASSWORD, '10.0.4.1'), 429), 'same address budget as sign-in');
    clock += 15 * MINUTE;
  });

  it('limits forgot-password (and other email-sending requests) to 10 per address per 15 minutes', async () => {
    const from = { 'x-forwarded-for': '10.0.5.1' };
    for (let i = 0; i < 10; i++) {
      assert.equal((await s.call('POST', '/auth/password/forgot', { body: { email: `x${i}@nowhere.example` }, headers: from })).status, 202);
    }
    const limited = await s.call('POST', '/auth/password/forgot', { body: { email: 'oskar@fjord.example' }, headers: from });
    assert.ok(isProblem(limited, 429));
    assert.equal(limited.headers.get('retry-after'), '900');
    assert.ok(isProblem(await s.call('POST', '/auth/register', {
      body: { name: 'R', email: 'r@nowhere.example', password: 'a-long-password', consent: true }, headers: from,
    }), 429));
    assert.equal((await s.call('POST', '/auth/password/forgot', { body: { email: 'oskar@fjord.example' }, headers: { 'x-forwarded-for': '10.0.5.2' } })).status, 202);
  });

  it('sends at most 3 emails per recipient per 15 minutes, answering 202 all the same', async () => {
    const before = (await s.outbox()).filter((m) => m.to === 'jens@sundby.example').length;
    for (let i = 0; i < 5; i++) {
      const res = await s.call('POST', '/auth/password/forgot', { body: { email: 'jens@sundby.example' }, headers: { 'x-forwarded-for': `10.0.6.${i}` } });
      assert.equal(res.status, 202);
    }
    assert.equal((await s.outbox()).filter((m) => m.to === 'jens@sundby.example').length - before, 3);
  });
});

describe('auth: client address without a trusted proxy', () => {
  let s: TestServer;
  before(async () => { s = await testServer({ trustProxy: false }); });
  after(() => s.close());

  it('ignores X-Forwarded-For (the socket address counts)', async () => {
    for (let i = 0; i < 10; i++) {
      await s.call('POST', '/auth/password/forgot', { body: { email: `y${i}@nowhere.example` }, headers: { 'x-forwarded-for': `10.9.0.${i}` } });
    }
    const res = await s.call('POST', '/auth/password/forgot', { body: { email: 'z@nowhere.example' }, headers: { 'x-forwarded-for': '10.9.9.9' } });
    assert.ok(isProblem(res, 429));
  });
});
