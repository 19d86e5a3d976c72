import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_SIGN_IN, demoWorld } from '../../src/domain/demo-world.js';
import { collectPageErrors, launchChromium } from '../support/chromium.js';
import { startTestServer } from '../support/server.js';

const world = demoWorld();
const closed = new Set(world.pipelines.flatMap((p) => p.stages.filter((s) => s.closed).map((s) => s.id)));
const ticket = world.tickets.find((t) => t.contactId === 1 && !closed.has(t.stage) && t.id % 10 !== 0)!;

describe('ticket detail walkthrough against the reference server', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: ReturnType<typeof collectPageErrors>;
  const messages = () => page.locator('ticket-detail .message');

  before(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    problems = collectPageErrors(page);
    await page.goto(`${server.url}/portal.html#/tickets/${ticket.id}`);
    await page.getByLabel('Email', { exact: true }).fill(DEMO_SIGN_IN.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_SIGN_IN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: ticket.subject }).waitFor();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('replies with two attachments and sees the reply after a reload', async () => {
    const before = await messages().count();
    const editor = page.getByRole('textbox', { name: 'Reply' });
    await editor.click();
    await page.keyboard.type('Here are the logs you asked for.');
    await page.locator('portal-reply-box input[type="file"]').setInputFiles([
      { name: 'app.log', mimeType: 'text/plain', buffer: Buffer.from('line 1\nline 2\n') },
      { name: 'screen.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
    ]);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.waitForFunction((n) => document.querySelector('customer-portal')!.shadowRoot!.querySelector('ticket-detail')!.shadowRoot!.querySelectorAll('.message').length === n, before + 1);
    await page.reload();
    await page.getByRole('heading', { name: ticket.subject }).waitFor();
    await page.getByText('Here are the logs you asked for.').waitFor();
    const names = await page.locator('ticket-detail .message').last().locator('.attachments a').allTextContents();
    assert.deepEqual(names, ['app.log', 'screen.png']);
  });

  it('downloads an attachment as a file', async () => {
    const downloading = page.waitForEvent('download');
    await page.locator('ticket-detail .message').last().getByRole('link', { name: 'app.log' }).click();
    const download = await downloading;
    assert.equal(download.suggestedFilename(), 'app.log');
    assert.equal(readFileSync((await download.path())!, 'utf8'), 'line 1\nline 2\n');
  });

  it('shows an agent reply from the helpdesk without a reload', async () => {
    const response = await server.admin(`/tickets/${ticket.id}/messages`, {
      method: 'POST', body: JSON.stringify({ author: 'agent', authorId: 1, body: '<p>Thanks, we found the cause.</p>' }),
    });
    assert.equal(response.status, 201);
    await page.getByText('Thanks, we found the cause.').waitFor({ timeout: 30_000 });
  });

  it('keeps a draft through a reload', async () => {
    await page.getByRole('textbox', { name: 'Reply' }).click();
    await page.keyboard.type('Draft that must survive');
    // The reply box saves its draft a moment after the last keystroke: wait for it in storage before reloading.
    await page.waitForFunction((text) => Object.keys(localStorage)
      .some((key) => key.startsWith('customer-portal:draft:') && (localStorage.getItem(key) ?? '').includes(text)), 'Draft that must survive');
    await page.reload();
    await page.getByRole('button', { name: 'Restore draft' }).click();
    await page.getByRole('textbox', { name: 'Reply' }).getByText('Draft that must survive').waitFor();
  });

  it('keeps a reply whose sending failed and sends it once on "Retry"', async () => {
    const before = await messages().count();
    await page.route('**/api/v1/tickets/*/messages', (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('button', { name: 'Retry' }).waitFor();
    await page.unroute('**/api/v1/tickets/*/messages');
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.waitForFunction((n) => document.querySelector('customer-portal')!.shadowRoot!.querySelector('ticket-detail')!.shadowRoot!.querySelectorAll('.message').length === n, before + 1);
    const api = await page.evaluate(async (id) => (await fetch(`/api/v1/tickets/${id}/messages`)).json(), ticket.id) as { body: string }[];
    assert.equal(api.filter((m) => m.body.includes('Draft that must survive')).length, 1);
  });

  it('closes the ticket after confirmation, and then refuses replies unless the admin allows them', async () => {
    await page.getByRole('button', { name: 'Close ticket' }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close ticket' }).click();
    await page.getByText('This ticket is closed. Replies are not possible.').waitFor();
    const refused = await page.evaluate(async (id) => {
      const body = new FormData();
      body.set('body', '<p>late</p>');
      return (await fetch(`/api/v1/tickets/${id}/messages`, { method: 'POST', body, headers: { 'X-Portal-Request': '1', 'Idempotency-Key': 'late-reply-0001' } })).status;
    }, ticket.id);
    assert.equal(refused, 403);
    const settings = await (await server.admin('/settings')).json();
    await server.admin('/settings', { method: 'PUT', body: JSON.stringify({ ...settings, actions: { ...settings.actions, replyToClosed: true } }) });
    await page.reload();
    await page.getByRole('textbox', { name: 'Reply' }).waitFor();
  });

  it('had no console errors (besides the network failures the test caused)', () => {
    assert.deepEqual(problems.errors.filter((e) => !e.includes('net::ERR_INTERNET_DISCONNECTED')), []);
  });
});
