import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { collectPageErrors, launchChromium } from '../support/chromium.js';
import { startTestServer } from '../support/server.js';

/** The newest outbox email to an address, as the admin API reports it. */
async function lastMail(server: Awaited<ReturnType<typeof startTestServer>>, to: string) {
  const outbox = (await (await server.admin('/outbox')).json()) as { to: string; subject: string; link?: string }[];
  const mail = outbox.filter((m) => m.to === to).at(-1);
  assert.ok(mail?.link, `no email with a link to ${to}`);
  return mail;
}

describe('sign-in walkthrough in the demo against the reference server', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let problems: ReturnType<typeof collectPageErrors>;
  const email = 'new.customer@example.org';

  before(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    page = await browser.newPage();
    problems = collectPageErrors(page);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const field = (label: string) => page.getByLabel(label, { exact: true });

  it('registers with consent and is signed in', async () => {
    await page.goto(`${server.url}/portal.html`);
    await page.getByRole('button', { name: 'Register here' }).click();
    await page.getByRole('heading', { name: 'Register' }).waitFor();
    await field('Name').fill('Nina Neu');
    await field('Email').fill(email);
    await field('Password').fill('first-password-1');
    await page.getByRole('button', { name: 'Register' }).click();
    await page.locator('p.field-error', { hasText: 'Please agree to continue.' }).waitFor();
    await page.getByRole('checkbox', { name: 'I agree to the processing of my data' }).check();
    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    assert.equal(await page.title(), 'Nordlicht Help Center');
  });

  it('signs out and signs in again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const session = await page.evaluate(async () => {
      const response = await fetch('/api/v1/auth/session');
      return { status: response.status, body: await response.json() };
    });
    assert.deepEqual(session, { status: 200, body: null }, 'the server ended the session');
    await field('Email').fill(email);
    await field('Password').fill('first-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  it('resets a forgotten password through the emailed link', async () => {
    await page.getByRole('button', { name: 'Forgot password?' }).click();
    await field('Email').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    const mail = await lastMail(server, email);
    assert.match(mail.link!, /#\/reset\?token=/);
    await page.goto(mail.link!);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await field('New password').fill('second-password-2');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    assert.match(page.url(), /#\/tickets$/);
  });

  it('accepts only the new password afterwards, and the used link is dead', async () => {
    const mail = await lastMail(server, email);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await field('Email').fill(email);
    await field('Password').fill('first-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The message shows in the form and is announced by the live region; wait for the visible one.
    await page.locator('p.form-error', { hasText: 'Wrong email or password.' }).waitFor();
    assert.equal(await field('Password').inputValue(), '');
    assert.equal(await field('Email').inputValue(), email);
    await field('Password').fill('second-password-2');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(mail.link!);
    await field('New password').fill('third-password-3');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByText('This link is invalid or has expired.').first().waitFor();
  });

  it('produced no console errors or unexpected failed requests', () => {
    assert.deepEqual(problems.errors, []);
    const unexpected = problems.failedResponses.filter((r) =>
      r !== '401 /api/v1/auth/login' && r !== '422 /api/v1/auth/password/reset');
    assert.deepEqual(unexpected, []);
  });
});
