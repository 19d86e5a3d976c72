import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoWorld } from '../../src/domain/demo-world.js';
import { isProblem, testServer, type TestServer } from './helpers.js';

describe('admin API', () => {
  let s: TestServer;
  before(async () => { s = await testServer(); });
  after(() => s.close());

  it('requires the admin bearer token', async () => {
    assert.ok(isProblem(await s.call('GET', '/admin/settings'), 401));
    assert.ok(isProblem(await s.call('GET', '/admin/settings', { headers: { authorization: 'Bearer wrong' } }), 401));
    assert.ok(isProblem(await s.call('GET', '/admin/outbox', { headers: { authorization: `Basic ${s.adminToken}` } }), 401));
  });

  it('reads and replaces settings; 422 names dotted fields', async () => {
    const settings = (await s.admin('GET', '/admin/settings')).json;
    assert.deepEqual(settings, demoWorld().settings);
    const bad = await s.admin('PUT', '/admin/settings', {
      ...settings, name: '', access: { ...settings.access, sso: { label: 'X', startUrl: 'ftp://x', jwt: {}, returnToAllowList: [] } },
    });
    assert.ok(isProblem(bad, 422));
    const fields = bad.json.errors.map((e: { field: string }) => e.field);
    assert.ok(fields.includes('name'));
    assert.ok(fields.includes('access.sso.startUrl'));
    const ok = await s.admin('PUT', '/admin/settings', { ...settings, name: 'Renamed' });
    assert.equal(ok.status, 200);
    assert.equal((await s.call('GET', '/portal')).json.name, 'Renamed');
    await s.admin('PUT', '/admin/settings', settings);
  });

  it('rejects bad transport: malformed JSON 400, wrong content type 415, over 1 MB 413', async () => {
    const auth = { authorization: `Bearer ${s.adminToken}` };
    assert.ok(isProblem(await s.call('POST', '/admin/companies', { raw: '{"name":', headers: { ...auth, 'content-type': 'application/json' } }), 400));
    assert.ok(isProblem(await s.call('POST', '/admin/companies', { raw: 'name=x', headers: { ...auth, 'content-type': 'text/plain' } }), 415));
    const big = JSON.stringify({ name: 'x'.repeat(1_100_000) });
    assert.ok(isProblem(await s.call('POST', '/admin/companies', { raw: big, headers: { ...auth, 'content-type': 'application/json' } }), 413));
    assert.ok(isProblem(await s.call('POST', '/admin/companies', { raw: '[1]', headers: { ...auth, 'content-type': 'application/json' } }), 422));
  });

  it('creates companies, access groups, agents and contacts', async () => {
    const company = await s.admin('POST', '/admin/companies', { name: 'Globex', domain: 'globex.example' });
    assert.equal(company.status, 201);
    assert.ok(company.json.id > 4);
    const group = await s.admin('POST', '/admin/access-groups', { name: 'VIP' });
    assert.equal(group.status, 201);
    const agent = await s.admin('POST', '/admin/agents', { firstName: 'Ada', lastName: 'King' });
    assert.equal(agent.status, 201);
    const contact = await s.admin('POST', '/admin/contacts', {
      email: 'New.Person@Globex.example', name: 'New Person', companyId: company.json.id, password: 'long-enough-pw', properties: { role: 'admin' },
    });
    assert.equal(contact.status, 201);
    const dup = await s.admin('POST', '/admin/contacts', { email: 'new.person@globex.example', name: 'Again' });
    assert.ok(isProblem(dup, 409));
    assert.equal(dup.json.errors[0].field, 'email');
    const login = await s.call('POST', '/auth/login', { body: { email: 'new.person@globex.example', password: 'long-enough-pw' } });
    assert.equal(login.status, 200);
    assert.equal(login.json.user.companyId, company.json.id);

    for (const [path, body, field] of [
      ['/admin/companies', { name: '' }, 'name'],
      ['/admin/access-groups', {}, 'name'],
      ['/admin/agents', { firstName: 1 }, 'firstName'],
      ['/admin/contacts', { email: 'x', name: 'X' }, 'email'],
      ['/admin/contacts', { email: 'a@b.example', name: 'X', companyId: 999 }, 'companyId'],
      ['/admin/contacts', { email: 'a@b.example', name: 'X', accessGroupIds: [999] }, 'accessGroupIds'],
      ['/admin/contacts', { email: 'a@b.example', name: 'X', properties: { a: { nested: true } } }, 'properties.a'],
    ] as const) {
      const res = await s.admin('POST', path, body);
      assert.ok(isProblem(res, 422), `${path} ${JSON.stringify(body)} → ${res.status}`);
      assert.equal(res.json.errors[0].field, field, path);
    }
  });

  it('writes an invitation to the outbox for a password-less contact in a portal access group', async () => {
    const settings = (await s.admin('GET', '/admin/settings')).json;
    await s.admin('PUT', '/admin/settings', { ...settings, access: { ...settings.access, mode: 'access-groups', accessGroupIds: [2] } });
    try {
      await s.admin('POST', '/admin/contacts', { email: 'outside@example.com', name: 'Outside', accessGroupIds: [1] });
      const res = await s.admin('POST', '/admin/contacts', { email: 'invited@example.com', name: 'Invited', accessGroupIds: [2] });
      assert.equal(res.status, 201);
      const outbox = (await s.admin('GET', '/admin/outbox')).json;
      assert.equal(outbox.length, 1);
      const mail = outbox.at(-1);
      assert.equal(mail.to, 'invited@example.com');
      assert.equal(mail.link.split('#')[0], `${s.url}/portal.html`, 'absolute, on the link base (request origin by default)');
      assert.match(mail.link, /#\/invite\?token=[A-Za-z0-9_-]{43}$/);
      assert.ok(mail.text.includes(mail.link));
      assert.match(mail.createdAt, /^\d{4}-\d\d-\d\dT/);
    } finally {
      await s.admin('PUT', '/admin/settings', settings);
    }
  });

  it('creates, changes and messages tickets', async () => {
    const pipelines = (await s.admin('GET', '/admin/pipelines')).json;
    assert.deepEqual(pipelines.map((p: { id: string }) => p.id), ['support', 'billing']);
    const created = await s.admin('POST', '/admin/tickets', { contactId: 1, subject: 'Brand new issue', properties: { product: 'Cloud' }, createdAt: '2030-01-01T10:00:00+01:00' });
    assert.equal(created.status, 201);
    const id = created.json.id;
    const cookie = await s.login();
    const listed = (await s.call('GET', '/tickets', { cookie })).json.items[0];
    assert.equal(listed.id, id);
    assert.equal(listed.pipeline, 'support');
    assert.equal(listed.stage, 'new');
    assert.equal(listed.companyId, 1);
    assert.equal(listed.createdAt, '2030-01-01T09:00:00.000Z');

    const patched = await s.admin('PATCH', `/admin/tickets/${id}`, { stage: 'closed', ownerId: 2, properties: { tier: 'gold' } });
    assert.equal(patched.status, 200);
    const after = (await s.call('GET', `/tickets?filter[id]=${id}`, { cookie })).json.items[0];
    assert.equal(after.status.closed, true);
    assert.equal(after.ownerName, 'Jonas');
    // Customers see only exposed properties (columns, form fields): `tier` is neither until the admin adds it.
    assert.deepEqual(after.properties, {});
    const undo = await s.patchSettings((st) => ({ ...st, columns: [...st.columns, 'product', 'tier'] }));
    assert.deepEqual((await s.call('GET', `/tickets?filter[id]=${id}`, { cookie })).json.items[0].properties, { product: 'Cloud', tier: 'gold' });
    await undo();

    const msg = await s.admin('POST', `/admin/tickets/${id}/messages`, { author: 'agent', authorId: 1, body: '<p>Hi</p>', createdAt: '2030-01-02T00:00:00Z' });
    assert.equal(msg.status, 201);
    assert.ok(msg.json.id > 0);
    const note = await s.admin('POST', `/admin/tickets/${id}/messages`, { author: 'contact', authorId: 1, body: '<p>x</p>', internal: true, newThread: true });
    assert.equal(note.status, 201);
    const touched = (await s.call('GET', `/tickets?filter[id]=${id}`, { cookie })).json.items[0];
    assert.equal(touched.lastActivityAt, '2030-01-02T00:00:00.000Z');

    for (const [method, path, body, status, field] of [
      ['POST', '/admin/tickets', { contactId: 999, subject: 'x' }, 422, 'contactId'],
      ['POST', '/admin/tickets', { contactId: 1 }, 422, 'subject'],
      ['POST', '/admin/tickets', { contactId: 1, subject: 'x', pipeline: 'nope' }, 422, 'pipeline'],
      ['POST', '/admin/tickets', { contactId: 1, subject: 'x', pipeline: 'billing', stage: 'new' }, 422, 'stage'],
      ['POST', '/admin/tickets', { contactId: 1, subject: 'x', ownerId: 999 }, 422, 'ownerId'],
      ['POST', '/admin/tickets', { contactId: 1, subject: 'x', createdAt: 'yesterday' }, 422, 'createdAt'],
      ['POST', '/admin/tickets', { contactId: 1, subject: 'x', properties: { subject: 'y' } }, 422, 'properties.subject'],
      ['PATCH', `/admin/tickets/${id}`, { stage: 'resolved' }, 422, 'stage'],
      ['PATCH', '/admin/tickets/99999', { stage: 'new' }, 404, undefined],
      ['PATCH', '/admin/tickets/abc', { stage: 'new' }, 404, undefined],
      ['POST', '/admin/tickets/99999/messages', { author: 'agent', authorId: 1, body: 'x' }, 404, undefined],
      ['POST', `/admin/tickets/${id}/messages`, { author: 'robot', authorId: 1, body: 'x' }, 422, 'author'],
      ['POST', `/admin/tickets/${id}/messages`, { author: 'agent', authorId: 999, body: 'x' }, 422, 'authorId'],
      ['POST', `/admin/tickets/${id}/messages`, { author: 'agent', authorId: 1, body: '' }, 422, 'body'],
    ] as const) {
      const res = await s.admin(method, path, body);
      assert.ok(isProblem(res, status), `${method} ${path} ${JSON.stringify(body)} → ${res.status} ${res.text}`);
      if (field) assert.equal(res.json.errors[0].field, field, `${path} ${JSON.stringify(body)}`);
    }
  });
});

describe('seeding', () => {
  it('is idempotent: starting twice on the same database keeps one world', async () => {
    const first = await testServer();
    const count = async (srv: typeof first) => {
      const settings = (await srv.admin('GET', '/admin/settings')).json;
      await srv.admin('PUT', '/admin/settings', { ...settings, permissions: { mode: 'company' } });
      const cookie = await srv.login();
      return (await srv.call('GET', '/tickets?view=company', { cookie })).json.total as number;
    };
    const before = await count(first);
    const kept = await first.keepDatabase();
    const again = await testServer({ keep: kept });
    try {
      assert.equal(await count(again), before);
      assert.equal((await again.admin('GET', '/admin/pipelines')).json.length, 2);
    } finally {
      await again.close();
    }
  });

  it('PORTAL_SEED=none stores the default settings and no contacts', async () => {
    const s = await testServer({ seed: 'none' });
    try {
      assert.equal((await s.call('GET', '/portal')).json.name, 'Customer Portal');
      assert.ok(isProblem(await s.call('POST', '/auth/login', { body: { email: 'anna@nordlicht.example', password: 'portal-demo-2026' } }), 401));
      const contact = await s.admin('POST', '/admin/contacts', { email: 'first@example.com', name: 'First', password: 'first-password' });
      assert.equal((await s.admin('POST', '/admin/tickets', { contactId: contact.json.id, subject: 'Hello' })).status, 201);
      const cookie = await s.login('first@example.com', 'first-password');
      assert.equal((await s.call('GET', '/tickets', { cookie })).json.total, 1);
    } finally {
      await s.close();
    }
  });
});
