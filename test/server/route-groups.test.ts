import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isProblem, testServer, type TestServer } from './helpers.js';
import { newTicket, postReply } from './reply-helpers.js';

/**
 * The API's route groups: each request reads the settings once (counted on the settings store), and a group's
 * middleware runs for its own routes only.
 */
describe('API route groups', () => {
  let s: TestServer;
  let reads = 0;
  let anna: string;
  before(async () => {
    s = await testServer({ onSettingsRead: () => { reads++; } });
    anna = await s.login();
  });
  after(() => s.close());

  /** The settings reads of one request, with its answer. */
  async function counted<T>(request: () => Promise<T>): Promise<{ answer: T; reads: number }> {
    reads = 0;
    const answer = await request();
    return { answer, reads };
  }

  it('reads the settings once per request, in every group', async () => {
    const ticketId = await newTicket(s);
    const requests: [string, () => Promise<{ status: number }>, number][] = [
      ['GET /portal', () => s.call('GET', '/portal'), 200],
      ['POST /auth/login', () => s.call('POST', '/auth/login', { body: { email: 'anna@nordlicht.example', password: 'wrong password' } }), 401],
      ['GET /auth/session', () => s.call('GET', '/auth/session', { cookie: anna }), 200],
      ['POST /auth/session/extend', () => s.call('POST', '/auth/session/extend', { cookie: anna }), 200],
      ['POST /auth/password/forgot', () => s.call('POST', '/auth/password/forgot', { body: { email: 'nobody@example.com' } }), 202],
      ['GET /tickets', () => s.call('GET', '/tickets', { cookie: anna }), 200],
      ['GET /tickets/{id}', () => s.call('GET', `/tickets/${ticketId}`, { cookie: anna }), 200],
      ['POST /tickets/{id}/messages', () => postReply(s, anna, ticketId, { body: '<p>Counted</p>' }), 201],
      ['GET /forms/support', () => s.call('GET', '/forms/support', { cookie: anna }), 200],
      ['GET /me/preferences', () => s.call('GET', '/me/preferences', { cookie: anna }), 200],
      ['GET /events', () => s.call('GET', `/events?since=${new Date().toISOString()}`, { cookie: anna }), 200],
      ['GET /admin/settings', () => s.admin('GET', '/admin/settings'), 200],
      ['GET /admin/tickets', () => s.admin('GET', '/admin/tickets'), 200],
      ['GET /admin/invitations/pending', () => s.admin('GET', '/admin/invitations/pending'), 200],
    ];
    for (const [name, request, status] of requests) {
      const { answer, reads: n } = await counted(request);
      assert.equal(answer.status, status, name);
      assert.equal(n, 1, `${name} read the settings ${n} times`);
    }
    // Routes that need no settings do not read them.
    assert.equal((await counted(() => s.call('GET', '/openapi.json'))).reads, 0);
    assert.equal((await counted(() => s.admin('GET', '/admin/webhooks'))).reads, 1);
  });

  it('runs a group\'s middleware only for its routes: other paths and methods still answer 404', async () => {
    for (const [method, path] of [['GET', '/tickets/abc'], ['DELETE', '/tickets/1'], ['GET', '/me/unknown'], ['PUT', '/auth/login'], ['GET', '/nothing-here']]) {
      const res = await s.call(method, path);
      assert.ok(isProblem(res, 404), `${method} ${path}: ${res.status}`);
      assert.equal(res.json.detail, 'No such API route.');
    }
  });

  it('answers the customer and sign-in groups with no-store; the public settings keep no-cache', async () => {
    const ticketId = await newTicket(s);
    for (const res of [
      await s.call('GET', '/tickets', { cookie: anna }),
      await s.call('POST', `/tickets/${ticketId}/close`, { cookie: anna }),
      await s.call('GET', '/auth/session'),
      await s.admin('GET', '/admin/tickets'),
    ]) assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal((await s.call('GET', '/portal')).headers.get('cache-control'), 'no-cache');
  });
});
