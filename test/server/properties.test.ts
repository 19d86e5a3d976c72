import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { testServer, type TestServer } from './helpers.js';

describe('properties: customers receive only what the admin exposes', () => {
  let s: TestServer;
  let anna: string;
  let ticketId = 0;
  before(async () => {
    s = await testServer();
    await s.patchSettings((st) => ({
      ...st,
      columns: ['id', 'subject', 'product', 'status'],
      supportForm: { ...st.supportForm, fields: [
        { name: 'subject', label: 'Subject', type: 'text', required: true, maxLength: 200 },
        { name: 'content', label: 'Description', type: 'textarea', required: true, maxLength: 20000 },
        { name: 'category', label: 'Category', type: 'text' },
      ] },
    }));
    const res = await s.admin('POST', '/admin/tickets', {
      contactId: 1, subject: 'Exposure test', properties: { product: 'Cloud', category: 'billing', internalScore: 97, churnRisk: 'high' },
    });
    assert.equal(res.status, 201);
    ticketId = res.json.id;
    anna = await s.login();
  });
  after(() => s.close());

  it('GET /tickets/{id} carries columns and form fields, not other custom properties', async () => {
    const res = await s.call('GET', `/tickets/${ticketId}`, { cookie: anna });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json.properties, { product: 'Cloud', category: 'billing' });
  });

  it('GET /tickets items carry only exposed properties', async () => {
    const res = await s.call('GET', `/tickets?q=Exposure`, { cookie: anna });
    const item = res.json.items.find((t: { id: number }) => t.id === ticketId);
    assert.deepEqual(item.properties, { product: 'Cloud', category: 'billing' });
    assert.ok(!res.text.includes('internalScore') && !res.text.includes('churnRisk'));
  });

  it('a property appears once the admin makes it a column', async () => {
    const undo = await s.patchSettings((st) => ({ ...st, columns: [...st.columns, 'internalScore'] }));
    try {
      const res = await s.call('GET', `/tickets/${ticketId}`, { cookie: anna });
      assert.deepEqual(res.json.properties, { product: 'Cloud', category: 'billing', internalScore: 97 });
    } finally {
      await undo();
    }
  });

  it('refuses a filter by a hidden property on the list and the export (400 naming the parameter), the same as an unknown one', async () => {
    for (const path of ['/tickets', '/tickets/export.csv']) {
      for (const [name, value] of [['internalScore', '97'], ['churnRisk', 'high'], ['noSuchProperty', 'x']]) {
        const res = await s.call('GET', `${path}?view=mine&filter[${name}]=${value}`, { cookie: anna });
        assert.equal(res.status, 400, `${path} filter[${name}] → ${res.status}`);
        assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
        assert.equal(res.json.type, 'urn:portal:problem:unknown-filter');
        assert.deepEqual(res.json.errors.map((e: { field: string }) => e.field), [`filter[${name}]`]);
        assert.ok(!res.text.includes('Exposure test'));
      }
    }
    // A hidden value and a wrong guess answer alike: nothing to learn from the answer.
    const right = await s.call('GET', '/tickets?filter[churnRisk]=high', { cookie: anna });
    const wrong = await s.call('GET', '/tickets?filter[churnRisk]=low', { cookie: anna });
    assert.deepEqual(right.json, wrong.json);
  });

  it('still filters by exposed properties (columns and form fields) and core fields', async () => {
    for (const query of ['filter[product]=cloud', 'filter[category]=billing', 'filter[priority]=&filter[id]=' + ticketId]) {
      const res = await s.call('GET', `/tickets?view=mine&q=Exposure&${query}`, { cookie: anna });
      assert.equal(res.status, 200, `${query}: ${res.text}`);
    }
    const ids = (await s.call('GET', '/tickets?view=mine&filter[category]=billing', { cookie: anna })).json.items.map((t: { id: number }) => t.id);
    assert.ok(ids.includes(ticketId));
    const csv = await s.call('GET', '/tickets/export.csv?view=mine&filter[product]=cloud', { cookie: anna });
    assert.equal(csv.status, 200);
  });

  it('refuses a sort by a hidden property on the list and the export (400 unknown-sort naming sort), the same as an unknown one', async () => {
    for (const path of ['/tickets', '/tickets/export.csv']) {
      for (const name of ['internalScore', 'churnRisk', 'noSuchProperty']) {
        for (const order of ['asc', 'desc']) {
          const res = await s.call('GET', `${path}?view=mine&sort=${name}&order=${order}`, { cookie: anna });
          assert.equal(res.status, 400, `${path} sort=${name} → ${res.status}`);
          assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
          assert.equal(res.json.type, 'urn:portal:problem:unknown-sort');
          assert.deepEqual(res.json.errors.map((e: { field: string }) => e.field), ['sort']);
          assert.ok(!res.text.includes('Exposure test'));
        }
      }
    }
    // A hidden property and an unknown one answer alike: nothing to learn about which exist.
    const hidden = await s.call('GET', '/tickets?sort=churnRisk', { cookie: anna });
    const unknown = await s.call('GET', '/tickets?sort=noSuchProperty', { cookie: anna });
    assert.equal(hidden.json.detail.replace('churnRisk', 'X'), unknown.json.detail.replace('noSuchProperty', 'X'));
  });

  it('still sorts by core fields, derived columns, columns and form fields, and by a property once it is shown', async () => {
    for (const sort of ['createdAt', 'lastActivityAt', 'id', 'subject', 'priority', 'requester', 'owner', 'status', 'product', 'category']) {
      for (const path of ['/tickets', '/tickets/export.csv']) {
        const res = await s.call('GET', `${path}?view=mine&sort=${sort}&order=asc`, { cookie: anna });
        assert.equal(res.status, 200, `${path} sort=${sort}: ${res.text}`);
      }
    }
    const undo = await s.patchSettings((st) => ({ ...st, columns: [...st.columns, 'churnRisk'] }));
    try {
      assert.equal((await s.call('GET', '/tickets?view=mine&sort=churnRisk', { cookie: anna })).status, 200);
    } finally {
      await undo();
    }
  });

  it('once the admin shows a property, customers may filter by it', async () => {
    const undo = await s.patchSettings((st) => ({ ...st, columns: [...st.columns, 'churnRisk'] }));
    try {
      const res = await s.call('GET', '/tickets?view=mine&filter[churnRisk]=high', { cookie: anna });
      assert.equal(res.status, 200);
      assert.deepEqual(res.json.items.map((t: { id: number }) => t.id), [ticketId]);
    } finally {
      await undo();
    }
  });

  it('the idempotent replay of POST /tickets answers 404 once the ticket is no longer visible, like GET /tickets/{id}', async () => {
    const key = randomUUID();
    const submit = async () => {
      const body = new FormData();
      body.append('subject', 'Replay visibility');
      body.append('content', 'A ticket that will be hidden.');
      const res = await fetch(`${s.url}/api/v1/tickets`, { method: 'POST', headers: { cookie: anna, 'x-portal-request': '1', 'idempotency-key': key }, body });
      return { status: res.status, json: await res.json() };
    };
    const created = await submit();
    assert.equal(created.status, 201);
    assert.equal((await submit()).status, 201);
    const undo = await s.patchSettings((st) => ({
      ...st, visibility: { any: [{ all: [{ property: 'pipeline', operator: 'eq', value: 'no-such-pipeline' }] }] },
    }));
    try {
      assert.equal((await s.call('GET', `/tickets/${created.json.id}`, { cookie: anna })).status, 404);
      const replay = await submit();
      assert.equal(replay.status, 404);
      assert.ok(!JSON.stringify(replay.json).includes('Replay visibility'));
    } finally {
      await undo();
    }
  });
});
