import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isProblem, testServer, type Answer, type TestServer } from './helpers.js';
import { newTicket, postReply } from './reply-helpers.js';

const FORM = { subject: 'One rule for keys', content: 'Both routes check the Idempotency-Key alike.', category: 'technical', impact: 'team' };

/** One Idempotency-Key rule: a new ticket and a reply refuse a missing or malformed key, and a reused key, alike. */
describe('Idempotency-Key: one rule for POST /tickets and POST /tickets/{id}/messages', () => {
  let s: TestServer;
  let anna: string;
  before(async () => {
    s = await testServer();
    anna = await s.login();
  });
  after(() => s.close());

  async function submitTicket(key: string | null, values: Record<string, string> = FORM): Promise<Answer> {
    const body = new FormData();
    for (const [name, value] of Object.entries(values)) body.append(name, value);
    const headers: Record<string, string> = { cookie: anna, 'x-portal-request': '1' };
    if (key !== null) headers['idempotency-key'] = key;
    const res = await fetch(`${s.url}/api/v1/tickets`, { method: 'POST', headers, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined, text };
  }

  it('answers a missing or malformed key with the same 400 problem naming the header on both routes', async () => {
    const ticketId = await newTicket(s);
    for (const key of [null, '', 'short', 'has space in it', 'ümlaut-key-1', 'x'.repeat(129)]) {
      const created = await submitTicket(key);
      const replied = await postReply(s, anna, ticketId, { body: '<p>Hi</p>', key });
      for (const res of [created, replied]) {
        assert.ok(isProblem(res, 400), `${String(key)}: ${res.status} ${res.text}`);
        assert.equal(res.json.type, 'urn:portal:problem:idempotency-key');
        assert.deepEqual(res.json.errors.map((e: { field: string }) => e.field), ['Idempotency-Key']);
      }
      assert.deepEqual({ ...replied.json, detail: undefined, errors: undefined }, { ...created.json, detail: undefined, errors: undefined });
    }
    const stored = await s.query<{ n: number }>('select count(*) as n from messages where ticket_id = ?', ticketId);
    assert.equal(Number(stored[0].n), 0);
  });

  it('answers a key reused for other content with the same 409 problem naming the header on both routes', async () => {
    const ticketId = await newTicket(s);
    const ticketKey = `ticket-key-${Date.now().toString(36)}`;
    assert.equal((await submitTicket(ticketKey)).status, 201);
    const ticketAgain = await submitTicket(ticketKey, { ...FORM, subject: 'Something else' });
    const replyKey = `reply-key-${Date.now().toString(36)}`;
    assert.equal((await postReply(s, anna, ticketId, { body: '<p>First</p>', key: replyKey })).status, 201);
    const replyAgain = await postReply(s, anna, ticketId, { body: '<p>Other</p>', key: replyKey });
    for (const res of [ticketAgain, replyAgain]) {
      assert.ok(isProblem(res, 409), res.text);
      assert.equal(res.json.type, 'urn:portal:problem:idempotency-key-reused');
      assert.deepEqual(res.json.errors.map((e: { field: string }) => e.field), ['Idempotency-Key']);
    }
  });
});
