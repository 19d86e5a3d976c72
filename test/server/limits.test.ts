import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { readConfig } from '../../server/config.js';
import { isProblem, testServer, type TestServer } from './helpers.js';
import { newTicket, postReply } from './reply-helpers.js';
import { openStream } from './sse-helpers.js';

const filters = (n: number, value = 'x') => Array.from({ length: n }, (_, i) => `filter[p${i}]=${value}`).join('&');

describe('limits: list parameters', () => {
  let s: TestServer;
  let anna: string;
  before(async () => {
    s = await testServer();
    anna = await s.login();
  });
  after(() => s.close());
  const get = (path: string) => s.call('GET', path, { cookie: anna });
  const assertNames = async (path: string, field: string) => {
    const res = await get(path);
    assert.ok(isProblem(res, 400), `${path.slice(0, 80)} → ${res.status}`);
    assert.equal(res.json.errors?.[0]?.field, field);
  };

  it('accepts up to 20 filters and refuses the 21st with a 400 naming filter', async () => {
    // 20 pass the count (then the unknown properties are refused); allowed ones are answered.
    assert.equal((await get(`/tickets?${filters(20)}`)).json.errors?.[0]?.field, 'filter[p0]');
    const allowed = ['id', 'subject', 'content', 'pipeline', 'stage', 'priority', 'ownerId', 'contactId', 'companyId', 'createdAt', 'lastActivityAt',
      'category', 'orderNumber', 'impact', 'affectedUsers', 'products', 'firstNoticed', 'ccEmail'];
    assert.equal((await get(`/tickets?${allowed.map((name) => `filter[${name}]=x`).join('&')}`)).status, 200);
    await assertNames(`/tickets?${filters(21)}`, 'filter');
    await assertNames(`/tickets/export.csv?${filters(21)}`, 'filter');
  });

  it('refuses a thousand filters with a 400, not a 500 or a stalled server', async () => {
    await assertNames(`/tickets?${filters(1000)}`, 'query');
    await assertNames(`/tickets?${filters(900, 'y')}`, 'query');
  });

  it('refuses over-long filter names and values, naming the parameter', async () => {
    await assertNames(`/tickets?filter[${'a'.repeat(65)}]=x`, `filter[${'a'.repeat(40)}…]`);
    await assertNames(`/tickets?filter[priority]=${'v'.repeat(201)}`, 'filter[priority]');
    assert.equal((await get(`/tickets?filter[priority]=${'v'.repeat(200)}`)).status, 200);
  });

  it('refuses a search text beyond 200 characters (422 naming q) and repeated or oversized parameters (400)', async () => {
    const q = await get(`/tickets?q=${'x'.repeat(201)}`);
    assert.ok(isProblem(q, 422));
    assert.equal(q.json.errors[0].field, 'q');
    await assertNames(`/tickets?${Array.from({ length: 6 }, () => 'status=open').join('&')}`, 'status');
    await assertNames(`/tickets?q=${'x'.repeat(9000)}`, 'query');
    await assertNames(`/tickets/facets?${Array.from({ length: 41 }, (_, i) => `a${i}=1`).join('&')}`, 'query');
    await assertNames(`/portal?${'n'.repeat(101)}=1`, `${'n'.repeat(40)}…`);
  });
});

describe('limits: live-update streams', () => {
  let s: TestServer;
  before(async () => { s = await testServer({ streamLimits: { perSession: 2, total: 3 } }); });
  after(() => s.close());

  it('limits streams per session (429) and in total (503), and frees a place when a stream closes', async () => {
    const anna = await s.login();
    const a1 = await openStream(s.url, anna);
    const a2 = await openStream(s.url, anna);
    assert.equal(a1.status, 200);
    assert.equal(a2.status, 200);
    const a3 = await openStream(s.url, anna);
    assert.equal(a3.status, 429);
    assert.equal((await a3.res.json()).type, 'urn:portal:problem:too-many-streams');
    const lukas = await s.login('lukas@nordlicht.example');
    const l1 = await openStream(s.url, lukas);
    assert.equal(l1.status, 200);
    const l2 = await openStream(s.url, lukas);
    assert.equal(l2.status, 503);
    assert.ok(Number(l2.res.headers.get('retry-after')) > 0);
    await a1.close();
    // The server notices the closed connection; poll until the place is free again.
    const deadline = Date.now() + 10_000;
    let again = await openStream(s.url, lukas);
    while (again.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      again = await openStream(s.url, lukas);
    }
    assert.equal(again.status, 200);
    await Promise.all([a2.close(), l1.close(), again.close()]);
  });
});

describe('limits: submission rates and storage quotas', () => {
  let s: TestServer;
  let clock = Date.UTC(2026, 10, 30, 9, 0, 0);
  let anna: string;
  before(async () => {
    s = await testServer({ now: () => clock });
    await s.patchSettings((st) => ({ ...st, supportForm: { ...st.supportForm, fields: [
      { name: 'subject', label: 'Subject', type: 'text', required: true, maxLength: 200 },
      { name: 'content', label: 'Description', type: 'textarea', required: true, maxLength: 20000 },
      { name: 'attachments', label: 'Attachments', type: 'file' },
    ] } }));
    anna = await s.login();
  });
  after(() => s.close());

  const submitTicket = async (cookie: string, files: { name: string; bytes: number }[] = [], key = randomUUID()) => {
    const body = new FormData();
    body.append('subject', 'Rate test');
    body.append('content', 'Testing the hourly rate.');
    for (const f of files) body.append('files[]', new Blob([new Uint8Array(f.bytes).fill(65)], { type: 'text/plain' }), f.name);
    const res = await fetch(`${s.url}/api/v1/tickets`, { method: 'POST', headers: { cookie, 'x-portal-request': '1', 'idempotency-key': key }, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
  };

  it('refuses new tickets beyond the hourly rate with a 429 and Retry-After; a retry of a stored one still replays', async () => {
    const undo = await s.patchSettings((st) => ({ ...st, limits: { ticketsPerHour: 2 } }));
    try {
      const firstKey = randomUUID();
      assert.equal((await submitTicket(anna, [], firstKey)).status, 201);
      assert.equal((await submitTicket(anna)).status, 201);
      const refused = await submitTicket(anna);
      assert.equal(refused.status, 429);
      assert.equal(refused.json.type, 'urn:portal:problem:too-many-submissions');
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
      const replay = await submitTicket(anna, [], firstKey);
      assert.equal(replay.status, 201);
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      // Another contact has its own budget; an hour later the contact may submit again.
      assert.equal((await submitTicket(await s.login('lukas@nordlicht.example'))).status, 201);
      clock += 61 * 60_000;
      anna = await s.login();
      assert.equal((await submitTicket(anna)).status, 201);
    } finally {
      await undo();
    }
  });

  it('refuses replies beyond the hourly rate with a 429', async () => {
    const undo = await s.patchSettings((st) => ({ ...st, limits: { repliesPerHour: 1 } }));
    try {
      const ticket = await newTicket(s);
      assert.equal((await postReply(s, anna, ticket, { body: '<p>One</p>' })).status, 201);
      const refused = await postReply(s, anna, ticket, { body: '<p>Two</p>' });
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
    } finally {
      await undo();
    }
  });

  it('refuses files beyond the per-contact quota with a 413 naming files, and keeps nothing of them', async () => {
    clock += 2 * 60 * 60_000;
    anna = await s.login();
    const undo = await s.patchSettings((st) => ({ ...st, limits: { storagePerContactBytes: 3000 } }));
    try {
      assert.equal((await submitTicket(anna, [{ name: 'a.txt', bytes: 2000 }])).status, 201);
      const refused = await submitTicket(anna, [{ name: 'b.txt', bytes: 2000 }]);
      assert.equal(refused.status, 413);
      assert.equal(refused.json.type, 'urn:portal:problem:storage-quota');
      assert.equal(refused.json.errors[0].field, 'files');
      const ticket = await newTicket(s);
      const reply = await postReply(s, anna, ticket, { body: '<p>Big</p>', files: [{ name: 'c.txt', content: 'x'.repeat(1500) }] });
      assert.equal(reply.status, 413);
      // Without files the contact can still write; another contact still has room.
      assert.equal((await postReply(s, anna, ticket, { body: '<p>Text only</p>' })).status, 201);
      assert.equal((await submitTicket(await s.login('elin@fjord.example'), [{ name: 'd.txt', bytes: 2000 }])).status, 201);
    } finally {
      await undo();
    }
  });

  it('refuses files beyond the total quota with a 413', async () => {
    clock += 2 * 60 * 60_000;
    anna = await s.login();
    const undo = await s.patchSettings((st) => ({ ...st, limits: { storageTotalBytes: 1 } }));
    try {
      const refused = await submitTicket(anna, [{ name: 'e.txt', bytes: 10 }]);
      assert.equal(refused.status, 413);
      assert.match(refused.json.detail, /no room for more files/);
    } finally {
      await undo();
    }
  });

  it('validates the limits in the settings', async () => {
    const current = (await s.admin('GET', '/admin/settings')).json;
    const res = await s.admin('PUT', '/admin/settings', { ...current, limits: { ticketsPerHour: 0 } });
    assert.equal(res.status, 422);
    assert.equal(res.json.errors[0].field, 'limits.ticketsPerHour');
  });
});

describe('limits: the admin token', () => {
  it('refuses to start with an admin token shorter than 32 characters', async () => {
    assert.throws(() => readConfig({ PORTAL_ADMIN_TOKEN: 'short-token' }), /at least 32 characters/);
    assert.equal(readConfig({ PORTAL_ADMIN_TOKEN: 'a'.repeat(32) }).adminToken, 'a'.repeat(32));
    await assert.rejects(testServer({ adminToken: 'x'.repeat(31) }), /at least 32 characters/);
  });

  it('throttles failed admin authentication per address (429 with Retry-After), even for the right token then', async () => {
    const s = await testServer();
    try {
      for (let i = 0; i < 10; i++) {
        const res = await s.call('GET', '/admin/settings', { headers: { authorization: `Bearer wrong-token-${i}-${'z'.repeat(32)}` } });
        assert.equal(res.status, 401);
      }
      const throttled = await s.call('GET', '/admin/settings', { admin: true });
      assert.ok(isProblem(throttled, 429));
      assert.ok(Number(throttled.headers.get('retry-after')) > 0);
    } finally {
      await s.close();
    }
  });
});
