import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_SIGN_IN, demoWorld } from '../../src/domain/demo-world.js';
import { collectPageErrors, launchChromium } from '../support/chromium.js';
import { startTestServer } from '../support/server.js';

const world = demoWorld();
const closed = new Set(world.pipelines.flatMap((p) => p.stages.filter((s) => s.closed).map((s) => s.id)));
// An open ticket of the demo contact with two threads: the portal shows the oldest, the helpdesk has a newer one.
const ticket = world.tickets.find((t) => t.contactId === 1 && !closed.has(t.stage)
  && new Set(world.messages.filter((m) => m.ticketId === t.id).map((m) => m.thread)).size > 1)!;
/** The HttpAdapter's default poll interval; the reply must show within it (plus the page's own work). */
const POLL_INTERVAL_MS = 15_000;

async function signIn(page: Page, url: string) {
  await page.goto(`${url}/portal.html#/tickets/${ticket.id}`);
  await page.getByLabel('Email', { exact: true }).fill(DEMO_SIGN_IN.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_SIGN_IN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: ticket.subject }).waitFor();
}

async function replyWithTwoFiles(page: Page, text: string) {
  const editor = page.getByRole('textbox', { name: 'Reply' });
  await editor.click();
  await page.keyboard.type(text);
  await page.locator('portal-reply-box input[type="file"]').setInputFiles([
    { name: 'app.log', mimeType: 'text/plain', buffer: Buffer.from('line 1\n') },
    { name: 'screen.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  ]);
  await page.getByRole('button', { name: 'Send' }).click();
  await page.locator('ticket-detail .message').getByText(text).waitFor();
}

describe('live updates: an agent answer reaches an open ticket page', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  before(async () => {
    assert.ok(ticket, 'the demo world has an open two-thread ticket of the demo contact');
    server = await startTestServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const agentReply = async (text: string) => {
    const response = await server.admin(`/tickets/${ticket.id}/messages`, {
      method: 'POST', body: JSON.stringify({ author: 'agent', authorId: 1, body: `<p>${text}</p>` }),
    });
    assert.equal(response.status, 201);
  };

  it('reply with files, reload, agent reply through the admin API: shown live over server-sent events', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = collectPageErrors(page);
    const streams: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/v1/events')) streams.push(new URL(r.url()).pathname); });
    await signIn(page, server.url);
    await replyWithTwoFiles(page, 'Logs attached, see both files.');
    await page.reload();
    await page.getByRole('heading', { name: ticket.subject }).waitFor();
    await page.locator('ticket-detail .message').getByText('Logs attached, see both files.').waitFor();
    await agentReply('We read your logs and fixed it.');
    await page.locator('ticket-detail .message').getByText('We read your logs and fixed it.').waitFor({ timeout: POLL_INTERVAL_MS });
    assert.ok(streams.includes('/api/v1/events/stream'), 'the page listened on the event stream');
    assert.deepEqual(problems.errors, []);
    await context.close();
  });

  it('falls back to polling when the stream is refused, and still shows the agent reply within the poll interval', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/api/v1/events/stream', (route) => route.fulfill({ status: 404, contentType: 'application/problem+json', body: '{}' }));
    const polls: string[] = [];
    page.on('request', (r) => { if (new URL(r.url()).pathname === '/api/v1/events') polls.push(r.url()); });
    await signIn(page, server.url);
    await replyWithTwoFiles(page, 'Second round of logs.');
    await page.reload();
    await page.locator('ticket-detail .message').getByText('Second round of logs.').waitFor();
    await agentReply('Polling brought this answer.');
    await page.locator('ticket-detail .message').getByText('Polling brought this answer.').waitFor({ timeout: 2 * POLL_INTERVAL_MS });
    assert.ok(polls.length > 0, 'the page polled /events');
    await context.close();
  });
});
