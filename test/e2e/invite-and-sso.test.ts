import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { collectPageErrors } from '../support/chromium.js';
import { serverAndBrowser } from '../support/e2e-suite.js';

const SECRET = 'e2e-shared-secret-0123456789abcdef';

describe('invitation and single sign-on against the reference server', () => {
  const suite = serverAndBrowser();

  const settings = async () => (await suite.server.admin('/settings')).json();
  const put = async (next: unknown) => assert.equal((await suite.server.admin('/settings', { method: 'PUT', body: JSON.stringify(next) })).status, 200);

  it('invites a contact of an access group, who sets a password from the emailed link and is signed in', async () => {
    const current = await settings();
    await put({ ...current, access: { ...current.access, mode: 'access-groups', accessGroupIds: [1] } });
    const created = await suite.server.admin('/contacts', {
      method: 'POST', body: JSON.stringify({ email: 'ines@nordlicht.example', name: 'Ines Invited', companyId: 1, accessGroupIds: [1] }),
    });
    assert.equal(created.status, 201);
    const outbox = (await (await suite.server.admin('/outbox')).json()) as { to: string; link?: string }[];
    const mail = outbox.filter((m) => m.to === 'ines@nordlicht.example').at(-1);
    assert.ok(mail?.link && /#\/invite\?token=/.test(mail.link), 'invitation email with a link');
    const page = await suite.browser.newPage();
    const problems = collectPageErrors(page);
    await page.goto(mail.link!);
    await page.getByRole('heading', { name: 'Set your password' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill('invited-password-1');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const who = await page.evaluate(async () => (await (await fetch('/api/v1/auth/session')).json()).user.email);
    assert.equal(who, 'ines@nordlicht.example');
    assert.deepEqual(problems.errors, []);
    await page.close();
    await put(current);
  });

  it('signs in with a JWT signed by the identity provider and lands on the allowed return address', async () => {
    const current = await settings();
    await put({
      ...current,
      access: {
        ...current.access, mode: 'sso', accessGroupIds: [],
        sso: { label: 'Nordlicht ID', startUrl: 'https://id.nordlicht.example/start', jwt: { secret: SECRET }, returnToAllowList: [`${suite.server.url}/portal.html`] },
      },
    });
    const page = await suite.browser.newPage();
    await page.goto(`${suite.server.url}/portal.html`);
    const button = page.getByRole('link', { name: 'Sign in with Nordlicht ID' });
    await button.waitFor();
    assert.equal(new URL((await button.getAttribute('href'))!).origin, 'https://id.nordlicht.example');
    const jwt = await new SignJWT({ email: 'sso.user@nordlicht.example', name: 'Sso User', jti: `e2e-${Date.now()}` })
      .setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('5m').sign(new TextEncoder().encode(SECRET));
    const returnTo = `${suite.server.url}/portal.html#/tickets`;
    await page.goto(`${suite.server.url}/api/v1/auth/sso/jwt?jwt=${jwt}&return_to=${encodeURIComponent(returnTo)}`);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    assert.equal(page.url(), returnTo);
    const replay = await page.evaluate(async (url) => (await fetch(url, { redirect: 'manual' })).status, `/api/v1/auth/sso/jwt?jwt=${jwt}`);
    assert.equal(replay, 401, 'a used token does not sign in again');
    await page.close();
    await put(current);
  });
});
