import assert from 'node:assert/strict';
import { exposedProperties } from '../../src/domain/exposed-properties.js';
import { after, before, describe, it } from 'node:test';
import type { FilterGroups } from '../../src/contract/filters.js';
import type { Settings } from '../../src/contract/settings.js';
import type { TicketQuery } from '../../src/contract/tickets.js';
import { demoWorld } from '../../src/domain/demo-world.js';
import { scopeFor } from '../../src/domain/permissions.js';
import { normalizeQuery, queryTickets } from '../../src/domain/ticket-query.js';
import { testServer, type TestServer } from './helpers.js';

/** The same queries through the HTTP API (SQL) and through the domain's in-memory `queryTickets` must agree. */
const world = demoWorld();

function domainPage(settings: Settings, contactId: number, query: TicketQuery) {
  const contact = world.contacts.find((c) => c.id === contactId);
  assert.ok(contact);
  const scope = scopeFor(settings, contact, query.view);
  assert.ok(scope);
  const page = queryTickets(world.tickets, scope, query, {
    pipelines: world.pipelines,
    contacts: new Map(world.contacts.map((c) => [c.id, c])),
    agents: new Map(world.agents.map((a) => [a.id, a])),
    settings,
  });
  // Customers receive only the exposed properties (columns, form fields).
  return { ...page, items: page.items.map((t) => ({ ...t, properties: exposedProperties(t.properties, settings) })) };
}

function toSearch(query: Partial<TicketQuery>) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (k === 'filters') for (const [name, value] of Object.entries(v as Record<string, string>)) p.set(`filter[${name}]`, value);
    else p.set(k, String(v));
  }
  return `?${p}`;
}

const cond = (property: string, operator: string, value?: unknown) => ({ property, operator, ...(value === undefined ? {} : { value }) });
const VISIBILITY: (FilterGroups | null)[] = [
  null,
  { any: [] },
  { any: [{ all: [] }] },
  { any: [{ all: [cond('priority', 'unknown')] }] },
  { any: [{ all: [cond('priority', 'neq', 'HIGH')] }] },
  { any: [{ all: [cond('priority', 'in', ['low', 'Medium'])] }, { all: [cond('product', 'eq', 'mobile')] }] },
  { any: [{ all: [cond('product', 'contains', 'CLO'), cond('stage', 'neq', 'closed')] }] },
  { any: [{ all: [cond('ownerId', 'gt', 1), cond('createdAt', 'lt', '2026-09-15')] }] },
  { any: [{ all: [cond('id', 'lt', '3'), cond('ownerId', 'known')] }] },
  { any: [{ all: [cond('subject', 'contains', 'invoice')] }, { all: [cond('id', 'eq', [5])] }, { all: [cond('nothing', 'neq', 1)] }] },
] as FilterGroups[];

const QUERIES: Partial<TicketQuery>[] = [
  {},
  { view: 'company', pageSize: 100 },
  { view: 'company', status: 'open', sort: 'status', order: 'asc', pageSize: 7, page: 2 },
  { view: 'company', status: 'closed', sort: 'owner', order: 'desc', pageSize: 100 },
  { view: 'company', sort: 'owner', order: 'asc', pageSize: 100 },
  { view: 'company', sort: 'priority', order: 'asc', pageSize: 100 },
  { view: 'company', sort: 'priority', order: 'desc', pageSize: 100 },
  { view: 'company', sort: 'requester', order: 'asc', pageSize: 100 },
  { view: 'company', sort: 'lastActivityAt', order: 'asc', pageSize: 3, page: 3 },
  { view: 'company', sort: 'product', order: 'desc', q: 'the', pageSize: 100 },
  { view: 'company', q: '#4', pageSize: 100 },
  { view: 'company', q: '  EXPORT ', pageSize: 100 },
  { view: 'company', filters: { product: 'CLOUD' }, sort: 'ownerId', pageSize: 100 },
  { view: 'company', filters: { priority: 'high', stage: 'New' }, pageSize: 100 },
];

describe('HTTP list = domain queryTickets over demoWorld', () => {
  let s: TestServer;
  let base: Settings;
  const sessions = new Map<number, string>();
  before(async () => {
    s = await testServer();
    const stored: Settings = (await s.admin('GET', '/admin/settings')).json;
    // `product` is a column, so customers may filter by it.
    base = { ...stored, columns: [...stored.columns, 'product'] };
    sessions.set(1, await s.login());
    sessions.set(3, await s.login('elin@fjord.example'));
  });
  after(() => s.close());

  const variants = (vi: number): Partial<Settings>[] => [
    {},
    { ownerName: 'full', statusDisplay: 'stages' },
    { ownerName: vi % 2 ? 'alias' : 'last' },
  ];

  for (const [vi, visibility] of VISIBILITY.entries()) {
    it(`agrees under visibility rule #${vi}`, async () => {
      for (const variant of variants(vi)) {
        const settings: Settings = { ...base, ...variant, visibility };
        assert.equal((await s.admin('PUT', '/admin/settings', settings)).status, 200);
        for (const contactId of [1, 3]) {
          for (const partial of QUERIES) {
            const expected = domainPage(settings, contactId, normalizeQuery(partial));
            const res = await s.call('GET', `/tickets${toSearch(partial)}`, { cookie: sessions.get(contactId) });
            assert.equal(res.status, 200, res.text);
            const label = `${JSON.stringify(partial)} ${JSON.stringify(variant)} contact ${contactId}`;
            assert.deepEqual(res.json.items.map((t: { id: number }) => t.id), expected.items.map((t) => t.id), label);
            assert.equal(res.json.total, expected.total, label);
            assert.deepEqual(res.json, JSON.parse(JSON.stringify(expected)), label);
          }
        }
      }
    });
  }

  it('refuses a sort by a property customers are not shown (400 unknown-sort naming sort) instead of ordering by it', async () => {
    const res = await s.call('GET', `/tickets${toSearch({ view: 'company', sort: 'unknownProperty', order: 'asc', pageSize: 100 })}`, { cookie: sessions.get(1) });
    assert.equal(res.status, 400, res.text);
    assert.equal(res.json.type, 'urn:portal:problem:unknown-sort');
    assert.deepEqual(res.json.errors.map((e: { field: string }) => e.field), ['sort']);
  });
});
