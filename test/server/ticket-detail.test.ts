import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { Message, Ticket } from '../../src/contract/tickets.js';
import { visibleConversation } from '../../src/domain/conversation.js';
import { demoWorld } from '../../src/domain/demo-world.js';
import { isProblem, testServer, type TestServer } from './helpers.js';
import { download, newTicket, postReply } from './reply-helpers.js';

const world = demoWorld();
const conversation = (ticketId: number) => visibleConversation(world.messages.filter((m) => m.ticketId === ticketId));
/** A ticket of company 2 whose shown conversation has an attachment (Anna belongs to company 1). */
const foreign = world.tickets.find((t) => t.companyId === 2 && conversation(t.id).some((m) => m.attachments.length > 0));
/** A ticket with two threads and an internal note in the first. */
const twoThreads = world.tickets.find((t) => t.companyId === 1
  && new Set(world.messages.filter((m) => m.ticketId === t.id).map((m) => m.thread)).size > 1
  && world.messages.some((m) => m.ticketId === t.id && m.internal && m.thread === 1));

describe('GET /tickets/{id}, GET /tickets/{id}/messages, POST /tickets/{id}/close', () => {
  let s: TestServer;
  let anna: string;
  before(async () => {
    s = await testServer();
    anna = await s.login();
  });
  after(() => s.close());

  it('answers the ticket with summary fields, content and actions', async () => {
    const t = world.tickets.find((x) => x.contactId === 2 && x.companyId === 1) as (typeof world.tickets)[number];
    const res = await s.call('GET', `/tickets/${t.id}`, { cookie: anna });
    assert.equal(res.status, 200);
    assert.ok(z.safeParse(Ticket, res.json).success, res.text);
    assert.equal(res.json.subject, t.subject);
    assert.equal(res.json.content, t.content);
    assert.equal(res.json.requesterName, 'Lukas Schmidt');
    const closed = world.pipelines.find((p) => p.id === t.pipeline)?.stages.find((st) => st.id === t.stage)?.closed ?? false;
    assert.deepEqual(res.json.actions, { reply: !closed, close: !closed });
  });

  it('is 404 on every route for a ticket of another company, a missing ticket and a malformed id', async () => {
    assert.ok(foreign, 'demo world has a foreign ticket with an attachment');
    const attachment = conversation(foreign.id).flatMap((m) => m.attachments)[0];
    const answers = [
      await s.call('GET', `/tickets/${foreign.id}`, { cookie: anna }),
      await s.call('GET', `/tickets/${foreign.id}/messages`, { cookie: anna }),
      await postReply(s, anna, foreign.id, { body: '<p>Let me in</p>' }),
      await s.call('POST', `/tickets/${foreign.id}/close`, { cookie: anna }),
      await s.call('GET', `/attachments/${attachment.id}`, { cookie: anna }),
      await s.call('GET', '/tickets/99999', { cookie: anna }),
      await s.call('GET', '/tickets/99999/messages', { cookie: anna }),
      await s.call('GET', '/attachments/99999', { cookie: anna }),
    ];
    for (const res of answers) assert.equal(res.status, 404, res.text);
    assert.ok(isProblem(answers[0], 404));
    assert.equal((await s.call('GET', '/tickets/0', { cookie: anna })).status, 404);
    assert.equal((await s.call('GET', '/tickets/abc', { cookie: anna })).status, 404);
    // The owner of that ticket sees it.
    const elin = await s.login('elin@fjord.example');
    assert.equal((await s.call('GET', `/tickets/${foreign.id}`, { cookie: elin })).status, 200);
    assert.equal((await s.call('GET', `/attachments/${attachment.id}`, { cookie: elin })).status, 200);
  });

  it('is 404 for company tickets under permission "own" and for tickets outside the visibility rules', async () => {
    const colleague = world.tickets.find((t) => t.contactId === 2) as (typeof world.tickets)[number];
    const restore = await s.patchSettings((x) => ({ ...x, permissions: { mode: 'own' } }));
    try {
      assert.equal((await s.call('GET', `/tickets/${colleague.id}`, { cookie: anna })).status, 404);
      assert.equal((await s.call('GET', `/tickets/${colleague.id}/messages`, { cookie: anna })).status, 404);
    } finally {
      await restore();
    }
    const own = world.tickets.find((t) => t.contactId === 1 && t.pipeline === 'support') as (typeof world.tickets)[number];
    const hide = await s.patchSettings((x) => ({ ...x, visibility: { any: [{ all: [{ property: 'pipeline', operator: 'eq', value: 'billing' }] }] } }));
    try {
      assert.equal((await s.call('GET', `/tickets/${own.id}`, { cookie: anna })).status, 404);
      assert.equal((await s.call('POST', `/tickets/${own.id}/close`, { cookie: anna })).status, 404);
    } finally {
      await hide();
    }
    assert.equal((await s.call('GET', `/tickets/${own.id}`, { cookie: anna })).status, 200);
  });

  it('answers 401 without a session', async () => {
    assert.ok(isProblem(await s.call('GET', '/tickets/1'), 401));
    assert.ok(isProblem(await s.call('GET', '/tickets/1/messages'), 401));
  });

  it('lists the oldest thread only, in time order, never internal notes', async () => {
    assert.ok(twoThreads, 'demo world has a ticket with two threads and an internal note');
    const res = await s.call('GET', `/tickets/${twoThreads.id}/messages`, { cookie: anna });
    assert.equal(res.status, 200);
    assert.ok(z.safeParse(z.array(Message), res.json).success, res.text);
    const expected = conversation(twoThreads.id);
    assert.deepEqual(res.json.map((m: { id: number }) => m.id), expected.map((m) => m.id));
    const all = world.messages.filter((m) => m.ticketId === twoThreads.id);
    const hidden = all.filter((m) => m.internal || m.thread !== 1).map((m) => m.id);
    assert.ok(hidden.length >= 2);
    assert.ok(res.json.every((m: { id: number; body: string }) => !hidden.includes(m.id) && !m.body.includes('Internal note')));
    const times = res.json.map((m: { createdAt: string }) => m.createdAt);
    assert.deepEqual(times, [...times].sort());
  });

  it('names agents per ownerName and lists attachments with id, name, size and type', async () => {
    const ticket = world.tickets.find((t) => t.companyId === 1 && conversation(t.id).some((m) => m.authorKind === 'agent' && m.authorId === 1)
      && conversation(t.id).some((m) => m.attachments.length > 0)) as (typeof world.tickets)[number];
    const names = async () => (await s.call('GET', `/tickets/${ticket.id}/messages`, { cookie: anna })).json;
    const first = await names();
    assert.ok(first.some((m: { author: { kind: string; name: string } }) => m.author.kind === 'agent' && m.author.name === 'Maja'));
    const withFile = first.find((m: { attachments: unknown[] }) => m.attachments.length > 0);
    const seeded = conversation(ticket.id).flatMap((m) => m.attachments)[0];
    assert.deepEqual(withFile.attachments[0], { id: seeded.id, name: seeded.name, size: Buffer.byteLength(seeded.content), contentType: 'text/plain' });
    const restore = await s.patchSettings((x) => ({ ...x, ownerName: 'full' }));
    try {
      assert.ok((await names()).some((m: { author: { name: string } }) => m.author.name === 'Maja Lindqvist'));
    } finally {
      await restore();
    }
  });

  it('closes into the stage chosen per pipeline, idempotently', async () => {
    const billing = await newTicket(s, { pipeline: 'billing' });
    const support = await newTicket(s, { pipeline: 'support', stage: 'waiting-on-us' });
    const first = await s.call('POST', `/tickets/${billing}/close`, { cookie: anna });
    assert.equal(first.status, 200);
    assert.ok(z.safeParse(Ticket, first.json).success);
    assert.equal(first.json.stage, 'resolved');
    assert.equal(first.json.status.closed, true);
    assert.deepEqual(first.json.actions, { reply: false, close: false });
    const again = await s.call('POST', `/tickets/${billing}/close`, { cookie: anna });
    assert.equal(again.status, 200);
    assert.deepEqual(again.json, first.json);
    assert.equal((await s.call('POST', `/tickets/${support}/close`, { cookie: anna })).json.stage, 'closed');
    // Without a choice for the pipeline: its first closed stage.
    const other = await newTicket(s, { pipeline: 'billing' });
    const restore = await s.patchSettings((x) => ({ ...x, actions: { ...x.actions, closedStageByPipeline: {} } }));
    try {
      assert.equal((await s.call('POST', `/tickets/${other}/close`, { cookie: anna })).json.stage, 'resolved');
    } finally {
      await restore();
    }
  });

  it('refuses to close (403) unless customers may close; needs the CSRF header', async () => {
    const id = await newTicket(s);
    const restore = await s.patchSettings((x) => ({ ...x, actions: { ...x.actions, customerClose: false } }));
    try {
      assert.ok(isProblem(await s.call('POST', `/tickets/${id}/close`, { cookie: anna }), 403));
      assert.deepEqual((await s.call('GET', `/tickets/${id}`, { cookie: anna })).json.actions, { reply: true, close: false });
    } finally {
      await restore();
    }
    assert.equal((await s.call('GET', `/tickets/${id}`, { cookie: anna })).json.stage, 'new');
    assert.equal((await s.call('POST', `/tickets/${id}/close`, { cookie: anna, headers: { 'x-portal-request': '0' } })).status, 403);
    assert.equal((await s.call('POST', `/tickets/${id}/close`, { cookie: anna })).status, 200);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await s.call('GET', '/openapi.json')).json;
    assert.ok(doc.paths['/tickets/{id}'].get.responses['404']);
    assert.ok(doc.paths['/tickets/{id}/messages'].get);
    assert.ok(doc.paths['/tickets/{id}/messages'].post.requestBody.content['multipart/form-data']);
    assert.ok(doc.paths['/tickets/{id}/messages'].post.responses['409']);
    assert.ok(doc.paths['/tickets/{id}/close'].post);
    assert.ok(doc.paths['/attachments/{id}'].get);
    assert.ok(doc.paths['/events'].get.responses['304']);
    assert.ok(doc.components.schemas.Message && doc.components.schemas.PortalChange);
  });

  it('downloads seeded demo attachments', async () => {
    const ticket = world.tickets.find((t) => t.companyId === 1 && conversation(t.id).some((m) => m.attachments.length > 0)) as (typeof world.tickets)[number];
    const seeded = conversation(ticket.id).flatMap((m) => m.attachments)[0];
    const res = await download(s, anna, seeded.id);
    assert.equal(res.status, 200);
    assert.equal(res.text, seeded.content);
    assert.equal(res.headers.get('content-type'), 'text/plain');
  });
});
