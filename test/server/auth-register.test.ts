import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { Session } from '../../src/contract/session.js';
import { cookieOf, isProblem, testServer, tokenOf, type TestServer } from './helpers.js';

const ANNA = { email: 'anna@nordlicht.example', password: 'portal-demo-2026' };
let address = 0;
/** Each call from its own client address, so the per-address email budget never gets in the way. */
const fresh = () => ({ 'x-forwarded-for': `198.51.100.${++address}` });

describe('auth: self-registration', () => {
  let s: TestServer;
  let restore: () => Promise<void>;
  before(async () => {
    s = await testServer({ trustProxy: true });
    restore = await s.patchSettings((st) => ({ ...st, access: { ...st.access, mode: 'self-registration' }, consent: { text: 'We process your data as <a href="https://x.example/privacy">described</a>.', checkboxLabel: 'I agree' } }));
  });
  after(async () => { await restore(); await s.close(); });

  const register = (body: unknown) => s.call('POST', '/auth/register', { body, headers: fresh() });

  it('creates the contact, signs in (201 + session + cookie) and stores the consent with its text version', async () => {
    const res = await register({ name: 'Nina New', email: 'Nina@New.example', password: 'a-long-password', consent: true });
    assert.equal(res.status, 201);
    assert.ok(z.safeParse(Session, res.json).success);
    assert.equal(res.json.user.email, 'nina@new.example');
    assert.equal(res.json.user.name, 'Nina New');
    const cookie = cookieOf(res);
    assert.match(cookie, /^portal_session=/);
    assert.equal((await s.call('GET', '/auth/session', { cookie })).json.user.email, 'nina@new.example');
    assert.equal((await s.call('POST', '/auth/login', { body: { email: 'nina@new.example', password: 'a-long-password' }, headers: fresh() })).status, 200);

    const rows = await s.query<{ text: string; text_version: string }>('SELECT text, text_version, created_at FROM consents WHERE contact_id = ?', res.json.user.id);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].text, 'We process your data as <a href="https://x.example/privacy">described</a>.');
    assert.equal(rows[0].text_version, createHash('sha256').update(rows[0].text).digest('hex'));
  });

  it('refuses registration without consent (422 naming consent)', async () => {
    for (const consent of [false, undefined]) {
      const res = await register({ name: 'No Consent', email: 'noconsent@example.com', password: 'a-long-password', consent });
      assert.ok(isProblem(res, 422));
      assert.ok(res.json.errors.some((e: { field: string }) => e.field === 'consent'));
    }
    assert.ok(isProblem(await s.call('POST', '/auth/login', { body: { email: 'noconsent@example.com', password: 'a-long-password' }, headers: fresh() }), 401));
  });

  it('refuses a weak password (422 naming password)', async () => {
    const res = await register({ name: 'Weak', email: 'weak@example.com', password: 'short', consent: true });
    assert.ok(isProblem(res, 422));
    assert.deepEqual(res.json.errors.map((e: { field: string }) => e.field), ['password']);
  });

  it('never signs in nor changes the password for a taken address: 202 check-email + an email to the owner', async () => {
    const res = await register({ name: 'Mallory', email: 'ANNA@nordlicht.example', password: 'mallory-password-1', consent: true });
    assert.equal(res.status, 202);
    assert.deepEqual(res.json, { status: 'check-email' });
    assert.equal(res.headers.get('set-cookie'), null);
    assert.ok(isProblem(await s.call('POST', '/auth/login', { body: { ...ANNA, password: 'mallory-password-1' }, headers: fresh() }), 401));
    const good = await s.call('POST', '/auth/login', { body: ANNA, headers: fresh() });
    assert.equal(good.status, 200);
    assert.equal(good.json.user.name, 'Anna Berg');
    const mail = (await s.outbox()).at(-1);
    assert.equal(mail?.to, ANNA.email);
    assert.match(mail?.subject ?? '', /already have an account/);
    assert.ok(mail?.link?.startsWith(`${s.url}/portal.html#/reset?token=`));
    assert.ok(tokenOf(mail?.link).length >= 22, 'at least 128 bits');
  });

  it('requires the CSRF header', async () => {
    const res = await s.call('POST', '/auth/register', {
      body: { name: 'X', email: 'csrf@example.com', password: 'a-long-password', consent: true }, headers: { ...fresh(), 'x-portal-request': '' },
    });
    assert.ok(isProblem(res, 403));
  });

  it('answers 403 when the portal does not take registrations', async () => {
    for (const mode of ['access-groups', 'sso'] as const) {
      const back = await s.patchSettings((st) => ({
        ...st, access: { ...st.access, mode, sso: mode === 'sso' ? { label: 'Acme', startUrl: 'https://idp.example/start', jwt: { secret: 'x'.repeat(32) }, returnToAllowList: [] } : st.access.sso },
      }));
      try {
        const res = await register({ name: 'Late', email: 'late@example.com', password: 'a-long-password', consent: true });
        assert.ok(isProblem(res, 403), mode);
      } finally {
        await back();
      }
    }
  });
});
