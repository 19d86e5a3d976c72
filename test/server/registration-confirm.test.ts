import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eventually, smtpReceiver } from '../support/smtp.js';
import { cookieOf, isProblem, testServer, tokenOf, type TestServer } from './helpers.js';

const ANNA = 'anna@nordlicht.example';
let address = 0;
/** Each call from its own client address, so the per-address email budget never gets in the way. */
const fresh = () => ({ 'x-forwarded-for': `203.0.113.${++address}` });

describe('registration with email confirmation (access.registrationConfirmation: "email")', () => {
  let s: TestServer;
  let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
  let clock = Date.UTC(2026, 10, 30, 8, 0, 0);
  before(async () => {
    smtp = await smtpReceiver();
    s = await testServer({ trustProxy: true, now: () => clock, linkBase: 'https://www.example.com/help', smtpUrl: smtp.url, mailFrom: 'help@portal.example', mailRetryMs: 100 });
    await s.patchSettings((st) => ({ ...st, access: { ...st.access, mode: 'self-registration', registrationConfirmation: 'email' } }));
  });
  after(async () => {
    await s.close();
    await smtp.stop();
  });

  const register = (email: string, password = 'a-long-password', headers: Record<string, string> = {}) =>
    s.call('POST', '/auth/register', { body: { name: 'Nina New', email, password, consent: true }, headers: { ...fresh(), ...headers } });
  const login = (email: string, password = 'a-long-password') => s.call('POST', '/auth/login', { body: { email, password }, headers: fresh() });
  /** The confirmation link of the newest email to the address, as delivered over SMTP. */
  const linkTo = async (email: string) => {
    const mail = await eventually(() => smtp.to(email).at(-1), 10_000, `an email to ${email}`);
    return /https?:\/\/\S+\/auth\/register\/confirm\?token=[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0] ?? '';
  };
  /** Opens the emailed link (a confirmation page) and confirms it as the page's form does. */
  const confirm = async (link: string, headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' }) => {
    const page = await s.call('GET', `/auth/register/confirm?token=${tokenOf(link)}`);
    if (page.status !== 200) return page;
    return s.call('POST', '/auth/register/confirm', { raw: `token=${tokenOf(link)}`, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
  };

  it('answers a new and a known address identically (202 check-email, no cookie), and creates no account yet', async () => {
    const answers = [await register('nina@new.example'), await register(ANNA, 'mallory-password-1')];
    for (const res of answers) {
      assert.equal(res.status, 202);
      assert.equal(res.text, '{"status":"check-email"}');
      assert.equal(res.headers.get('set-cookie'), null);
      assert.equal(res.headers.get('cache-control'), 'no-store');
    }
    assert.deepEqual([...answers[0].headers.keys()].sort(), [...answers[1].headers.keys()].sort());
    assert.equal((await s.query('select id from contacts where email = ?', 'nina@new.example')).length, 0);
    // The owner of the known address gets "already registered", the new address a confirmation link (real SMTP).
    assert.match((await s.outbox()).filter((m) => m.to === ANNA).at(-1)?.subject ?? '', /already have an account/);
    const mail = await eventually(() => smtp.to('nina@new.example').find((m) => m.subject?.startsWith('Confirm your email address')), 10_000, 'the confirmation email');
    assert.match(mail.text ?? '', /\/api\/v1\/auth\/register\/confirm\?token=[A-Za-z0-9_-]{43}/);
    assert.match(mail.html || '', /Confirm my address/);
  });

  it('stores only the hash of the link, and the unconfirmed account cannot sign in (403 with a clear message)', async () => {
    const link = await linkTo('nina@new.example');
    const rows = await s.query<{ token_hash: string; password_hash: string }>('select token_hash, password_hash from registrations where email = ?', 'nina@new.example');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].token_hash, createHash('sha256').update(tokenOf(link)).digest('hex'));
    assert.ok(!rows[0].password_hash.includes('a-long-password'));
    const refused = await login('nina@new.example');
    assert.ok(isProblem(refused, 403));
    assert.equal(refused.json.type, 'urn:portal:problem:registration-unconfirmed');
    assert.match(refused.json.detail, /Confirm your email address first/);
    // A wrong password learns nothing more than for any unknown address.
    assert.ok(isProblem(await login('nina@new.example', 'wrong-password-1'), 401));
  });

  it('shows a localized confirmation page that signs nobody in; its POST creates the account, signs in, and works once', async () => {
    const link = await linkTo('nina@new.example');
    const page = await s.call('GET', `/auth/register/confirm?token=${tokenOf(link)}`, { headers: { 'accept-language': 'de-DE,de;q=0.9' } });
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('set-cookie'), null);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.match(page.text, /<html lang="de"/);
    assert.match(page.text, /<h1>E-Mail-Adresse bestätigen<\/h1>/);
    assert.match(page.text, /<form method="post" action="\/api\/v1\/auth\/register\/confirm">/);
    assert.ok(!/<script/i.test(page.text));
    assert.equal((await s.query('select id from contacts where email = ?', 'nina@new.example')).length, 0);

    // Posted from another site: refused (login CSRF), the link still works.
    const crossSite = await s.call('POST', '/auth/register/confirm', { raw: `token=${tokenOf(link)}`, headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' } });
    assert.ok(isProblem(crossSite, 403));

    const res = await confirm(link);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), 'https://www.example.com/help#/tickets');
    const cookie = cookieOf(res);
    assert.equal((await s.call('GET', '/auth/session', { cookie })).json.user.email, 'nina@new.example');
    assert.equal((await s.query('select count(*) as n from consents c join contacts k on k.id = c.contact_id where k.email = ?', 'nina@new.example'))[0].n, 1);
    assert.equal((await login('nina@new.example')).status, 200);
    const again = await confirm(link);
    assert.equal(again.status, 303);
    assert.equal(again.headers.get('location'), 'https://www.example.com/help#/signin?error=link-expired');
    assert.equal(again.headers.get('set-cookie'), null);
    // Registering the now-known address again: the same 202, the owner is told, nothing changes.
    const known = await register('nina@new.example', 'another-password-1');
    assert.equal(known.text, '{"status":"check-email"}');
    assert.equal((await login('nina@new.example', 'another-password-1')).status, 401);
  });

  it('expires after 24 hours (injected clock); garbage tokens redirect the same way', async () => {
    assert.equal((await register('late@new.example')).status, 202);
    const link = await linkTo('late@new.example');
    clock += 24 * 60 * 60 * 1000 + 1;
    try {
      assert.equal((await confirm(link)).headers.get('location'), 'https://www.example.com/help#/signin?error=link-expired');
      assert.ok(isProblem(await login('late@new.example'), 401));
      const garbage = await s.call('GET', '/auth/register/confirm?token=%3Cscript%3E');
      assert.equal(garbage.headers.get('location'), 'https://www.example.com/help#/signin?error=link-expired');
      assert.equal((await s.query('select id from contacts where email = ?', 'late@new.example')).length, 0);
    } finally {
      clock -= 24 * 60 * 60 * 1000 + 1;
    }
  });

  it('keeps the contract by default: without the setting a new address gets 201 + session at once', async () => {
    const undo = await s.patchSettings((st) => {
      delete st.access.registrationConfirmation;
      return st;
    });
    try {
      const res = await register('instant@new.example');
      assert.equal(res.status, 201);
      assert.equal(res.json.user.email, 'instant@new.example');
      assert.match(cookieOf(res), /^portal_session=/);
      const settings = (await s.admin('GET', '/admin/settings')).json;
      assert.equal(settings.access.registrationConfirmation, undefined);
    } finally {
      await undo();
    }
    assert.equal((await s.admin('GET', '/admin/settings')).json.access.registrationConfirmation, 'email');
    const bad = await s.admin('PUT', '/admin/settings', { ...(await s.admin('GET', '/admin/settings')).json, access: { ...(await s.admin('GET', '/admin/settings')).json.access, registrationConfirmation: 'sometimes' } });
    assert.ok(isProblem(bad, 422));
    assert.ok(bad.json.errors.some((e: { field: string }) => e.field === 'access.registrationConfirmation'));
  });
});
