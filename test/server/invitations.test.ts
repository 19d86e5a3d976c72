import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isProblem, testServer, type TestServer } from './helpers.js';

describe('access-group invitations (explicit admin action)', () => {
  let s: TestServer;
  let group: number;
  let other: number;
  before(async () => {
    s = await testServer({ seed: 'none' });
    group = (await s.admin('POST', '/admin/access-groups', { name: 'Key accounts' })).json.id;
    other = (await s.admin('POST', '/admin/access-groups', { name: 'Others' })).json.id;
  });
  after(() => s.close());

  const contact = async (email: string, accessGroupIds: number[], password?: string) =>
    (await s.admin('POST', '/admin/contacts', { email, name: email.split('@')[0], accessGroupIds, ...(password ? { password } : {}) })).json.id as number;
  const mailsTo = async (to: string) => (await s.outbox()).filter((m) => m.to === to);

  it('switching the portal to access groups: says how many invitations will go out, sends them on request', async () => {
    // Contacts made before the switch get nothing yet.
    await contact('ana@example.com', [group]);
    await contact('ben@example.com', [group]);
    await contact('cy@example.com', [group], 'a-password-123');
    await contact('dee@example.com', [other]);
    assert.equal((await s.outbox()).length, 0);
    const restore = await s.patchSettings((x) => ({ ...x, access: { ...x.access, mode: 'access-groups', accessGroupIds: [group] } }));
    try {
      const pending = (await s.admin('GET', '/admin/invitations/pending')).json;
      assert.equal(pending.count, 2);
      assert.deepEqual(pending.contacts.map((c: { email: string }) => c.email), ['ana@example.com', 'ben@example.com']);
      const refused = await s.admin('POST', '/admin/invitations', { expectedCount: 5 });
      assert.ok(isProblem(refused, 409));
      assert.equal((await s.outbox()).length, 0);
      assert.deepEqual((await s.admin('POST', '/admin/invitations', { expectedCount: 2 })).json, { sent: 2 });
      assert.equal((await mailsTo('ana@example.com')).length, 1);
      assert.match((await mailsTo('ben@example.com'))[0].link!, /#\/invite\?token=/);
      assert.equal((await mailsTo('cy@example.com')).length, 0, 'has a password');
      assert.equal((await mailsTo('dee@example.com')).length, 0, 'not in a granting group');
      assert.equal((await s.admin('GET', '/admin/invitations/pending')).json.count, 0, 'open invitations are not sent twice');
    } finally {
      await restore();
    }
  });

  it('adding an existing contact to a granting group makes one invitation pending; resending kills the old link', async () => {
    const restore = await s.patchSettings((x) => ({ ...x, access: { ...x.access, mode: 'access-groups', accessGroupIds: [group] } }));
    try {
      const id = await contact('eve@example.com', [other]);
      const added = await s.admin('PUT', `/admin/contacts/${id}/access-groups`, { accessGroupIds: [other, group] });
      assert.deepEqual(added.json, { id, accessGroupIds: [other, group], invitationPending: true });
      assert.ok(isProblem(await s.admin('PUT', `/admin/contacts/${id}/access-groups`, { accessGroupIds: [99999] }), 422));
      assert.equal((await s.admin('GET', '/admin/invitations/pending')).json.count, 1);
      assert.deepEqual((await s.admin('POST', '/admin/invitations', {})).json, { sent: 1 });
      const first = (await mailsTo('eve@example.com'))[0].link!;
      assert.deepEqual((await s.admin('POST', `/admin/contacts/${id}/invitation`)).json, { sent: 1 });
      const mails = await mailsTo('eve@example.com');
      assert.equal(mails.length, 2);
      const token = (link: string) => new URL(link.replace('#', '')).searchParams.get('token');
      const old = await s.call('POST', '/auth/invite/accept', { body: { token: token(first), password: 'eve-password-123' } });
      assert.ok(isProblem(old, 422), 'the earlier link no longer works');
      const accepted = await s.call('POST', '/auth/invite/accept', { body: { token: token(mails[1].link!), password: 'eve-password-123' } });
      assert.equal(accepted.status, 200);
      assert.ok(isProblem(await s.admin('POST', `/admin/contacts/${id}/invitation`), 409), 'has a password now');
      const outsider = await contact('fay@example.com', [other]);
      assert.ok(isProblem(await s.admin('POST', `/admin/contacts/${outsider}/invitation`), 422));
      assert.ok(isProblem(await s.admin('POST', '/admin/contacts/99999/invitation'), 404));
    } finally {
      await restore();
    }
  });
});
