import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_SIGN_IN } from '../../src/domain/demo-world.js';
import { collectPageErrors, launchChromium } from '../support/chromium.js';
import { startTestServer } from '../support/server.js';

describe('support form walkthrough against the reference server', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let problems: ReturnType<typeof collectPageErrors>;
  const field = (label: string) => page.getByLabel(label, { exact: true });
  const countMine = () => page.evaluate(async () => (await (await fetch('/api/v1/tickets?view=mine')).json()).total as number);

  before(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    page = await browser.newPage();
    problems = collectPageErrors(page);
    await page.goto(`${server.url}/portal.html#/new`);
    await field('Email').fill(DEMO_SIGN_IN.email);
    await field('Password').fill(DEMO_SIGN_IN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Submit' }).waitFor();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fills a conditional field and an attachment; a double click creates one ticket that opens from the success view', async () => {
    const before = await countMine();
    await field('Subject').fill('Invoice shows the wrong amount');
    await field('Category').selectOption('billing');
    await field('Order number').fill('ORD-123456');
    await page.getByRole('radio', { name: 'Only me' }).check();
    await field('Description').fill('The invoice from October is twice the usual amount.');
    await field('Attachments').setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 test') });
    await page.getByRole('button', { name: 'Submit' }).dblclick();
    await page.getByRole('heading', { name: 'Your ticket was submitted' }).waitFor();
    assert.equal(await countMine(), before + 1);
    const link = page.getByRole('link', { name: /View Ticket #\d+/ });
    const id = Number((await link.textContent())!.match(/#(\d+)/)![1]);
    await link.click();
    await page.getByRole('heading', { name: 'Invoice shows the wrong amount' }).waitFor();
    assert.match(page.url(), new RegExp(`#/tickets/${id}$`));
    await page.locator('ticket-detail .attachments').getByText('invoice.pdf').waitFor();
  });

  it('survives a network failure: the retry creates one ticket', async () => {
    await page.goto(`${server.url}/portal.html#/new`);
    await page.getByRole('button', { name: 'Submit' }).waitFor();
    const before = await countMine();
    await field('Subject').fill('Cannot export reports');
    await field('Category').selectOption('technical');
    await page.getByRole('radio', { name: 'Only me' }).check();
    await field('Description').fill('The export button does nothing.');
    // Every attempt (the adapter retries by itself) reaches the server, but each answer is lost.
    const lostAnswers = async (route: import('playwright-core').Route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    };
    await page.route('**/api/v1/tickets', lostAnswers);
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.locator('support-form .form-error', { hasText: 'Your entries are kept' }).waitFor();
    assert.equal(await field('Subject').inputValue(), 'Cannot export reports');
    await page.unroute('**/api/v1/tickets', lostAnswers);
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('heading', { name: 'Your ticket was submitted' }).waitFor();
    assert.equal(await countMine(), before + 1);
  });

  it('explains server-side rules the same way as the browser', async () => {
    const status = await page.evaluate(async () => {
      const body = new FormData();
      body.set('subject', 'x');
      body.set('category', 'billing');
      body.set('impact', 'me');
      body.set('content', 'short');
      body.set('orderNumber', 'nope');
      const response = await fetch('/api/v1/tickets', { method: 'POST', body, headers: { 'X-Portal-Request': '1', 'Idempotency-Key': 'rule-check-0001' } });
      return { status: response.status, body: await response.json() };
    });
    assert.equal(status.status, 422);
    const fields = (status.body.errors as { field: string }[]).map((e) => e.field);
    assert.deepEqual(fields, ['orderNumber', 'content']);
  });

  it('had no console errors (besides the network failures the test caused)', () => {
    assert.deepEqual(problems.errors.filter((e) => !e.includes('net::ERR_CONNECTION_RESET')), []);
  });
});
