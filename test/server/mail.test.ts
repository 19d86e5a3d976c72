import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoWorld } from '../../src/domain/demo-world.js';
import { eventually, smtpReceiver } from '../support/smtp.js';
import { testServer, tokenOf, type TestServer } from './helpers.js';

const LUKAS = 'lukas@nordlicht.example';
const world = demoWorld();
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

  it('sends the agent-reply notification as text and HTML in the contact\'s language, with the reply quoted and a link to the ticket', async () => {
    const anna = world.contacts.find((c) => c.id === 1)!;
    const ticket = world.tickets.find((t) => t.contactId === anna.id)!;
    const agent = world.agents[0];
    const cookie = await s.login();
    const settings = (await s.admin('GET', '/admin/settings')).json;
    const expected = {
      en: { subject: `New reply to your ticket #${ticket.id}: ${ticket.subject}`, lead: `${agent.firstName} ${agent.lastName} answered your ticket at ${settings.name}:`, action: `Open ticket #${ticket.id}` },
      de: { subject: `Neue Antwort zu Ihrem Ticket #${ticket.id}: ${ticket.subject}`, lead: `${agent.firstName} ${agent.lastName} hat auf Ihr Ticket bei ${settings.translations.de.name} geantwortet:`, action: `Ticket #${ticket.id} öffnen` },
      sv: { subject: `Nytt svar på ditt ärende #${ticket.id}: ${ticket.subject}`, lead: `${agent.firstName} ${agent.lastName} har svarat på ditt ärende hos ${settings.translations.sv.name}:`, action: `Öppna ärende #${ticket.id}` },
      da: { subject: `Nyt svar på din sag #${ticket.id}: ${ticket.subject}`, lead: `${agent.firstName} ${agent.lastName} har svaret på din sag hos ${settings.translations.da.name}:`, action: `Åbn sag #${ticket.id}` },
    };
    try {
      for (const [locale, texts] of Object.entries(expected)) {
        assert.equal((await s.call('PUT', '/me/preferences', { cookie, body: { replyEmails: true, locale } })).status, 200);
        const body = `<p>Fixed in <b>4.2</b> &amp; tested (${locale}).</p><p>Line one<br>line two<script>alert(1)</script></p>`;
        const posted = await s.admin('POST', `/admin/tickets/${ticket.id}/messages`, { author: 'agent', authorId: agent.id, body });
        assert.equal(posted.status, 201, posted.text);
        const mail = await eventually(() => smtp.to(anna.email).find((m) => m.subject === texts.subject && m.text?.includes(`(${locale})`)), 10_000, `the ${locale} agent-reply email`);
        assert.deepEqual(mail.from?.value, [{ address: 'help@portal.example', name: settings.name }]);
        // Text part: the lead, the reply as text (no markup), the link to the ticket on its own line, the opt-out note.
        const text = mail.text ?? '';
        assert.ok(text.startsWith(`${texts.lead}\n\nFixed in 4.2 & tested (${locale}).\n\nLine one\nline two\n\n`), text);
        const link = text.split('\n').find((line) => line.endsWith(`#/tickets/${ticket.id}`));
        assert.ok(link && /^https?:\/\//.test(link), text);
        assert.doesNotMatch(text, /<|alert/);
        // HTML part: the same, escaped; the reply quoted without its markup, a button to the ticket.
        const html = String(mail.html);
        assert.match(html, new RegExp(`<html lang="${locale}">`));
        assert.ok(html.includes(`<h1 style="font-size:18px">${locale === 'en' ? settings.name : settings.translations[locale].name}</h1>`), html);
        assert.ok(html.includes(`<p>${texts.lead}</p>`), html);
        assert.match(html, /<blockquote[^>]*>\n<p>Fixed in 4\.2 &#38; tested \(\w+\)\.<\/p>\n<p>Line one<br>line two<\/p>\n<\/blockquote>/);
        assert.ok(html.includes(`<a href="${link}" style="display:inline-block;padding:10px 16px;background:#1f4fd1;color:#ffffff;text-decoration:none;border-radius:4px">${texts.action}</a>`), html);
        assert.doesNotMatch(html, /<b>|<script|alert/);
      }
      const sent = await eventually(async () => (await s.outbox()).filter((m) => m.to === anna.email && m.status === 'sent' && /#\d+: /.test(m.subject)), 5_000, 'status sent');
      assert.equal(sent.length, 4);
    } finally {
      await s.call('PUT', '/me/preferences', { cookie, body: { replyEmails: true, locale: null } });
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
