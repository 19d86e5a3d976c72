import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { demoWorld } from '../../src/domain/demo-world.js';
import { collectPageErrors } from '../support/chromium.js';
import { serverAndBrowser } from '../support/e2e-suite.js';

const world = demoWorld();
const SECRET = 'e2e-refusal-shared-secret-0123456789';

describe('knowledge-base link and refused sign-ins, in the browser', () => {
  const suite = serverAndBrowser();

  it('the portal-link module turns the marked link into "Go to {portal name}" in the page\'s language', async () => {
    const page = await suite.browser.newPage();
    const problems = collectPageErrors(page);
    await page.goto(`${suite.server.url}/index.html`);
    const link = page.locator('a[data-portal-link]');
    await page.getByRole('link', { name: `Go to ${world.settings.name}` }).waitFor();
    await page.evaluate(async () => {
      document.documentElement.lang = 'sv';
      const module = await import('/dist/cdn/portal-link.js' as string);
      await module.enhancePortalLinks();
    });
    assert.equal(await link.textContent(), `Gå till ${world.settings.translations!.sv!.name}`);
    await page.evaluate(async () => {
      document.documentElement.lang = 'de';
      await (await import('/dist/cdn/portal-link.js' as string)).enhancePortalLinks();
    });
    assert.equal(await link.textContent(), `Weiter zu ${world.settings.translations!.de!.name}`);
    assert.deepEqual(problems.errors, []);
    await page.close();
  });

  it('a refused single sign-on lands on the sign-in view with a localized message, not JSON', async () => {
    const current = await (await suite.server.admin('/settings')).json();
    await suite.server.admin('/settings', { method: 'PUT', body: JSON.stringify({
      ...current, access: { ...current.access, mode: 'sso', accessGroupIds: [2],
        sso: { label: 'Nordlicht ID', startUrl: 'https://id.nordlicht.example/start', jwt: { secret: SECRET }, returnToAllowList: [] } },
    }) });
    const sign = () => new SignJWT({ email: 'stranger@example.org', name: 'Stranger', jti: `refused-${Math.random()}` })
      .setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('5m').sign(new TextEncoder().encode(SECRET));
    const page = await suite.browser.newPage();
    await page.goto(`${suite.server.url}/api/v1/auth/sso/jwt?jwt=${await sign()}`);
    await page.getByText('Your account is not allowed to use this portal.').waitFor();
    assert.match(page.url(), /portal\.html#\/signin\?error=access-denied$/);
    await page.evaluate(() => document.querySelector('customer-portal')!.setAttribute('locale', 'de'));
    await page.getByText('Ihr Konto darf dieses Portal nicht verwenden.', { exact: false }).first().waitFor();
    await page.goto(`${suite.server.url}/api/v1/auth/sso/jwt?jwt=broken`);
    await page.getByText('Sign-in did not work. Please try again.').waitFor();
    await page.close();
    await suite.server.admin('/settings', { method: 'PUT', body: JSON.stringify(current) });
  });

  it('a one-time sign-in link of a contact outside the portal\'s groups lands on the localized access-denied message', async () => {
    const current = await (await suite.server.admin('/settings')).json();
    await suite.server.admin('/settings', { method: 'PUT', body: JSON.stringify({
      ...current, access: { ...current.access, mode: 'access-groups', accessGroupIds: [1], magicLink: true },
    }) });
    const outsider = world.contacts.find((c) => !c.accessGroupIds.includes(1))!;
    const page = await suite.browser.newPage();
    await page.goto(`${suite.server.url}/portal.html`);
    const status = await page.evaluate(async (email) => (await fetch('/api/v1/auth/magic-link', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Portal-Request': '1' }, body: JSON.stringify({ email }),
    })).status, outsider.email);
    assert.equal(status, 202);
    const mail = ((await (await suite.server.admin('/outbox')).json()) as { to: string; link?: string }[]).filter((m) => m.to === outsider.email).at(-1)!;
    await page.goto(mail.link!);
    // The emailed link opens a confirmation page; only its POST signs in (mail scanners and login CSRF).
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Your account is not allowed to use this portal.').waitFor();
    assert.match(page.url(), /#\/signin\?error=access-denied$/);
    await page.close();
    await suite.server.admin('/settings', { method: 'PUT', body: JSON.stringify(current) });
  });
});
