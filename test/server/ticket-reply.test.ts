import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { Message } from '../../src/contract/tickets.js';
import { demoWorld } from '../../src/domain/demo-world.js';
import { isProblem, testServer, type TestServer } from './helpers.js';
import { adminMessage, newTicket, postReply } from './reply-helpers.js';

const world = demoWorld();

describe('POST /tickets/{id}/messages', () => {
  let s: TestServer;
  let anna: string;
  before(async () => {
    s = await testServer();
    anna = await s.login();
  });
  after(() => s.close());
  const messages = async (id: number) => (await s.call('GET', `/tickets/${id}/messages`, { cookie: anna })).json as { id: number; body: string }[];
  /** Reads the test database directly (what the API does not show). */
  const query = <T>(sql: string, ...params: unknown[]): Promise<T[]> => s.query<T>(sql, ...params);

  it('stores the reply, answers 201 with the message and updates the last activity', async () => {
    const id = await newTicket(s, { createdAt: '2026-01-01T00:00:00.000Z' });
    const res = await postReply(s, anna, id, { body: '<p>Hello <strong>there</strong></p>' });
    assert.equal(res.status, 201, res.text);
    assert.ok(z.safeParse(Message, res.json).success, res.text);
    assert.deepEqual(res.json.author, { kind: 'contact', name: 'Anna Berg' });
    assert.equal(res.json.body, '<p>Hello <strong>there</strong></p>');
    assert.deepEqual((await messages(id)).map((m) => m.id), [res.json.id]);
    const ticket = (await s.call('GET', `/tickets/${id}`, { cookie: anna })).json;
    assert.equal(ticket.lastActivityAt, res.json.createdAt);
  });

  it('opens thread 1 in the default inbox for a ticket without a conversation', async () => {
    const id = await newTicket(s);
    const res = await postReply(s, anna, id, { body: '<p>First words</p>' });
    assert.equal(res.status, 201);
    const threads = await query<{ thread: number; inbox: string }>('select thread, inbox from ticket_threads where ticket_id = ?', id);
    assert.deepEqual(threads, [{ thread: 1, inbox: 'Support' }]);
    assert.deepEqual(await query<{ thread: number }>('select thread from messages where id = ?', res.json.id), [{ thread: 1 }]);
    // A later thread of the helpdesk stays hidden; replies keep going to the oldest one.
    await adminMessage(s, id, { newThread: true, body: '<p>Other thread</p>' });
    const next = await postReply(s, anna, id, { body: '<p>Second</p>' });
    assert.deepEqual((await messages(id)).map((m) => m.id), [res.json.id, next.json.id]);
  });

  it('replies into the oldest thread of a ticket with two', async () => {
    const ticket = world.tickets.find((t) => t.contactId === 1 && new Set(world.messages.filter((m) => m.ticketId === t.id).map((m) => m.thread)).size > 1);
    assert.ok(ticket);
    const res = await postReply(s, anna, ticket.id, { body: '<p>Still here</p>' });
    assert.equal(res.status, 201, res.text);
    assert.equal((await messages(ticket.id)).at(-1)?.id, res.json.id);
    assert.deepEqual(await query<{ thread: number }>('select thread from messages where id = ?', res.json.id), [{ thread: 1 }]);
  });

  it('posts once per Idempotency-Key: a retry answers the same message', async () => {
    const id = await newTicket(s);
    const key = 'retry-key-0001';
    const first = await postReply(s, anna, id, { body: '<p>Once</p>', key, files: [{ name: 'a.txt', content: 'abc' }] });
    const second = await postReply(s, anna, id, { body: '<p>Once</p>', key, files: [{ name: 'a.txt', content: 'abc' }] });
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(second.json, first.json);
    assert.equal((await messages(id)).length, 1);
    assert.equal((await query('select id from attachments where message_id = ?', first.json.id)).length, 1);
  });

  it('posts once under 5 parallel requests with one key', async () => {
    const id = await newTicket(s);
    const key = 'parallel-key-0001';
    const answers = await Promise.all(Array.from({ length: 5 }, () =>
      postReply(s, anna, id, { body: '<p>Double click</p>', key, files: [{ name: 'log.txt', content: 'x'.repeat(5000) }] })));
    assert.deepEqual(answers.map((a) => a.status), [201, 201, 201, 201, 201]);
    assert.equal(new Set(answers.map((a) => a.json.id)).size, 1);
    assert.equal((await messages(id)).length, 1);
    assert.equal((await query('select id from messages where ticket_id = ?', id)).length, 1);
    // Only the winner's file is kept.
    const keys = await query<{ storage_key: string }>('select storage_key from attachments where message_id = ?', answers[0].json.id);
    assert.equal(keys.length, 1);
  });

  it('answers 409 when a key is reused for other content or another ticket', async () => {
    const id = await newTicket(s);
    const other = await newTicket(s);
    const key = 'reused-key-0001';
    assert.equal((await postReply(s, anna, id, { body: '<p>A</p>', key })).status, 201);
    const changed = await postReply(s, anna, id, { body: '<p>B</p>', key });
    assert.ok(isProblem(changed, 409));
    assert.equal(changed.json.errors[0].field, 'Idempotency-Key');
    assert.ok(isProblem(await postReply(s, anna, other, { body: '<p>A</p>', key }), 409));
    assert.ok(isProblem(await postReply(s, anna, id, { body: '<p>A</p>', key, files: [{ name: 'x.txt', content: 'x' }] }), 409));
    assert.equal((await messages(id)).length, 1);
    assert.equal((await messages(other)).length, 0);
    // Keys belong to one contact: a colleague's same key is a new reply.
    const lukas = await s.login('lukas@nordlicht.example');
    assert.equal((await postReply(s, lukas, id, { body: '<p>A</p>', key })).status, 201);
  });

  it('requires a valid Idempotency-Key (400 naming it)', async () => {
    const id = await newTicket(s);
    for (const key of [null, '', 'short', 'has space in it', 'ümlaut-key-1', 'x'.repeat(129)]) {
      const res = await postReply(s, anna, id, { body: '<p>Hi</p>', key });
      assert.ok(isProblem(res, 400), String(key));
      assert.equal(res.json.errors[0].field, 'Idempotency-Key');
    }
    assert.equal((await messages(id)).length, 0);
  });

  it('refuses an empty reply and one over 100 kB (422 naming body); a file alone is a reply', async () => {
    const id = await newTicket(s);
    for (const body of [undefined, '', '   ', '<p> </p>', '<p>&nbsp;</p><br>']) {
      const res = await postReply(s, anna, id, { body });
      assert.ok(isProblem(res, 422), String(body));
      assert.equal(res.json.errors[0].field, 'body');
    }
    const long = await postReply(s, anna, id, { body: `<p>${'x'.repeat(100 * 1024)}</p>` });
    assert.ok(isProblem(long, 422));
    assert.equal(long.json.errors[0].field, 'body');
    assert.equal((await postReply(s, anna, id, { files: [{ name: 'only.txt', content: 'file' }] })).status, 201);
    assert.equal((await postReply(s, anna, id, { body: '<p><img src="https://example.com/x.png"></p>' })).status, 201);
  });

  it('refuses replies to closed tickets unless replyToClosed, retries of stored replies still answer', async () => {
    const id = await newTicket(s);
    const key = 'before-close-0001';
    assert.equal((await postReply(s, anna, id, { body: '<p>Before</p>', key })).status, 201);
    assert.equal((await s.call('POST', `/tickets/${id}/close`, { cookie: anna })).status, 200);
    assert.ok(isProblem(await postReply(s, anna, id, { body: '<p>After</p>' }), 403));
    assert.equal((await postReply(s, anna, id, { body: '<p>Before</p>', key })).status, 201);
    const restore = await s.patchSettings((x) => ({ ...x, actions: { ...x.actions, replyToClosed: true } }));
    try {
      assert.deepEqual((await s.call('GET', `/tickets/${id}`, { cookie: anna })).json.actions, { reply: true, close: false });
      assert.equal((await postReply(s, anna, id, { body: '<p>After</p>' })).status, 201);
    } finally {
      await restore();
    }
    assert.equal((await messages(id)).length, 2);
  });

  it('answers 415 for a body that is not multipart, 400 for a malformed one', async () => {
    const id = await newTicket(s);
    const json = await s.call('POST', `/tickets/${id}/messages`, { cookie: anna, body: { body: 'hi' }, headers: { 'idempotency-key': 'json-key-0001' } });
    assert.ok(isProblem(json, 415));
    const broken = await s.call('POST', `/tickets/${id}/messages`, {
      cookie: anna, raw: '--xyz\r\nContent-Disposition: form-data; name="body"\r\n\r\nno end',
      headers: { 'idempotency-key': 'broken-key-0001', 'content-type': 'multipart/form-data; boundary=xyz' },
    });
    assert.ok(isProblem(broken, 400));
  });
});
