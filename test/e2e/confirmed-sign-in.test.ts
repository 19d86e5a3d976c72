import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { collectPageErrors } from '../support/chromium.js';
import { serverAndBrowser } from '../support/e2e-suite.js';

const SECRET = 'e2e-confirmed-sso-secret-0123456789';

/** Registration confirmed by email, and a single sign-on started on another site, in the browser against the suite.server. */
describe('sign-ins confirmed on a page of the portal (registration by email, cross-site single sign-on)', () => {
  const suite = serverAndBrowser();

  const putSettings = async (change: (s: Record<string, any>) => Record<string, any>) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const current = await (await suite.server.admin('/settings')).json();
    const res = await suite.server.admin('/settings', { method: 'PUT', body: JSON.stringify(change(current)) });
    assert.equal(res.status, 200, await res.text());
    return () => suite.server.admin('/settings', { method: 'PUT', body: JSON.stringify(current) });
  };

  it('registers, shows "Check your email", and signs in only from the emailed link\'s confirmation page', async () => {
    const restore = await putSettings((s) => ({ ...s, access: { ...s.access, mode: 'self-registration', registrationConfirmation: 'email' } }));
    const page = await suite.browser.newPage();
    const problems = collectPageErrors(page);
    const email = 'confirm.me@example.org';
    await page.goto(`${suite.server.url}/portal.html`);
    await page.getByRole('button', { name: 'Register here' }).click();
    await page.getByRole('heading', { name: 'Register' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Conny Confirm');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill('first-password-1');
    await page.getByRole('checkbox', { name: 'I agree to the processing of my data' }).check();
    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await page.getByText(`We have sent an email to ${email} with the next step.`).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0);

    const outbox = (await (await suite.server.admin('/outbox')).json()) as { to: string; subject: string; link?: string }[];
    const mail = outbox.filter((m) => m.to === email).at(-1);
    assert.match(mail?.subject ?? '', /^Confirm your email address/);
    await page.goto(mail!.link!);
    await page.getByRole('heading', { name: 'Confirm your email address' }).waitFor();
    await page.getByRole('button', { name: 'Confirm and sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    assert.match(page.url(), /portal\.html#\/tickets$/);
    // The link worked once.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.goto(mail!.link!);
    await page.getByText('This link is invalid or has expired.').first().waitFor();
    assert.deepEqual(problems.errors, []);
    await page.close();
    await restore();
  });

  it('a single sign-on started from another site is confirmed on the portal\'s page (no script), then signs in', async () => {
    const restore = await putSettings((s) => ({
      ...s, access: { ...s.access, mode: 'sso', accessGroupIds: [],
        sso: { label: 'Nordlicht ID', startUrl: 'https://id.nordlicht.example/start', jwt: { secret: SECRET }, returnToAllowList: [] } },
    }));
    const jwt = await new SignJWT({ email: 'anna@nordlicht.example', name: 'Anna', jti: `cross-site-${Math.random()}` })
      .setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('5m').sign(new TextEncoder().encode(SECRET));
    const page = await suite.browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    // Another site (localhost is not 127.0.0.1) links to the sign-in: the browser sends Sec-Fetch-Site: cross-site.
    const other = suite.server.url.replace('127.0.0.1', 'localhost');
    assert.notEqual(other, suite.server.url);
    await page.goto(`${other}/index.html`);
    await page.evaluate((href) => {
      const a = Object.assign(document.createElement('a'), { href, textContent: 'Sign in to the help center' });
      document.body.append(a);
    }, `${suite.server.url}/api/v1/auth/sso/jwt?jwt=${jwt}`);
    await page.getByRole('link', { name: 'Sign in to the help center' }).click();
    await page.getByText('Continue only if you started this sign-in yourself.').waitFor();
    assert.ok(page.url().startsWith(`${suite.server.url}/api/v1/auth/sso/jwt?`));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    assert.match(page.url(), /portal\.html/);
    assert.deepEqual(violations, []);
    await page.close();
    await restore();
  });
});
