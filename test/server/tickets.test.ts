import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TicketPage } from '../../src/contract/tickets.js';
import { demoWorld } from '../../src/domain/demo-world.js';
import * as z from 'zod/mini';
import { isProblem, testServer, type TestServer } from './helpers.js';

const world = demoWorld();
const ids = (res: { json: { items: { id: number }[] } }) => res.json.items.map((t) => t.id);

describe('GET /tickets', () => {
  let s: TestServer;
  let anna: string;
  before(async () => {
    s = await testServer();
    anna = await s.login();
  });
  after(() => s.close());
  const list = (query: string, cookie = anna) => s.call('GET', `/tickets${query}`, { cookie });

  it('lists own tickets by default, newest first', async () => {
    const res = await list('?pageSize=100');
    assert.equal(res.status, 200);
    assert.ok(z.safeParse(TicketPage, res.json).success);
    const own = world.tickets.filter((t) => t.contactId === 1);
    assert.equal(res.json.total, own.length);
    assert.ok(res.json.items.every((t: { contactId: number }) => t.contactId === 1));
    const dates = res.json.items.map((t: { createdAt: string }) => t.createdAt);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  it('lists the company view with company permission', async () => {
    const res = await list('?view=company&pageSize=100');
    assert.equal(res.json.total, world.tickets.filter((t) => t.companyId === 1).length);
    assert.ok(res.json.items.some((t: { contactId: number }) => t.contactId === 2));
    assert.ok(res.json.items.every((t: { companyId: number }) => t.companyId === 1));
  });

  it('answers 403 for the company view under permission "own", and 422 naming bad fields', async () => {
    const settings = (await s.admin('GET', '/admin/settings')).json;
    await s.admin('PUT', '/admin/settings', { ...settings, permissions: { mode: 'own' } });
    try {
      assert.ok(isProblem(await list('?view=company'), 403));
      assert.equal((await list('?view=mine')).status, 200);
    } finally {
      await s.admin('PUT', '/admin/settings', settings);
    }
    for (const [query, field] of [['?view=all', 'view'], ['?pageSize=101', 'pageSize'], ['?page=0', 'page'], ['?page=x', 'page'],
      ['?status=gone', 'status'], ['?order=up', 'order'], ['?sort=a%20b', 'sort'], [`?q=${'x'.repeat(201)}`, 'q']]) {
      const res = await list(query);
      assert.ok(isProblem(res, 422), query);
      assert.equal(res.json.errors[0].field, field, query);
    }
  });

  it('applies the visibility rules', async () => {
    const settings = (await s.admin('GET', '/admin/settings')).json;
    const visibility = { any: [{ all: [{ property: 'pipeline', operator: 'eq', value: 'Billing' }] }] };
    await s.admin('PUT', '/admin/settings', { ...settings, visibility });
    try {
      const res = await list('?view=company&pageSize=100');
      const expected = world.tickets.filter((t) => t.companyId === 1 && t.pipeline === 'billing');
      assert.equal(res.json.total, expected.length);
      assert.ok(res.json.items.every((t: { pipeline: string }) => t.pipeline === 'billing'));
      await s.admin('PUT', '/admin/settings', { ...settings, visibility: { any: [] } });
      assert.equal((await list('?view=company')).json.total, 0);
      await s.admin('PUT', '/admin/settings', { ...settings, visibility: { any: [{ all: [] }] } });
      assert.equal((await list('?view=company')).json.total, expected.length + world.tickets.filter((t) => t.companyId === 1 && t.pipeline !== 'billing').length);
    } finally {
      await s.admin('PUT', '/admin/settings', settings);
    }
  });

  it('filters by status', async () => {
    const open = await list('?view=company&status=open&pageSize=100');
    const closed = await list('?view=company&status=closed&pageSize=100');
    const all = await list('?view=company&status=all&pageSize=100');
    assert.equal(open.json.total + closed.json.total, all.json.total);
    assert.ok(open.json.items.every((t: { status: { closed: boolean } }) => !t.status.closed));
    assert.ok(closed.json.items.every((t: { status: { closed: boolean } }) => t.status.closed));
  });

  it('searches subjects (wildcards escaped) and ticket ids', async () => {
    const target = world.tickets.find((t) => t.companyId === 1) as { id: number; subject: string };
    const word = target.subject.split(' ')[1].toUpperCase();
    const res = await list(`?view=company&q=${encodeURIComponent(word)}&pageSize=100`);
    assert.ok(ids(res).includes(target.id));
    assert.ok(res.json.items.every((t: { subject: string }) => t.subject.toLowerCase().includes(word.toLowerCase())));
    assert.deepEqual(ids(await list(`?view=company&q=%23${target.id}`)), [target.id]);
    assert.equal((await list('?view=company&q=%25')).json.total, 0);
    assert.equal((await list('?view=company&q=_')).json.total, 0);
  });

  it('filters by filter[prop]=value, case-insensitively', async () => {
    // Customers filter by properties they are shown: `product` becomes a column.
    const undo = await s.patchSettings((st) => ({ ...st, columns: [...st.columns, 'product'] }));
    const res = await list('?view=company&filter[product]=cloud&filter[pipeline]=SUPPORT&pageSize=100').finally(undo);
    const expected = world.tickets.filter((t) => t.companyId === 1 && t.properties.product === 'Cloud' && t.pipeline === 'support');
    assert.deepEqual(ids(res).sort((a: number, b: number) => a - b), expected.map((t) => t.id));
  });

  it('never shows another company\'s ticket, whatever the filter (IDOR)', async () => {
    const foreign = world.tickets.find((t) => t.companyId !== 1) as { id: number };
    assert.equal((await list(`?view=company&filter[id]=${foreign.id}`)).json.total, 0);
    assert.equal((await list(`?view=mine&filter[id]=${foreign.id}`)).json.total, 0);
    assert.equal((await list(`?view=company&q=${foreign.id}`)).json.total, 0);
    assert.equal((await list(`?view=company&filter[companyId]=${2}`)).json.total, 0);
  });

  it('sorts and pages with a stable total', async () => {
    const all = ids(await list('?view=company&sort=id&order=asc&pageSize=100'));
    assert.deepEqual(all, [...all].sort((a, b) => a - b));
    const page1 = await list('?view=company&sort=id&order=asc&pageSize=5&page=1');
    const page2 = await list('?view=company&sort=id&order=asc&pageSize=5&page=2');
    assert.deepEqual([...ids(page1), ...ids(page2)], all.slice(0, 10));
    assert.equal(page2.json.total, all.length);
    assert.equal(page2.json.page, 2);
    const beyond = await list('?view=company&pageSize=5&page=99');
    assert.deepEqual(beyond.json.items, []);
    assert.equal(beyond.json.total, all.length);
    const bySubject = (await list('?view=company&sort=subject&order=desc&pageSize=100')).json.items.map((t: { subject: string }) => t.subject.toLowerCase());
    assert.deepEqual(bySubject, [...bySubject].sort().reverse());
  });
});
