import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cookieOf, isProblem, testServer, tokenOf, type TestServer } from './helpers.js';

const PASSWORD = 'invited-password-1';

describe('auth: invitation accept (access groups)', () => {
  let s: TestServer;
  let clock = Date.UTC(2026, 10, 23, 8, 0, 0);
  let restore: () => Promise<void>;
  before(async () => {
    s = await testServer({ now: () => clock });
    restore = await s.patchSettings((st) => ({ ...st, access: { ...st.access, mode: 'access-groups', accessGroupIds: [2] } }));
  });
  after(async () => { await restore(); await s.close(); });

  const invite = async (email: string) => {
    assert.equal((await s.admin('POST', '/admin/contacts', { email, name: 'Invitee', accessGroupIds: [2] })).status, 201);
    const mail = (await s.outbox()).filter((m) => m.to === email).at(-1);
    assert.ok(mail?.link?.startsWith(`${s.url}/portal.html#/invite?token=`), mail?.link);
    return tokenOf(mail?.link);
  };
  const accept = (token: string, password = PASSWORD) => s.call('POST', '/auth/invite/accept', { body: { token, password } });

  it('sets the password and signs in; the link works once', async () => {
    const token = await invite('ivy@example.com');
    const res = await accept(token);
    assert.equal(res.status, 200);
    assert.equal(res.json.user.email, 'ivy@example.com');
    assert.equal((await s.call('GET', '/auth/session', { cookie: cookieOf(res) })).status, 200);
    assert.equal((await s.call('POST', '/auth/login', { body: { email: 'ivy@example.com', password: PASSWORD } })).status, 200);
    const again = await accept(token, 'another-password-2');
    assert.ok(isProblem(again, 422));
    assert.deepEqual(again.json.errors, [{ field: 'token', message: 'This link is invalid or has expired.' }]);
    assert.ok(isProblem(await s.call('POST', '/auth/login', { body: { email: 'ivy@example.com', password: 'another-password-2' } }), 401));
  });

  it('expires after 7 days (injected clock)', async () => {
    const token = await invite('late@example.com');
    clock += 7 * 24 * 60 * 60_000 + 1;
    const res = await accept(token);
    assert.ok(isProblem(res, 422));
    assert.equal(res.json.errors[0].field, 'token');
  });

  it('refuses unknown tokens and tokens of another kind (a reset link)', async () => {
    assert.equal((await accept('y'.repeat(43))).json.errors[0].field, 'token');
    await s.call('POST', '/auth/password/forgot', { body: { email: 'ivy@example.com' } });
    const resetToken = tokenOf((await s.outbox()).filter((m) => m.to === 'ivy@example.com').at(-1)?.link);
    assert.ok(resetToken);
    assert.ok(isProblem(await accept(resetToken), 422));
  });

  it('refuses a weak password naming the field, keeping the invitation', async () => {
    const token = await invite('weak@example.com');
    const weak = await accept(token, 'short');
    assert.ok(isProblem(weak, 422));
    assert.equal(weak.json.errors[0].field, 'password');
    assert.equal((await accept(token)).status, 200);
  });

  it('answers 403 (not a session) when the contact left the portal groups meanwhile', async () => {
    const token = await invite('gone@example.com');
    const back = await s.patchSettings((st) => ({ ...st, access: { ...st.access, accessGroupIds: [1] } }));
    try {
      const res = await accept(token);
      assert.ok(isProblem(res, 403));
      assert.equal(res.json.detail, "You don't have access to this portal.");
      assert.equal(res.headers.get('set-cookie'), null);
    } finally {
      await back();
    }
  });
});
