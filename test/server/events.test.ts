import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoWorld } from '../../src/domain/demo-world.js';
import { waitFor } from '../support/wait-for.js';
import { isProblem, testServer, type TestServer } from './helpers.js';
import { adminMessage, newTicket, postReply } from './reply-helpers.js';

const world = demoWorld();
const foreign = world.tickets.find((t) => t.companyId === 2) as (typeof world.tickets)[number];

describe('GET /events (live updates)', () => {
  let s: TestServer;
  let anna: string;
  before(async () => {
    s = await testServer();
    anna = await s.login();
  });
  after(() => s.close());
  const poll = (since: string, headers: Record<string, string> = {}) =>
    s.call('GET', `/events?since=${encodeURIComponent(since)}`, { cookie: anna, headers });
  /** Now, once the clock has moved past it: whatever happens from here on is stamped later than the mark. */
  const mark = async () => {
    const at = new Date().toISOString();
    await waitFor(() => new Date().toISOString() > at, { what: 'the clock to move on' });
    return at;
  };

  it('requires a session and a valid since (422 naming it)', async () => {
    assert.ok(isProblem(await s.call('GET', '/events?since=2026-01-01T00:00:00Z'), 401));
    for (const since of ['', 'yesterday', '2026-13-45T00:00:00Z']) {
      const res = await s.call('GET', `/events?since=${since}`, { cookie: anna });
      assert.ok(isProblem(res, 422), since);
      assert.equal(res.json.errors[0].field, 'since');
    }
    assert.ok(isProblem(await s.call('GET', '/events', { cookie: anna }), 422));
  });

  it('reports agent replies from the admin API, not internal notes or later threads', async () => {
    const id = await newTicket(s);
    await adminMessage(s, id, { body: '<p>First</p>' });
    const since = await mark();
    const reply = await adminMessage(s, id);
    await adminMessage(s, id, { internal: true, body: '<p>Internal note</p>' });
    await adminMessage(s, id, { newThread: true, body: '<p>Other thread</p>' });
    const res = await poll(since);
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, [{ type: 'message', ticketId: id, messageId: reply }]);
  });

  it('reports stage and owner changes, closing, and the contact’s own replies', async () => {
    const id = await newTicket(s);
    const since = await mark();
    assert.equal((await s.admin('PATCH', `/admin/tickets/${id}`, { stage: 'waiting-on-us' })).status, 200);
    assert.equal((await s.admin('PATCH', `/admin/tickets/${id}`, { ownerId: 2 })).status, 200);
    assert.deepEqual((await poll(since)).json, [{ type: 'ticket', ticketId: id }]);
    const later = await mark();
    const reply = await postReply(s, anna, id, { body: '<p>Mine</p>' });
    await s.call('POST', `/tickets/${id}/close`, { cookie: anna });
    assert.deepEqual((await poll(later)).json, [{ type: 'message', ticketId: id, messageId: reply.json.id }, { type: 'ticket', ticketId: id }]);
  });

  it('reports only tickets the contact may see', async () => {
    const since = await mark();
    await adminMessage(s, foreign.id);
    await s.admin('PATCH', `/admin/tickets/${foreign.id}`, { priority: 'high' });
    const colleague = await newTicket(s, { contactId: 2 });
    await adminMessage(s, colleague);
    const seen = (await poll(since)).json;
    assert.ok(seen.every((c: { ticketId: number }) => c.ticketId !== foreign.id));
    assert.ok(seen.some((c: { ticketId: number }) => c.ticketId === colleague));
    const restore = await s.patchSettings((x) => ({ ...x, permissions: { mode: 'own' } }));
    try {
      assert.deepEqual((await poll(since)).json, []);
    } finally {
      await restore();
    }
    const elin = await s.login('elin@fjord.example');
    const theirs = await s.call('GET', `/events?since=${encodeURIComponent(since)}`, { cookie: elin });
    assert.ok(theirs.json.some((c: { ticketId: number }) => c.ticketId === foreign.id));
  });

  it('answers 304 to If-None-Match while nothing changed', async () => {
    const id = await newTicket(s);
    const since = await mark();
    const first = await poll(since);
    const etag = first.headers.get('etag');
    assert.ok(etag);
    assert.deepEqual(first.json, []);
    const again = await poll(since, { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.text, '');
    const message = await adminMessage(s, id);
    const changed = await poll(since, { 'if-none-match': etag });
    assert.equal(changed.status, 200);
    assert.deepEqual(changed.json, [{ type: 'message', ticketId: id, messageId: message }]);
    assert.notEqual(changed.headers.get('etag'), etag);
  });

  it('streams changes as server-sent events', async () => {
    const id = await newTicket(s);
    const controller = new AbortController();
    const res = await fetch(`${s.url}/api/v1/events/stream`, { headers: { cookie: anna }, signal: controller.signal });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const deadline = Date.now() + 8_000;
    // Changes after the stream's `: ready` comment are reported.
    while (!text.includes(': ready\n\n') && Date.now() < deadline) text += decoder.decode((await reader.read()).value, { stream: true });
    const message = await adminMessage(s, id);
    text = '';
    while (!text.includes('\n\n') && Date.now() < deadline) text += decoder.decode((await reader.read()).value, { stream: true });
    controller.abort();
    assert.match(text, /event: message/);
    assert.ok(text.includes(JSON.stringify({ type: 'message', ticketId: id, messageId: message })), text);
  });
});
