import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually, smtpReceiver } from '../support/smtp.js';
import { testServer, tokenOf, type TestServer } from './helpers.js';

const LUKAS = 'lukas@nordlicht.example';
let address = 0;
const fresh = (language = 'en') => ({ 'x-forwarded-for': `198.51.100.${++address}`, 'accept-language': language });
const linkIn = (text: string) => /https?:\/\/\S+token=[^\s"<]+/.exec(text)?.[0];

describe('email over SMTP (PORTAL_SMTP_URL)', () => {
  let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
  let s: TestServer;
  before(async () => {
    smtp = await smtpReceiver();
    s = await testServer({ smtpUrl: smtp.url, mailFrom: 'help@portal.example', mailRetryMs: 100, trustProxy: true });
  });
  after(async () => {
    await s.close();
    await smtp.stop();
  });

  it('sends the reset email as text and HTML in the requested language, from the portal; the link works; the outbox keeps no token', async () => {
    assert.equal((await s.call('POST', '/auth/password/forgot', { body: { email: LUKAS }, headers: fresh('de-CH,de;q=0.9') })).status, 202);
    const [mail] = await eventually(() => smtp.to(LUKAS).length > 0 && smtp.to(LUKAS), 10_000, 'the reset email');
    const portal = (await s.call('GET', '/portal')).json.name as string;
    assert.equal(mail.subject, `Passwort für ${portal} zurücksetzen`);
    assert.deepEqual(mail.from?.value, [{ address: 'help@portal.example', name: portal }]);
    const link = linkIn(mail.text ?? '');
    assert.ok(link?.includes('#/reset?token='), mail.text);
    assert.ok(String(mail.html).includes(`href="${link?.replace(/&/g, '&#38;')}"`), String(mail.html));
    assert.match(String(mail.html), /Neues Passwort wählen/);

    const entry = await eventually(async () => (await s.outbox()).find((m) => m.to === LUKAS && m.status === 'sent'), 5_000, 'status sent');
    assert.equal(entry.link, undefined);
    assert.ok(!entry.text.includes(tokenOf(link)), entry.text);
    assert.match(entry.text, /link removed after sending/);
    const reset = await s.call('POST', '/auth/password/reset', { body: { token: tokenOf(link), password: 'a-new-password-from-mail' }, headers: fresh() });
    assert.equal(reset.status, 200, reset.text);
  });

  it('sends invitations, "already registered" and sign-in links in the contact\'s language (en, de, sv, da)', async () => {
    const restore = await s.patchSettings((st) => ({ ...st, access: { ...st.access, mode: 'access-groups', accessGroupIds: [2], magicLink: true } }));
    try {
      // Invitation: the contact's `locale` property decides.
      assert.equal((await s.admin('POST', '/admin/contacts', { email: 'sven@example.se', name: 'Sven', accessGroupIds: [2], properties: { locale: 'sv' } })).status, 201);
      const [invite] = await eventually(() => smtp.to('sven@example.se').length > 0 && smtp.to('sven@example.se'), 10_000, 'the invitation');
      assert.match(invite.subject ?? '', /^Du är inbjuden till /);
      assert.match(invite.text ?? '', /^Hej Sven,/);
      assert.ok(linkIn(invite.text ?? '')?.includes('#/invite?token='));
      // Sign-in link: the request's language.
      assert.equal((await s.call('POST', '/auth/magic-link', { body: { email: LUKAS }, headers: fresh('en-GB') })).status, 202);
      const magic = await eventually(() => smtp.to(LUKAS).find((m) => m.subject?.startsWith('Your sign-in link')), 10_000, 'the sign-in link');
      assert.ok(linkIn(magic.text ?? '')?.includes('/auth/magic-link/verify?token='));
    } finally {
      await restore();
    }
    const back = await s.patchSettings((st) => ({ ...st, access: { ...st.access, mode: 'self-registration' } }));
    try {
      const res = await s.call('POST', '/auth/register', { body: { name: 'Again', email: LUKAS, password: 'a-long-password', consent: true }, headers: fresh('da') });
      assert.equal(res.status, 202, res.text);
      const exists = await eventually(() => smtp.to(LUKAS).find((m) => m.subject?.startsWith('Du har allerede en konto')), 10_000, '"already registered"');
      assert.match(String(exists.html), /Vælg ny adgangskode/);
    } finally {
      await back();
    }
  });

  it('keeps an email while the SMTP server is down and delivers it exactly once when it is back', async () => {
    await smtp.stop();
    const to = 'outage@example.com';
    assert.equal((await s.admin('POST', '/admin/contacts', { email: to, name: 'Olga' })).status, 201);
    const restore = await s.patchSettings((st) => ({ ...st, access: { ...st.access, mode: 'self-registration' } }));
    try {
      assert.equal((await s.call('POST', '/auth/password/forgot', { body: { email: to }, headers: fresh() })).status, 202);
      // Attempts fail while the server is down; the email stays queued with the error.
      const failing = await eventually(async () => (await s.outbox()).find((m) => m.to === to && (m.attempts ?? 0) >= 2), 10_000, 'failed attempts');
      assert.equal(failing.status, 'queued');
      assert.ok(failing.link, 'the link stays until the email is sent');
      assert.equal(smtp.to(to).length, 0);
      await smtp.start();
      await eventually(async () => (await s.outbox()).find((m) => m.to === to && m.status === 'sent'), 15_000, 'delivery after the outage');
      // Another email afterwards: once it has arrived, the queue has passed the first one again; still one copy.
      assert.equal((await s.admin('POST', '/admin/contacts', { email: 'next@example.com', name: 'Nils' })).status, 201);
      assert.equal((await s.call('POST', '/auth/password/forgot', { body: { email: 'next@example.com' }, headers: fresh() })).status, 202);
      await eventually(() => smtp.to('next@example.com').length > 0, 10_000, 'the next email');
      assert.equal(smtp.to(to).length, 1);
      assert.ok(linkIn(smtp.to(to)[0].text ?? '')?.includes('#/reset?token='));
    } finally {
      await restore();
    }
  });
});

describe('email without SMTP: the outbox', () => {
  let s: TestServer;
  before(async () => { s = await testServer(); });
  after(() => s.close());

  it('keeps the email with its link, status queued, newest last, with paging', async () => {
    for (const email of ['a1@example.com', 'a2@example.com', 'a3@example.com']) {
      assert.equal((await s.admin('POST', '/admin/contacts', { email, name: 'A' })).status, 201);
      assert.equal((await s.call('POST', '/auth/password/forgot', { body: { email }, headers: fresh() })).status, 202);
    }
    const all = await s.outbox();
    assert.deepEqual(all.slice(-3).map((m) => [m.to, m.status, Boolean(m.link)]), [['a1@example.com', 'queued', true], ['a2@example.com', 'queued', true], ['a3@example.com', 'queued', true]]);
    const page = await s.admin('GET', `/admin/outbox?offset=${all.length - 2}&limit=1`);
    assert.equal(page.status, 200);
    assert.deepEqual(page.json.map((m: { to: string }) => m.to), ['a2@example.com']);
    assert.equal(page.headers.get('x-total-count'), String(all.length));
    const bad = await s.admin('GET', '/admin/outbox?limit=0');
    assert.equal(bad.status, 422);
    assert.equal(bad.json.errors[0].field, 'limit');
  });
});
