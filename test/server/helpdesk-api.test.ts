import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoWorld } from '../../src/domain/demo-world.js';
import { isProblem, testServer, type TestServer } from './helpers.js';

const world = demoWorld();
const twoThreads = world.tickets.find((t) => new Set(world.messages.filter((m) => m.ticketId === t.id).map((m) => m.thread)).size > 1
  && world.messages.some((m) => m.ticketId === t.id && m.internal))!;

describe('helpdesk API', () => {
  let s: TestServer;
  let agentKey: string;
  let keyId: number;
  const asAgent = (method: string, path: string, body?: unknown) => s.call(method, path, { body, headers: { authorization: `Bearer ${agentKey}` } });

  before(async () => {
    s = await testServer();
    const created = await s.admin('POST', '/admin/api-keys', { agentId: 1, label: 'Helpdesk sync' });
    assert.equal(created.status, 201);
    agentKey = created.json.key;
    keyId = created.json.id;
  });
  after(() => s.close());

  it('lists every ticket with the portal query language, paging and total', async () => {
    const all = await asAgent('GET', '/admin/tickets?status=all&pageSize=100');
    assert.equal(all.status, 200);
    assert.equal(all.json.total, world.tickets.length);
    const open = await asAgent('GET', '/admin/tickets?status=open&sort=id&order=asc&pageSize=5&page=2');
    assert.equal(open.json.page, 2);
    assert.equal(open.json.items.length, 5);
    assert.ok(open.json.items.every((t: { status: { closed: boolean } }) => !t.status.closed));
    const ids = open.json.items.map((t: { id: number }) => t.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
    const search = await asAgent('GET', `/admin/tickets?status=all&q=%23${twoThreads.id}`);
    assert.deepEqual(search.json.items.map((t: { id: number }) => t.id), [twoThreads.id]);
    assert.ok(isProblem(await asAgent('GET', '/admin/tickets?pageSize=1000'), 422));
  });

  it('filters by pipeline, stage, owner, contact, company, inbox and "waiting on us"', async () => {
    const t = world.tickets.find((x) => x.ownerId !== null && x.companyId !== null)!;
    for (const [prop, value, expected] of [
      ['pipeline', t.pipeline, world.tickets.filter((x) => x.pipeline === t.pipeline).length],
      ['stage', t.stage, world.tickets.filter((x) => x.stage === t.stage).length],
      ['ownerId', t.ownerId, world.tickets.filter((x) => x.ownerId === t.ownerId).length],
      ['contactId', t.contactId, world.tickets.filter((x) => x.contactId === t.contactId).length],
      ['companyId', t.companyId, world.tickets.filter((x) => x.companyId === t.companyId).length],
    ] as const) {
      const page = await asAgent('GET', `/admin/tickets?status=all&pageSize=100&filter[${prop}]=${encodeURIComponent(String(value))}`);
      assert.equal(page.json.total, expected, prop);
    }
    // A customer writes through the portal: the ticket now waits on the support team, in the portal's inbox.
    const cookie = await s.login();
    const mine = world.tickets.find((x) => x.contactId === 1 && world.messages.some((m) => m.ticketId === x.id && !m.internal)
      && world.pipelines.some((p) => p.id === x.pipeline && p.stages.some((st) => st.id === x.stage && !st.closed)))!;
    const form = new FormData();
    form.set('body', '<p>Any news?</p>');
    const sent = await fetch(`${s.url}/api/v1/tickets/${mine.id}/messages`, { method: 'POST', body: form, headers: { cookie, 'x-portal-request': '1', 'idempotency-key': 'helpdesk-test-1' } });
    assert.equal(sent.status, 201);
    const waiting = await asAgent('GET', '/admin/tickets?status=all&pageSize=100&waitingOnUs=true');
    assert.ok(waiting.json.items.some((x: { id: number }) => x.id === mine.id));
    assert.ok(waiting.json.items.every((x: { waitingOnUs: boolean }) => x.waitingOnUs));
    const notWaiting = await asAgent('GET', '/admin/tickets?status=all&pageSize=100&waitingOnUs=false');
    assert.equal(notWaiting.json.total + waiting.json.total, world.tickets.length);
    assert.ok(isProblem(await asAgent('GET', '/admin/tickets?waitingOnUs=maybe'), 422));
    const inbox = (await s.admin('GET', '/admin/settings')).json.defaultInbox;
    const noThread = world.tickets.find((x) => x.contactId === 1 && !world.messages.some((m) => m.ticketId === x.id)
      && world.pipelines.some((p) => p.id === x.pipeline && p.stages.some((st) => st.id === x.stage && !st.closed)));
    if (noThread) {
      const f = new FormData();
      f.set('body', '<p>First words</p>');
      await fetch(`${s.url}/api/v1/tickets/${noThread.id}/messages`, { method: 'POST', body: f, headers: { cookie, 'x-portal-request': '1', 'idempotency-key': 'helpdesk-test-2' } });
      const byInbox = await asAgent('GET', `/admin/tickets?status=all&filter[inbox]=${encodeURIComponent(inbox)}`);
      assert.ok(byInbox.json.items.some((x: { id: number }) => x.id === noThread.id));
    }
    const none = await asAgent('GET', '/admin/tickets?status=all&filter[inbox]=no-such-inbox');
    assert.equal(none.json.total, 0);
  });

  it('reads one ticket with all properties, contact, company and threads', async () => {
    const t = await asAgent('GET', `/admin/tickets/${twoThreads.id}`);
    assert.equal(t.status, 200);
    assert.equal(t.json.subject, twoThreads.subject);
    assert.equal(t.json.content, twoThreads.content);
    assert.deepEqual(t.json.properties, twoThreads.properties);
    assert.equal(t.json.contact.id, twoThreads.contactId);
    assert.equal(t.json.contact.email, world.contacts.find((c) => c.id === twoThreads.contactId)!.email);
    assert.equal(t.json.company?.id ?? null, twoThreads.companyId);
    assert.deepEqual(t.json.threads.map((x: { id: number }) => x.id), [1, 2]);
    assert.deepEqual(t.json.threads.map((x: { visibleInPortal: boolean }) => x.visibleInPortal), [true, false]);
    assert.ok(isProblem(await asAgent('GET', '/admin/tickets/999999'), 404));
  });

  it('reads every message of every thread, internal notes included, with authors', async () => {
    const list = await asAgent('GET', `/admin/tickets/${twoThreads.id}/messages`);
    assert.equal(list.status, 200, list.text);
    const expected = world.messages.filter((m) => m.ticketId === twoThreads.id);
    assert.equal(list.json.length, expected.length);
    assert.ok(list.json.some((m: { internal: boolean }) => m.internal));
    assert.deepEqual(new Set(list.json.map((m: { threadId: number }) => m.threadId)), new Set([1, 2]));
    for (const m of list.json) {
      assert.ok(['agent', 'contact'].includes(m.author.kind));
      assert.ok(m.author.name.length > 0);
    }
    const times = list.json.map((m: { createdAt: string }) => m.createdAt);
    assert.deepEqual(times, [...times].sort());
  });

  it('answers as the agent with attachments (shown in the portal, emailed to the customer), adds internal notes, changes stage/owner/priority/properties', async () => {
    const ticket = world.tickets.find((x) => x.contactId === 1 && world.messages.some((m) => m.ticketId === x.id))!;
    const reply = await asAgent('POST', `/admin/tickets/${ticket.id}/messages`, {
      author: 'agent', authorId: 1, body: '<p>Here is the <b>fix</b>.</p>',
      attachments: [{ name: 'patch.txt', contentType: 'text/plain', contentBase64: Buffer.from('diff').toString('base64') }],
    });
    assert.equal(reply.status, 201);
    const note = await asAgent('POST', `/admin/tickets/${ticket.id}/messages`, { author: 'agent', authorId: 1, body: '<p>Customer is VIP</p>', internal: true });
    assert.equal(note.status, 201);
    const messages = (await asAgent('GET', `/admin/tickets/${ticket.id}/messages`)).json;
    const stored = messages.find((m: { id: number }) => m.id === reply.json.id);
    assert.equal(stored.attachments[0].name, 'patch.txt');
    const file = await fetch(stored.attachments[0].url, { headers: { authorization: `Bearer ${agentKey}` } });
    assert.equal(await file.text(), 'diff');
    assert.equal(messages.find((m: { id: number }) => m.id === note.json.id).internal, true);
    // The customer sees the reply and its file, never the note.
    const cookie = await s.login();
    const portal = (await s.call('GET', `/tickets/${ticket.id}/messages`, { cookie })).json;
    assert.ok(portal.some((m: { id: number; attachments: { name: string }[] }) => m.id === reply.json.id && m.attachments[0].name === 'patch.txt'));
    assert.ok(!portal.some((m: { id: number }) => m.id === note.json.id));
    const mail = (await s.outbox()).at(-1)!;
    assert.equal(mail.to, world.contacts.find((c) => c.id === 1)!.email);
    assert.match(mail.text, /Here is the fix\./);
    assert.match(mail.link!, new RegExp(`#/tickets/${ticket.id}$`));
    // An agent key posts as its own agent only.
    assert.ok(isProblem(await asAgent('POST', `/admin/tickets/${ticket.id}/messages`, { author: 'contact', authorId: 1, body: '<p>x</p>' }), 403));
    assert.ok(isProblem(await asAgent('POST', `/admin/tickets/${ticket.id}/messages`, { author: 'agent', authorId: 2, body: '<p>x</p>' }), 403));
    const pipeline = world.pipelines.find((p) => p.id === ticket.pipeline)!;
    const patch = await asAgent('PATCH', `/admin/tickets/${ticket.id}`, { stage: pipeline.stages[1].id, ownerId: 2, priority: 'high', properties: { product: 'Router X' } });
    assert.equal(patch.status, 200);
    const after = (await asAgent('GET', `/admin/tickets/${ticket.id}`)).json;
    assert.equal(after.stage, pipeline.stages[1].id);
    assert.equal(after.ownerId, 2);
    assert.equal(after.priority, 'high');
    assert.equal(after.properties.product, 'Router X');
  });

  it('keeps agent keys to the helpdesk API, and refuses them once revoked', async () => {
    assert.ok(isProblem(await asAgent('GET', '/admin/settings'), 403));
    assert.ok(isProblem(await asAgent('POST', '/admin/api-keys', { agentId: 1 }), 403));
    const keys = (await s.admin('GET', '/admin/api-keys')).json;
    assert.equal(keys.length, 1);
    assert.equal(keys[0].key, undefined);
    assert.ok(isProblem(await s.admin('POST', '/admin/api-keys', { agentId: 99999 }), 422));
    assert.equal((await s.admin('DELETE', `/admin/api-keys/${keyId}`)).status, 204);
    assert.ok(isProblem(await asAgent('GET', '/admin/tickets'), 401));
    assert.ok((await s.admin('GET', '/admin/api-keys')).json[0].revokedAt);
  });
});
