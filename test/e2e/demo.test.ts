import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { collectPageErrors, launchChromium } from '../support/chromium.js';
import { startTestServer } from '../support/server.js';
import { DEMO_SIGN_IN } from '../../src/domain/demo-world.js';

describe('demo site against the reference server', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  before(async () => {
    assert.ok(existsSync('dist/cdn/define.js'), 'run `npm run build` first: the demo loads dist/cdn/define.js');
    server = await startTestServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the seeded portal name inside the knowledge-base site, with no console errors', async () => {
    const page = await browser.newPage();
    const problems = collectPageErrors(page);
    await page.goto(`${server.url}/portal.html`);
    const title = page.getByRole('heading', { level: 2, name: 'Nordlicht Help Center' });
    await title.waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Portal navigation' }).isVisible(), true);
    assert.equal(await page.getByRole('link', { name: 'Tickets' }).isVisible(), true);
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.failedResponses, [], 'a signed-out visitor causes no failed request (the session check answers null)');
    await page.close();
  });

  it('works under the strict Content Security Policy the page is served with (no inline script), without violations', async () => {
    const page = await browser.newPage();
    const problems = collectPageErrors(page);
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const res = await page.goto(`${server.url}/portal.html`);
    assert.match((await res?.allHeaders())?.['content-security-policy'] ?? '', /script-src 'self'(;|$)/);
    await page.getByLabel('Email', { exact: true }).fill('anna@nordlicht.example');
    await page.getByLabel('Password', { exact: true }).fill('portal-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('link', { name: /Search does not find older orders/ }).first().waitFor();
    assert.deepEqual(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), []);
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  it('links from the knowledge-base article with "Go to {portal name}"', async () => {
    const page = await browser.newPage();
    const problems = collectPageErrors(page);
    await page.goto(`${server.url}/`);
    const link = page.getByRole('link', { name: 'Go to Nordlicht Help Center' });
    await link.waitFor();
    await link.click();
    await page.getByRole('heading', { level: 2, name: 'Nordlicht Help Center' }).waitFor();
    assert.match(page.url(), /\/portal\.html#\/tickets$/);
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.failedResponses, []);
    await page.close();
  });

  it('switches the site and the portal to dark with the site\'s theme control (theme="auto")', async () => {
    const page = await browser.newPage({ colorScheme: 'light' });
    const problems = collectPageErrors(page);
    await page.goto(`${server.url}/portal.html`);
    await page.getByRole('heading', { level: 2, name: 'Nordlicht Help Center' }).waitFor();
    const portalScheme = () => page.locator('customer-portal').evaluate((el) => getComputedStyle(el).colorScheme);
    const portalText = () => page.locator('customer-portal').evaluate((el) => getComputedStyle(el).color);
    assert.equal(await portalText(), 'rgb(29, 35, 48)');
    await page.getByLabel('Theme').selectOption('dark');
    assert.equal(await portalScheme(), 'dark');
    assert.equal(await portalText(), 'rgb(232, 234, 240)');
    // "System" follows the reader's preference through the site's `color-scheme: light dark`.
    await page.getByLabel('Theme').selectOption('system');
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.equal(await portalText(), 'rgb(232, 234, 240)');
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  it('switches the page language with the site\'s picker; Arabic renders right to left', async () => {
    const page = await browser.newPage();
    const problems = collectPageErrors(page);
    await page.goto(`${server.url}/portal.html`);
    await page.getByRole('heading', { level: 2, name: 'Nordlicht Help Center' }).waitFor();
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('heading', { level: 2, name: 'Nordlicht Hilfe-Center' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Anmelden' }).isVisible(), true);
    await page.getByLabel('Language').selectOption('ar');
    await page.getByRole('heading', { level: 2, name: 'مركز مساعدة نوردليشت' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
    const base = page.locator('customer-portal').locator('[part="base"]').first();
    assert.equal(await base.getAttribute('dir'), 'rtl');
    assert.equal(await base.evaluate((el) => getComputedStyle(el).direction), 'rtl');
    // Mirrored: the sign-in button starts at the right edge of its form.
    const form = page.locator('customer-portal').locator('portal-login').locator('form');
    const button = page.getByRole('button', { name: 'تسجيل الدخول' });
    const [formBox, buttonBox] = [await form.boundingBox(), await button.boundingBox()];
    assert.ok(formBox && buttonBox && Math.abs(formBox.x + formBox.width - (buttonBox.x + buttonBox.width)) < 2, 'button at the inline start (right)');
    // Signed in, the list mirrors too: the first column is the rightmost.
    await page.getByLabel('البريد الإلكتروني').fill(DEMO_SIGN_IN.email);
    await page.getByLabel('كلمة المرور').fill(DEMO_SIGN_IN.password);
    await button.click();
    const firstHeader = page.locator('customer-portal').locator('ticket-list').locator('thead th').first();
    await firstHeader.waitFor();
    const table = page.locator('customer-portal').locator('ticket-list').locator('table');
    const [tableBox, headerBox] = [await table.boundingBox(), await firstHeader.boundingBox()];
    assert.ok(tableBox && headerBox && Math.abs(tableBox.x + tableBox.width - (headerBox.x + headerBox.width)) < 2, 'first column on the right');
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  it('follows the portal name the admin sets through the admin API', async () => {
    const current = await (await server.admin('/settings')).json();
    const response = await server.admin('/settings', { method: 'PUT', body: JSON.stringify({ ...current, name: 'Fjord Support' }) });
    assert.equal(response.status, 200);
    const page = await browser.newPage();
    await page.goto(`${server.url}/portal.html`);
    await page.getByRole('heading', { level: 2, name: 'Fjord Support' }).waitFor();
    await page.close();
  });

  it('serves the library entries and answers the OpenAPI document', async () => {
    const js = await fetch(`${server.url}/dist/cdn/define.js`);
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    const openapi = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    assert.equal(openapi.openapi.startsWith('3.1'), true);
    assert.ok(openapi.paths['/tickets'], 'documents GET /tickets');
  });
});
