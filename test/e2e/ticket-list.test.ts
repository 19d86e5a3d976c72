import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_SIGN_IN } from '../../src/domain/demo-world.js';
import { collectPageErrors, launchChromium } from '../support/chromium.js';
import { startTestServer } from '../support/server.js';

describe('ticket list walkthrough against the reference server', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let problems: ReturnType<typeof collectPageErrors>;

  before(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    const context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    problems = collectPageErrors(page);
    await page.goto(`${server.url}/portal.html`);
    await page.getByLabel('Email', { exact: true }).fill(DEMO_SIGN_IN.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_SIGN_IN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('table').waitFor();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The ids in the table, in order. */
  const rowIds = () => page.locator('tbody tr[data-id]').evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.id)));
  /** The same query through the API, with the page's own session cookie. */
  const api = (query: string) => page.evaluate(async (q) => (await fetch(`/api/v1/tickets?${q}`)).json(), query) as Promise<{ items: { id: number }[]; total: number }>;
  const settled = () => page.locator('table[aria-busy="false"]').waitFor();

  it('shows the own tickets, then the organization tickets', async () => {
    const mine = await api('view=mine');
    assert.deepEqual(await rowIds(), mine.items.map((t) => t.id));
    await page.getByRole('radio', { name: 'Organization tickets' }).check();
    await page.waitForURL(/view=company/);
    await settled();
    const company = await api('view=company');
    assert.ok(company.total > mine.total);
    assert.deepEqual(await rowIds(), company.items.map((t) => t.id));
  });

  it('searches, sorts and pages, with the state in the URL', async () => {
    await page.getByLabel('Search').fill('invoice');
    await page.waitForURL(/q=invoice/);
    await settled();
    assert.deepEqual(await rowIds(), (await api('view=company&q=invoice')).items.map((t) => t.id));
    await page.getByLabel('Search').fill('');
    await page.waitForURL((url) => !url.hash.includes('q='));
    await page.getByRole('button', { name: 'Subject' }).click();
    await page.waitForURL(/sort=subject/);
    await settled();
    assert.equal(await page.locator('th', { hasText: 'Subject' }).getAttribute('aria-sort'), 'ascending');
    await page.getByLabel('Rows per page').selectOption('10');
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.waitForURL(/page=2/);
    await settled();
    const expected = (await api('view=company&sort=subject&order=asc&page=2&pageSize=10')).items.map((t) => t.id);
    assert.deepEqual(await rowIds(), expected);
    await page.reload();
    await page.getByRole('table').waitFor();
    await settled();
    assert.deepEqual(await rowIds(), expected, 'reload keeps the state');
    assert.equal(await page.getByRole('radio', { name: 'Organization tickets' }).isChecked(), true);
  });

  it('exports the current view as CSV that matches the API', async () => {
    await page.getByLabel('Status').selectOption('open');
    await page.waitForURL(/status=open/);
    await settled();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export to CSV' }).click();
    const download = await downloading;
    assert.match(download.suggestedFilename(), /^Tickets-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    assert.equal(lines[0], 'ID,Subject,Requested by,Created,Ticket owner,Last activity,Status');
    const all = await api('view=company&status=open&sort=subject&order=asc&pageSize=100');
    assert.deepEqual(lines.slice(1).map((l) => Number(l.split(',')[0])), all.items.map((t) => t.id));
    assert.ok(lines.slice(1).every((l) => l.endsWith(',Open')));
  });

  it('had no console errors', () => {
    assert.deepEqual(problems.errors, []);
  });
});
