import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { demoWorld } from '../../src/domain/demo-world.js';
import { isProblem, testServer, type TestServer } from './helpers.js';

interface Received { body: string; headers: IncomingMessage['headers']; json: { id: string; type: string; createdAt: string; data: Record<string, unknown> } }

/** A real HTTP receiver: answers with `status()` for each request and keeps what it got (2xx answers in `delivered`). */
async function receiver(status: (got: Received) => number) {
  const attempts: Received[] = [];
  const delivered: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const got = { body, headers: req.headers, json: JSON.parse(body) };
      attempts.push(got);
      const code = status(got);
      if (code < 300) delivered.push(got);
      res.writeHead(code).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    attempts, delivered,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** The documented recipe: HMAC-SHA256 of "<t>.<raw body>" with the secret, hex, compared in constant time. */
function verify(secret: string, header: string | undefined, body: string): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return false;
  const expected = createHmac('sha256', secret).update(`${m[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2], 'hex'));
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const world = demoWorld();
const ALL = ['ticket.created', 'message.created', 'ticket.closed', 'contact.registered'];

describe('webhooks', () => {
  let s: TestServer;
  before(async () => { s = await testServer({ webhookBackoffMs: [40, 80, 160] }); });
  after(() => s.close());

  it('registers, lists and validates endpoints; the secret is shown once', async () => {
    assert.ok(isProblem(await s.admin('POST', '/admin/webhooks', { url: 'ftp://x', events: ['ticket.created'] }), 422));
    assert.ok(isProblem(await s.admin('POST', '/admin/webhooks', { url: 'http://127.0.0.1:1/x', events: ['nope'] }), 422));
    assert.ok(isProblem(await s.admin('POST', '/admin/webhooks', { url: 'http://127.0.0.1:1/x', events: [] }), 422));
    const created = await s.admin('POST', '/admin/webhooks', { url: 'http://127.0.0.1:1/x', events: ['ticket.created'], description: 'temp' });
    assert.equal(created.status, 201);
    assert.match(created.json.secret, /^whsec_/);
    const list = (await s.admin('GET', '/admin/webhooks')).json;
    assert.equal(list.length, 1);
    assert.equal(list[0].secret, undefined);
    assert.equal((await s.admin('DELETE', `/admin/webhooks/${created.json.id}`)).status, 204);
    assert.deepEqual((await s.admin('GET', '/admin/webhooks')).json, []);
    assert.ok(isProblem(await s.admin('DELETE', `/admin/webhooks/${created.json.id}`), 404));
  });

  it('signs each event; a receiver that fails twice gets everything exactly once, in order per ticket', async () => {
    // Fails the first two attempts of the first event (the ticket's creation), then accepts everything.
    let failures = 0;
    const hook = await receiver((got) => (got.json.type === 'ticket.created' && failures++ < 2 ? 500 : 200));
    try {
      const { json: { id, secret } } = await s.admin('POST', '/admin/webhooks', { url: hook.url, events: ALL });
      // One ticket's life: created, an agent answer, the customer's reply, closed.
      const ticketId = (await s.admin('POST', '/admin/tickets', { contactId: 1, subject: 'Webhook walk' })).json.id;
      const agent = await s.admin('POST', `/admin/tickets/${ticketId}/messages`, { author: 'agent', authorId: 1, body: '<p>Hello</p>' });
      const cookie = await s.login();
      const form = new FormData();
      form.set('body', '<p>Thanks!</p>');
      const reply = await fetch(`${s.url}/api/v1/tickets/${ticketId}/messages`, { method: 'POST', body: form, headers: { cookie, 'x-portal-request': '1', 'idempotency-key': 'webhook-walk-1' } });
      assert.equal(reply.status, 201);
      const customerMessageId = (await reply.json()).id;
      const closed = world.pipelines[0].stages.find((st) => st.closed)!;
      assert.equal((await s.admin('PATCH', `/admin/tickets/${ticketId}`, { stage: closed.id })).status, 200);
      // A new contact registers (the demo portal takes registrations).
      const registered = await s.call('POST', '/auth/register', { body: { name: 'Hook Test', email: 'hook@example.com', password: 'long-enough-pass-1', consent: true } });
      assert.equal(registered.status, 201);

      await until('five deliveries', () => hook.delivered.length >= 5 && hook.delivered);
      const deliveries = await until('the log to settle', async () => {
        const log = (await s.admin('GET', `/admin/webhooks/${id}/deliveries`)).json;
        return log.length === 5 && log.every((d: { status: string }) => d.status === 'delivered') && log;
      });
      const ofTicket = hook.delivered.filter((d) => d.json.data.ticketId === ticketId);
      assert.deepEqual(ofTicket.map((d) => d.json.type), ['ticket.created', 'message.created', 'message.created', 'ticket.closed']);
      assert.deepEqual(ofTicket.slice(1, 3).map((d) => [d.json.data.messageId, d.json.data.authorKind]), [[agent.json.id, 'agent'], [customerMessageId, 'contact']]);
      assert.equal(hook.delivered.filter((d) => d.json.type === 'contact.registered').length, 1);
      assert.equal(typeof hook.delivered.find((d) => d.json.type === 'contact.registered')!.json.data.contactId, 'number');
      // Exactly once each: no event id twice among the accepted deliveries.
      assert.equal(new Set(hook.delivered.map((d) => d.json.id)).size, hook.delivered.length);
      // The first event was tried three times (two failures, then 200); every body is signed with the secret.
      assert.equal(hook.attempts.length, 7);
      const tries = hook.attempts.filter((a) => a.json.type === 'ticket.created');
      assert.equal(tries.length, 3);
      assert.equal(new Set(tries.map((a) => a.json.id)).size, 1);
      for (const got of hook.attempts) assert.ok(verify(secret, got.headers['x-portal-signature'] as string, got.body), 'signature verifies');
      assert.ok(!verify('whsec_other', hook.attempts[0].headers['x-portal-signature'] as string, hook.attempts[0].body));
      const first = deliveries.at(-1);
      assert.equal(first.event, 'ticket.created');
      assert.equal(first.attempts, 3);
      assert.equal(first.lastStatusCode, 200);
      assert.deepEqual(deliveries.map((d: { id: number }) => d.id), [...deliveries.map((d: { id: number }) => d.id)].sort((a, b) => b - a));
      await s.admin('DELETE', `/admin/webhooks/${id}`);
    } finally {
      await hook.close();
    }
  });

  it('marks a delivery failed after the last retry, and replays it from the log', async () => {
    let up = false;
    const hook = await receiver(() => (up ? 204 : 503));
    try {
      const { json: { id } } = await s.admin('POST', '/admin/webhooks', { url: hook.url, events: ['ticket.created'] });
      await s.admin('POST', '/admin/tickets', { contactId: 2, subject: 'Nobody listens' });
      const failed = await until('the delivery to fail', async () => {
        const [d] = (await s.admin('GET', `/admin/webhooks/${id}/deliveries`)).json;
        return d?.status === 'failed' && d;
      });
      assert.equal(failed.attempts, 4);
      assert.equal(failed.lastStatusCode, 503);
      assert.equal(hook.delivered.length, 0);
      up = true;
      const replay = await s.admin('POST', `/admin/webhooks/${id}/deliveries/${failed.id}/replay`);
      assert.equal(replay.status, 202);
      const done = await until('the replay', async () => {
        const [d] = (await s.admin('GET', `/admin/webhooks/${id}/deliveries`)).json;
        return d?.status === 'delivered' && d;
      });
      assert.equal(done.lastStatusCode, 204);
      assert.equal(hook.delivered.length, 1);
      assert.equal(hook.delivered[0].json.id, failed.eventId);
      assert.ok(isProblem(await s.admin('POST', `/admin/webhooks/${id}/deliveries/999999/replay`), 404));
    } finally {
      await hook.close();
    }
  });
});
