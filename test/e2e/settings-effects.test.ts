import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_SIGN_IN, demoWorld } from '../../src/domain/demo-world.js';
import { collectPageErrors, launchChromium } from '../support/chromium.js';
import { startTestServer } from '../support/server.js';

const world = demoWorld();
const closedStage = world.pipelines[0].stages.find((s) => s.closed)!;
const openTicket = world.tickets.find((t) => t.contactId === 1 && t.pipeline === world.pipelines[0].id
  && !world.pipelines[0].stages.find((s) => s.id === t.stage)!.closed && world.messages.some((m) => m.ticketId === t.id))!;

describe('every setting takes effect in the browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let original: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const put = async (change: (s: any) => any) => {
    const res = await server.admin('/settings', { method: 'PUT', body: JSON.stringify(change(structuredClone(original))) });
    assert.equal(res.status, 200, await res.text());
  };
  const signIn = async (page: Page, hash = '#/tickets') => {
    await page.goto(`${server.url}/portal.html${hash}`);
    await page.getByLabel('Email', { exact: true }).fill(DEMO_SIGN_IN.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_SIGN_IN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  before(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    original = await (await server.admin('/settings')).json();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the logo (alt = portal name) without moving the header, and a "Knowledge base" link', async () => {
    await put((s) => ({ ...s, theme: { ...s.theme, logoUrl: `${server.url}/favicon.svg` }, knowledgeBaseUrl: `${server.url}/` }));
    const page = await browser.newPage();
    const problems = collectPageErrors(page);
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.route('**/favicon.svg', async (route) => { await held; await route.continue(); });
    await page.goto(`${server.url}/portal.html`);
    const logo = page.getByRole('img', { name: original.name });
    await logo.waitFor();
    const nav = page.getByRole('navigation', { name: 'Portal navigation' });
    const kb = nav.getByRole('link', { name: 'Knowledge base' });
    assert.equal(await kb.getAttribute('href'), `${server.url}/`);
    const before = await nav.boundingBox();
    const heading = await page.locator('customer-portal [part="title"]').boundingBox();
    release();
    await page.waitForFunction(() => {
      const img = document.querySelector('customer-portal')!.shadowRoot!.querySelector<HTMLImageElement>('[part="logo"]');
      return img?.complete && img.naturalWidth > 0;
    });
    assert.deepEqual(await nav.boundingBox(), before, 'the navigation did not move when the logo arrived');
    assert.deepEqual(await page.locator('customer-portal [part="title"]').boundingBox(), heading);
    assert.deepEqual(problems.errors, []);
    await page.close();
    await put((s) => s);
  });

  it('`locales` limits the languages: a page in German gets the default language when German is not offered', async () => {
    await put((s) => ({ ...s, locales: ['en', 'sv'] }));
    const page = await browser.newPage();
    await page.goto(`${server.url}/portal.html`);
    await page.evaluate(() => document.querySelector('customer-portal')!.setAttribute('locale', 'de'));
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.evaluate(() => document.querySelector('customer-portal')!.setAttribute('locale', 'sv'));
    await page.getByRole('button', { name: 'Logga in' }).waitFor();
    await page.evaluate(() => document.querySelector('customer-portal')!.setAttribute('locale', 'de'));
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Anmelden' }).count(), 0);
    await page.close();
    await put((s) => s);
  });

  it('every text uses the ticket label: a refused reply says "case"', async () => {
    await put((s) => ({ ...s, ticketLabel: { singular: 'Case', plural: 'Cases' }, translations: {} }));
    const page = await browser.newPage();
    await signIn(page, `#/tickets/${openTicket.id}`);
    await page.getByRole('heading', { name: openTicket.subject }).waitFor();
    const res = await server.admin(`/tickets/${openTicket.id}`, { method: 'PATCH', body: JSON.stringify({ stage: closedStage.id }) });
    assert.equal(res.status, 200);
    await page.getByRole('textbox', { name: 'Reply' }).click();
    await page.keyboard.type('One more thing');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Replies to this case are not possible any more.').first().waitFor();
    await page.close();
    await server.admin(`/tickets/${openTicket.id}`, { method: 'PATCH', body: JSON.stringify({ stage: openTicket.stage }) });
    await put((s) => s);
  });

  it('customers turn reply emails off in the portal; with them on, the email speaks their language', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/portal.html`);
    await page.evaluate(() => document.querySelector('customer-portal')!.setAttribute('locale', 'sv'));
    await page.getByLabel('E-post', { exact: true }).fill(DEMO_SIGN_IN.email);
    await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_SIGN_IN.password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    const box = page.getByRole('checkbox', { name: 'Mejla mig när supportteamet svarar', disabled: false });
    await box.waitFor();
    assert.equal(await box.isChecked(), true);
    const prefs = () => page.evaluate(async () => (await fetch('/api/v1/me/preferences')).json());
    await page.waitForFunction(async () => (await (await fetch('/api/v1/me/preferences')).json()).locale === 'sv');
    const outbox = async () => (await (await server.admin('/outbox')).json()) as { to: string; subject: string }[];
    const answer = () => server.admin(`/tickets/${openTicket.id}/messages`, { method: 'POST', body: JSON.stringify({ author: 'agent', authorId: 1, body: '<p>Klart!</p>' }) });
    await answer();
    assert.match((await outbox()).at(-1)!.subject, /^Nytt svar på ditt ärende/);
    await box.uncheck();
    await page.waitForFunction(async () => (await (await fetch('/api/v1/me/preferences')).json()).replyEmails === false);
    const count = (await outbox()).length;
    await answer();
    assert.equal((await outbox()).length, count, 'no email once turned off');
    await page.reload();
    // The page itself is in English (the Swedish was the element's attribute): the switch follows.
    const english = page.getByRole('checkbox', { name: 'Email me when the support team answers', disabled: false });
    await english.waitFor();
    assert.equal(await english.isChecked(), false, 'the choice is kept');
    assert.equal((await prefs()).replyEmails, false);
    await page.close();
  });

  it('the support form asks for the priority with the admin\'s labels', async () => {
    await put((s) => ({ ...s, supportForm: { ...s.supportForm, fields: [...s.supportForm.fields, {
      name: 'priority', label: 'How urgent is it?', type: 'radio', required: true,
      options: [{ value: 'low', label: 'It can wait' }, { value: 'high', label: 'We are blocked' }],
    }] } }));
    const page = await browser.newPage();
    await signIn(page, '#/new');
    await page.getByRole('button', { name: 'Submit' }).waitFor();
    await page.getByLabel('Subject', { exact: true }).fill('Production is down');
    await page.getByLabel('Category', { exact: true }).selectOption('technical');
    await page.getByRole('radio', { name: 'Only me' }).check();
    await page.getByRole('radio', { name: 'We are blocked' }).check();
    await page.getByLabel('Description', { exact: true }).fill('Nothing loads since this morning.');
    await page.getByRole('button', { name: 'Submit' }).click();
    const link = page.getByRole('link', { name: /View Ticket #\d+/ });
    await link.waitFor();
    const id = Number((await link.textContent())!.match(/#(\d+)/)![1]);
    const ticket = await (await server.admin(`/tickets/${id}`)).json();
    assert.equal(ticket.priority, 'high');
    await page.close();
    await put((s) => s);
  });
});
