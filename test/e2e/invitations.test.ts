import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectPageErrors } from '../support/chromium.js';
import { serverAndBrowser } from '../support/e2e-suite.js';

describe('access groups: the admin sends the invitations it was told about, a resent link signs in', () => {
  const suite = serverAndBrowser();

  it('adds an existing contact to the granting group, sends the one pending invitation, resends it, and the newest link works', async () => {
    const created = await suite.server.admin('/contacts', { method: 'POST', body: JSON.stringify({ email: 'otto@nordlicht.example', name: 'Otto Outside', accessGroupIds: [2] }) });
    const id = (await created.json()).id;
    const current = await (await suite.server.admin('/settings')).json();
    await suite.server.admin('/settings', { method: 'PUT', body: JSON.stringify({ ...current, access: { ...current.access, mode: 'access-groups', accessGroupIds: [1] } }) });
    const membership = await (await suite.server.admin(`/contacts/${id}/access-groups`, { method: 'PUT', body: JSON.stringify({ accessGroupIds: [1, 2] }) })).json();
    assert.equal(membership.invitationPending, true);
    const pending = await (await suite.server.admin('/invitations/pending')).json();
    assert.ok(pending.contacts.some((c: { email: string }) => c.email === 'otto@nordlicht.example'));
    const sent = await (await suite.server.admin('/invitations', { method: 'POST', body: JSON.stringify({ expectedCount: pending.count }) })).json();
    assert.equal(sent.sent, pending.count);
    assert.equal((await suite.server.admin(`/contacts/${id}/invitation`, { method: 'POST' })).status, 200);
    const mails = ((await (await suite.server.admin('/outbox')).json()) as { to: string; link?: string }[]).filter((m) => m.to === 'otto@nordlicht.example');
    assert.equal(mails.length, 2);

    const page = await suite.browser.newPage();
    const problems = collectPageErrors(page);
    await page.goto(mails[0].link!);
    await page.getByLabel('New password', { exact: true }).fill('otto-password-123');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByText('This link is invalid or has expired.').first().waitFor();
    await page.goto(mails[1].link!);
    await page.reload();
    await page.getByLabel('New password', { exact: true }).fill('otto-password-123');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    assert.deepEqual(problems.errors, []);
    await page.close();
  });
});
