import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Settings } from '../../../src/contract/settings.js';
import type { TicketQuery } from '../../../src/contract/tickets.js';
import { demoWorld } from '../../../src/domain/demo-world.js';
import { maySeeTicket, scopeFor, type TicketScope } from '../../../src/domain/permissions.js';
import {
  compareSortValues, idFromSearch, matchesFilters, matchesSearch, normalizeQuery, queryTickets, selectTickets, sortValue,
  type QueryContext,
} from '../../../src/domain/ticket-query.js';
import type { AgentRecord } from '../../../src/domain/world.js';
import { idsOf, makeContact, makeTicket, queryContext, sorted } from './fixtures.js';

const q = (input: Partial<TicketQuery> = {}) => normalizeQuery(input);

describe('normalizeQuery', () => {
  it('fills every default', () => {
    assert.deepEqual(normalizeQuery({}), {
      view: 'mine', q: '', status: 'all', sort: 'createdAt', order: 'desc', page: 1, pageSize: 25, filters: {},
    });
  });
  it('keeps given values and ignores undefined ones', () => {
    assert.deepEqual(normalizeQuery({ view: 'company', q: 'x', status: 'open', sort: 'subject', order: 'asc', page: 3, pageSize: 100, filters: { a: 'b' } }), {
      view: 'company', q: 'x', status: 'open', sort: 'subject', order: 'asc', page: 3, pageSize: 100, filters: { a: 'b' },
    });
    assert.deepEqual(normalizeQuery({ sort: undefined, page: undefined, view: 'company' }), {
      view: 'company', q: '', status: 'all', sort: 'createdAt', order: 'desc', page: 1, pageSize: 25, filters: {},
    });
  });
  it('copies the filters', () => {
    const filters = { priority: 'high' };
    const n = normalizeQuery({ filters });
    n.filters.priority = 'low';
    assert.equal(filters.priority, 'high');
  });
  it('accepts a custom property as sort column and a 200-character search', () => {
    assert.equal(normalizeQuery({ sort: 'product_2' }).sort, 'product_2');
    assert.equal(normalizeQuery({ q: 'x'.repeat(200) }).q.length, 200);
  });
  it('rejects bad values', () => {
    const bad: Partial<TicketQuery>[] = [
      { pageSize: 101 }, { pageSize: 0 }, { pageSize: 2.5 }, { page: 0 }, { page: -1 }, { page: 1.5 },
      { sort: 'created-at' }, { sort: '1st' }, { sort: '' }, { sort: 'a b' }, { q: 'x'.repeat(201) },
      { status: 'pending' as never }, { order: 'up' as never }, { view: 'everyone' as never },
    ];
    for (const input of bad) assert.throws(() => normalizeQuery(input), Error, JSON.stringify(input));
  });
});

describe('idFromSearch', () => {
  it('reads "42", "#42" and surrounding blanks', () => {
    assert.equal(idFromSearch('42'), 42);
    assert.equal(idFromSearch('#42'), 42);
    assert.equal(idFromSearch('  #7 '), 7);
    assert.equal(idFromSearch('007'), 7);
  });
  it('anything else is not an id', () => {
    for (const s of ['', '#', '# 42', '42a', 'a42', '-1', '4 2', '1.5', '##1', '1234567890123456']) assert.equal(idFromSearch(s), null, s);
  });
});

describe('matchesSearch', () => {
  const t = makeTicket({ id: 42, subject: 'Übersetzung im Rechnungskopf fehlt' });
  const other = makeTicket({ id: 142, subject: 'Order 4711' });
  it('empty or blank search matches everything', () => {
    assert.equal(matchesSearch(t, ''), true);
    assert.equal(matchesSearch(t, '   '), true);
  });
  it('subject contains the text, case-insensitively (unicode too)', () => {
    assert.equal(matchesSearch(t, 'übersetzung'), true);
    assert.equal(matchesSearch(t, 'ÜBERSETZUNG'), true);
    assert.equal(matchesSearch(t, '  Rechnungskopf  '), true);
    assert.equal(matchesSearch(t, 'uebersetzung'), false);
    assert.equal(matchesSearch(t, 'fehlt nicht'), false);
  });
  it('an id search matches that ticket only', () => {
    assert.equal(matchesSearch(t, '42'), true);
    assert.equal(matchesSearch(t, '#42'), true);
    assert.equal(matchesSearch(other, '#42'), false);
    assert.equal(matchesSearch(other, '42'), false);
    assert.equal(matchesSearch(other, '471'), true, 'digits in the subject still match as text');
    assert.equal(matchesSearch(other, '#4711'), false);
  });
});

describe('matchesFilters', () => {
  const t = makeTicket({ id: 12, pipeline: 'support', priority: 'high', ownerId: 3, properties: { product: 'Cloud', seats: 10, vip: true, region: null } });
  it('no filters match everything', () => assert.equal(matchesFilters(t, {}), true));
  it('core and custom properties compare as text, case-insensitively', () => {
    assert.equal(matchesFilters(t, { priority: 'HIGH' }), true);
    assert.equal(matchesFilters(t, { priority: 'low' }), false);
    assert.equal(matchesFilters(t, { id: '12' }), true);
    assert.equal(matchesFilters(t, { ownerId: '3' }), true);
    assert.equal(matchesFilters(t, { product: 'cloud' }), true);
    assert.equal(matchesFilters(t, { seats: '10' }), true);
    assert.equal(matchesFilters(t, { vip: 'TRUE' }), true);
    assert.equal(matchesFilters(t, { vip: 'false' }), false);
  });
  it('all filters must hold', () => {
    assert.equal(matchesFilters(t, { priority: 'high', product: 'cloud' }), true);
    assert.equal(matchesFilters(t, { priority: 'high', product: 'mobile' }), false);
  });
  it('missing values and unknown properties never match', () => {
    assert.equal(matchesFilters(t, { region: 'null' }), false);
    assert.equal(matchesFilters(makeTicket({ id: 1, priority: null }), { priority: 'null' }), false);
    assert.equal(matchesFilters(t, { nosuch: '' }), false);
    assert.equal(matchesFilters(t, { nosuch: 'x' }), false);
  });
  it('an empty value is missing too: it never matches, not even an empty filter', () => {
    const blank = makeTicket({ id: 1, priority: '', properties: { product: '' } });
    assert.equal(matchesFilters(blank, { priority: '' }), false);
    assert.equal(matchesFilters(blank, { product: '' }), false);
  });
});

describe('compareSortValues', () => {
  it('numbers numerically, text case-insensitively', () => {
    assert.ok(compareSortValues(2, 10) < 0);
    assert.ok(compareSortValues(10, 2) > 0);
    assert.equal(compareSortValues(5, 5), 0);
    assert.ok(compareSortValues('apple', 'Banana') < 0);
    assert.equal(compareSortValues('ABC', 'abc'), 0);
    assert.ok(compareSortValues('2026-01-02T00:00:00.000Z', '2026-01-10T00:00:00.000Z') < 0);
  });
  it('missing values (undefined, null, empty text) come last', () => {
    for (const m of [undefined, null, '']) {
      assert.equal(compareSortValues(m, 'a'), 1);
      assert.equal(compareSortValues('a', m), -1);
      assert.equal(compareSortValues(m, 0), 1);
      assert.equal(compareSortValues(m, undefined), 0);
    }
  });
});

// ---- a small hand-built world for sorting --------------------------------------------------------------
const contacts = [
  makeContact({ id: 1, name: 'Carl', companyId: 1 }),
  makeContact({ id: 2, name: 'anna', companyId: 1 }),
  makeContact({ id: 3, name: 'Bert', companyId: 1 }),
];
const agents: AgentRecord[] = [
  { id: 1, firstName: 'Zoe', lastName: 'Adams', alias: 'Helper' },
  { id: 2, firstName: 'adam', lastName: 'Young', alias: null },
  { id: 3, firstName: 'Mia', lastName: 'Brown', alias: 'Ace' },
];
const d = (day: string) => `2026-${day}T00:00:00.000Z`;
const tickets = [
  makeTicket({ id: 1, subject: 'banana', contactId: 1, createdAt: d('01-03'), lastActivityAt: d('02-01'), ownerId: 1, pipeline: 'support', stage: 'new', properties: { product: 'Cloud', size: 10 } }),
  makeTicket({ id: 2, subject: 'Apple', contactId: 2, createdAt: d('01-01'), lastActivityAt: d('02-05'), ownerId: 2, pipeline: 'support', stage: 'closed', properties: { product: null, size: 9 } }),
  makeTicket({ id: 3, subject: 'cherry', contactId: 3, createdAt: d('01-02'), lastActivityAt: d('02-03'), ownerId: null, pipeline: 'billing', stage: 'received', properties: { product: 'mobile', size: 100 } }),
  makeTicket({ id: 4, subject: 'apple', contactId: 2, createdAt: d('01-02'), lastActivityAt: d('02-05'), ownerId: 3, pipeline: 'support', stage: 'waiting', properties: { product: '' } }),
  makeTicket({ id: 5, subject: 'Date', contactId: 1, createdAt: d('01-05'), lastActivityAt: d('02-02'), ownerId: 1, pipeline: 'billing', stage: 'resolved', properties: { product: 'cloud', size: 10 } }),
  makeTicket({ id: 6, subject: 'elder', contactId: 3, createdAt: d('01-04'), lastActivityAt: d('02-04'), ownerId: 2, pipeline: 'support', stage: 'legacy', properties: { product: 'On-prem', size: 2 } }),
  // another company's ticket: never in scope
  makeTicket({ id: 7, subject: 'apple pie', contactId: 9, companyId: 2 }),
];
const company1: TicketScope = { kind: 'company', companyId: 1 };
const ctx = queryContext(contacts, agents);
const order = (sort: string, dir: 'asc' | 'desc', c: QueryContext = ctx) =>
  idsOf(selectTickets(tickets, company1, q({ view: 'company', sort, order: dir }), c));

describe('sortValue', () => {
  it('derived columns', () => {
    assert.equal(sortValue(tickets[1], 'requester', ctx), 'anna');
    assert.equal(sortValue(tickets[6], 'requester', ctx), undefined);
    assert.equal(sortValue(tickets[0], 'owner', ctx), 'Zoe');
    assert.equal(sortValue(tickets[0], 'owner', queryContext(contacts, agents, { ownerName: 'alias' })), 'Helper');
    assert.equal(sortValue(tickets[2], 'owner', ctx), undefined);
    assert.equal(sortValue(tickets[0], 'status', ctx), 0);
    assert.equal(sortValue(tickets[3], 'status', ctx), 1);
    assert.equal(sortValue(tickets[1], 'status', ctx), 1002);
    assert.equal(sortValue(tickets[4], 'status', ctx), 1001);
    assert.equal(sortValue(tickets[5], 'status', ctx), undefined, 'unknown stage');
  });
  it('core and custom properties', () => {
    assert.equal(sortValue(tickets[0], 'id', ctx), 1);
    assert.equal(sortValue(tickets[0], 'subject', ctx), 'banana');
    assert.equal(sortValue(tickets[0], 'size', ctx), 10);
    assert.equal(sortValue(tickets[1], 'product', ctx), null);
    assert.equal(sortValue(tickets[3], 'size', ctx), undefined);
    assert.equal(sortValue(tickets[0], 'nosuch', ctx), undefined);
  });
});

describe('selectTickets: sorting', () => {
  const expectations: [string, number[], number[]][] = [
    ['id', [1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1]],
    ['subject', [2, 4, 1, 3, 5, 6], [6, 5, 3, 1, 4, 2]],
    ['requester', [2, 4, 3, 6, 1, 5], [5, 1, 6, 3, 4, 2]],
    ['createdAt', [2, 3, 4, 1, 6, 5], [5, 6, 1, 4, 3, 2]],
    ['owner', [2, 6, 4, 1, 5, 3], [5, 1, 4, 6, 2, 3]],
    ['lastActivityAt', [1, 5, 3, 6, 2, 4], [4, 2, 6, 3, 5, 1]],
    // ticket 6 has an unknown stage: its status sort value is missing, so it goes last (although it displays as open)
    ['status', [1, 3, 4, 5, 2, 6], [2, 5, 4, 3, 1, 6]],
    ['product', [1, 5, 3, 6, 2, 4], [6, 3, 5, 1, 4, 2]],
    ['size', [6, 2, 1, 5, 3, 4], [3, 5, 1, 2, 6, 4]],
  ];
  for (const [column, asc, desc] of expectations) {
    it(`by ${column}, ascending and descending`, () => {
      assert.deepEqual(order(column, 'asc'), asc);
      assert.deepEqual(order(column, 'desc'), desc);
    });
  }
  it('owner sorting follows the owner-name setting', () => {
    assert.deepEqual(order('owner', 'asc', queryContext(contacts, agents, { ownerName: 'last' })), [1, 5, 4, 2, 6, 3]);
    assert.deepEqual(order('owner', 'asc', queryContext(contacts, agents, { ownerName: 'alias' })), [4, 2, 6, 1, 5, 3]);
  });
  it('an unknown column leaves every value missing: order by id in the sort direction', () => {
    assert.deepEqual(order('nosuch', 'asc'), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(order('nosuch', 'desc'), [6, 5, 4, 3, 2, 1]);
  });
  it('does not depend on input order', () => {
    const reversed = [...tickets].reverse();
    assert.deepEqual(idsOf(selectTickets(reversed, company1, q({ sort: 'subject', order: 'asc' }), ctx)), [2, 4, 1, 3, 5, 6]);
    assert.deepEqual(idsOf(selectTickets(reversed, company1, q({ sort: 'product', order: 'desc' }), ctx)), [6, 3, 5, 1, 4, 2]);
  });
});

describe('selectTickets: scope, status, search, filters', () => {
  it('scope: contact or company', () => {
    assert.deepEqual(sorted(idsOf(selectTickets(tickets, { kind: 'contact', contactId: 2 }, q(), ctx))), [2, 4]);
    assert.deepEqual(sorted(idsOf(selectTickets(tickets, { kind: 'company', companyId: 2 }, q(), ctx))), [7]);
  });
  it('status filter (unknown stage counts as open)', () => {
    assert.deepEqual(order2({ status: 'open' }), [1, 3, 4, 6]);
    assert.deepEqual(order2({ status: 'closed' }), [2, 5]);
    assert.deepEqual(order2({ status: 'all' }), [1, 2, 3, 4, 5, 6]);
  });
  it('visibility rules apply', () => {
    const c = queryContext(contacts, agents, { visibility: { any: [{ all: [{ property: 'pipeline', operator: 'eq', value: 'billing' }] }] } });
    assert.deepEqual(idsOf(selectTickets(tickets, company1, q({ sort: 'id', order: 'asc' }), c)), [3, 5]);
  });
  it('search and filters', () => {
    assert.deepEqual(order2({ q: 'APPLE' }), [2, 4]);
    assert.deepEqual(order2({ q: '#5' }), [5]);
    assert.deepEqual(order2({ q: '#7' }), [], 'id search does not leave the scope');
    assert.deepEqual(order2({ filters: { product: 'CLOUD' } }), [1, 5]);
    assert.deepEqual(order2({ filters: { product: 'cloud', pipeline: 'billing' } }), [5]);
    assert.deepEqual(order2({ filters: { size: '10' } }), [1, 5]);
    assert.deepEqual(order2({ filters: { nosuch: 'x' } }), []);
    assert.deepEqual(order2({ q: 'a', status: 'open', filters: { pipeline: 'support' } }), [1, 4]);
  });
  function order2(input: Partial<TicketQuery>) {
    return idsOf(selectTickets(tickets, company1, q({ sort: 'id', order: 'asc', ...input }), ctx));
  }
});

// ---- the seeded demo world ---------------------------------------------------------------------------
describe('queryTickets over the demo world', () => {
  const w = demoWorld();
  const wctx = queryContext(w.contacts, w.agents, { visibility: w.settings.visibility, permissions: w.settings.permissions }, w.pipelines);
  const anna = w.contacts.find((c) => c.id === 1)!;
  const annaCompany = scopeFor(w.settings, anna, 'company')!;
  const annaMine = scopeFor(w.settings, anna, 'mine')!;
  const COMPANY_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 17, 21, 27, 32, 41, 47, 50, 54, 57, 59];
  const run = (scope: TicketScope, input: Partial<TicketQuery>) =>
    idsOf(selectTickets(w.tickets, scope, q({ sort: 'id', order: 'asc', ...input }), wctx));

  it('default query: newest first, 25 per page', () => {
    const page = queryTickets(w.tickets, annaCompany, q({ view: 'company' }), wctx);
    assert.equal(page.total, 24);
    assert.equal(page.page, 1);
    assert.equal(page.pageSize, 25);
    assert.equal(page.items.length, 24);
    const created = page.items.map((i) => i.createdAt);
    assert.deepEqual(created, [...created].sort().reverse());
    assert.equal(page.items[0].id, 27, 'ticket 27 is the newest of company 1 (2026-10-28)');
    assert.equal(page.items[23].id, 4, 'ticket 4 is the oldest of company 1 (2026-07-09)');
    assert.equal(page.items[22].id, 57, 'ticket 57 is next (2026-07-19)');
  });
  it('status filter', () => {
    assert.deepEqual(run(annaCompany, { status: 'closed' }), [1, 9, 10, 11, 12, 21, 32, 41, 47, 57, 59]);
    assert.deepEqual(run(annaCompany, { status: 'open' }), [2, 3, 4, 5, 6, 7, 8, 13, 14, 17, 27, 50, 54]);
    assert.deepEqual(run(annaMine, { status: 'open' }), [2, 4, 6, 8, 14, 27, 54]);
    assert.deepEqual(run(annaMine, { status: 'closed' }), [10, 12, 21, 41, 47, 57, 59]);
  });
  it('search by subject, unicode included', () => {
    assert.deepEqual(run(annaCompany, { q: 'Übersetzung' }), [12]);
    assert.deepEqual(run(annaCompany, { q: 'übersetzung' }), [12]);
    assert.deepEqual(run({ kind: 'company', companyId: 2 }, { q: 'ÜBERSETZUNG' }), [34]);
    assert.deepEqual(run(annaCompany, { q: 'FÖRFALLODATUM' }), [7, 54]);
    assert.deepEqual(run(annaCompany, { q: 'two-factor' }), [8, 13]);
  });
  it('search by id', () => {
    assert.deepEqual(run({ kind: 'company', companyId: 3 }, { q: '42' }), [42]);
    assert.deepEqual(run({ kind: 'company', companyId: 3 }, { q: '#42' }), [42]);
    assert.deepEqual(run(annaCompany, { q: '#42' }), [], 'ticket 42 belongs to Sundby ApS');
    assert.deepEqual(run(annaCompany, { q: '#12' }), [12]);
  });
  it('filters on core and custom properties', () => {
    assert.deepEqual(run(annaCompany, { filters: { priority: 'high' } }), [3, 10, 12, 13, 21, 32]);
    assert.deepEqual(run(annaCompany, { filters: { product: 'cloud' } }), [3, 6, 7, 9, 12, 14, 32]);
    assert.deepEqual(run(annaCompany, { filters: { priority: 'High', product: 'CLOUD' } }), [3, 12, 32]);
    assert.deepEqual(run(annaCompany, { filters: { pipeline: 'billing' } }), [1, 6, 7, 50, 59]);
    assert.deepEqual(run(annaCompany, { filters: { ownerId: '3' } }), [2, 8, 9, 13, 17, 32, 41, 47, 50]);
    assert.deepEqual(run(annaCompany, { filters: { contactId: '1' } }), [2, 4, 6, 8, 10, 12, 14, 21, 27, 41, 47, 54, 57, 59]);
    assert.deepEqual(run(annaCompany, { filters: { nosuch: 'cloud' } }), []);
  });
  it('pagination: pages partition the result', () => {
    const seen: number[] = [];
    for (let page = 1; page <= 4; page++) {
      const p = queryTickets(w.tickets, annaCompany, q({ view: 'company', sort: 'subject', order: 'asc', page, pageSize: 7 }), wctx);
      assert.equal(p.total, 24);
      assert.equal(p.page, page);
      assert.equal(p.pageSize, 7);
      assert.equal(p.items.length, page < 4 ? 7 : 3);
      seen.push(...idsOf(p.items));
    }
    assert.equal(new Set(seen).size, 24, 'no duplicates');
    assert.deepEqual(sorted(seen), COMPANY_1);
    const subjects = seen.map((id) => w.tickets[id - 1].subject.toLowerCase());
    assert.deepEqual(subjects, [...subjects].sort());
    const beyond = queryTickets(w.tickets, annaCompany, q({ view: 'company', page: 5, pageSize: 7 }), wctx);
    assert.deepEqual(beyond.items, []);
    assert.equal(beyond.total, 24);
    assert.equal(beyond.page, 5);
  });
  it('items are display summaries', () => {
    const p = queryTickets(w.tickets, annaCompany, q({ view: 'company', q: '#12' }), wctx);
    assert.equal(p.items.length, 1);
    assert.equal(p.items[0].requesterName, 'Anna Berg');
    assert.equal(p.items[0].ownerName, 'Jonas');
    assert.deepEqual(p.items[0].status, { label: 'Closed', closed: true });
  });
  it('sorting by status puts open stages first, then closed ones', () => {
    const rows = run(annaCompany, { sort: 'status', order: 'asc', status: 'all' });
    const closed = new Set([1, 9, 10, 11, 12, 21, 32, 41, 47, 57, 59]);
    assert.deepEqual(rows.slice(0, 13).every((id) => !closed.has(id)), true);
    assert.deepEqual(rows.slice(13).every((id) => closed.has(id)), true);
  });
  it('missing priorities go last in both directions, ties by id in the sort direction', () => {
    // company 1 priorities: null = 6, 8, 9, 41, 59
    const asc = run(annaCompany, { sort: 'priority', order: 'asc' });
    const desc = run(annaCompany, { sort: 'priority', order: 'desc' });
    assert.deepEqual(asc.slice(-5), [6, 8, 9, 41, 59]);
    assert.deepEqual(desc.slice(-5), [59, 41, 9, 8, 6]);
    // "high" < "low" < "medium" as text
    assert.deepEqual(asc.slice(0, 6), [3, 10, 12, 13, 21, 32]);
    assert.deepEqual(desc.slice(0, 7), [57, 54, 47, 14, 7, 5, 4]);
  });
});

// ---- property test: random small worlds and queries ----------------------------------------------------
describe('queryTickets property: only permitted tickets, pages partition the selection', () => {
  type Cond = { property: 'pipeline' | 'priority' | 'product'; operator: 'eq' | 'neq' | 'in' | 'known' | 'unknown'; value?: string | string[] };
  const text = fc.constantFrom('support', 'billing', 'high', 'low', 'cloud', 'Cloud', '');
  const cond: fc.Arbitrary<Cond> = fc.record({
    property: fc.constantFrom('pipeline', 'priority', 'product'),
    operator: fc.constantFrom('eq', 'neq', 'in', 'known', 'unknown'),
    one: text,
    many: fc.array(text, { maxLength: 3 }),
  }).map(({ property, operator, one, many }) =>
    operator === 'known' || operator === 'unknown' ? { property, operator }
      : operator === 'in' ? { property, operator, value: many } : { property, operator, value: one });
  const groups = fc.array(fc.array(cond, { maxLength: 3 }).map((all) => ({ all })), { maxLength: 3 }).map((any) => ({ any }));

  const contactArb = fc.record({
    companyId: fc.constantFrom(null, 1, 2),
    role: fc.constantFrom('admin', 'Admin', 'member', undefined),
    name: fc.constantFrom('anna', 'Bert', 'carl', ''),
  });
  const ticketArb = fc.record({
    contactIndex: fc.nat(6),
    companyId: fc.constantFrom(null, 1, 2, 3),
    pipeline: fc.constantFrom('support', 'billing', 'sales'),
    stage: fc.constantFrom('new', 'waiting', 'closed', 'received', 'resolved', 'legacy'),
    priority: fc.constantFrom(null, 'low', 'high', 'HIGH', ''),
    ownerId: fc.constantFrom(null, 1, 2, 3, 9),
    subject: fc.constantFrom('Apple', 'apple pie', 'Banana', 'Übersetzung fehlt', '#1 issue', ''),
    day: fc.integer({ min: 1, max: 28 }),
    product: fc.constantFrom(undefined, null, '', 'Cloud', 'cloud', 'Mobile'),
    size: fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 20 })),
  });
  const worldArb = fc.record({
    contacts: fc.array(contactArb, { minLength: 1, maxLength: 5 }),
    tickets: fc.array(ticketArb, { maxLength: 25 }),
    mode: fc.constantFrom('own', 'company', 'company-for-group', 'company-for-group-none'),
    visibility: fc.oneof(fc.constant(null), groups),
    who: fc.nat(10),
    ownerName: fc.constantFrom('first', 'full', 'last', 'alias'),
  });
  const queryArb = fc.record({
    view: fc.constantFrom('mine', 'company'),
    q: fc.constantFrom('', 'apple', 'ÜBER', '#1', '2', ' 3 '),
    status: fc.constantFrom('open', 'closed', 'all'),
    sort: fc.constantFrom('id', 'subject', 'requester', 'createdAt', 'owner', 'lastActivityAt', 'status', 'product', 'size', 'priority', 'nosuch'),
    order: fc.constantFrom('asc', 'desc'),
    pageSize: fc.integer({ min: 1, max: 8 }),
    filters: fc.constantFrom<Record<string, string>>(
      {}, { priority: 'high' }, { product: 'CLOUD' }, { pipeline: 'support', priority: 'low' }, { nosuch: 'x' },
      { priority: 'null' }, { product: '' }, { product: 'null' },
    ),
  }) as fc.Arbitrary<Pick<TicketQuery, 'view' | 'q' | 'status' | 'sort' | 'order' | 'pageSize' | 'filters'>>;

  const CLOSED_STAGES = new Set(['support/closed', 'billing/resolved']);
  const missing = (v: unknown) => v === undefined || v === null || v === '';
  const lower = (v: unknown) => String(v).toLowerCase();
  function refCond(c: Cond, v: unknown): boolean {
    if (c.operator === 'known') return !missing(v);
    if (c.operator === 'unknown') return missing(v);
    if (missing(v)) return c.operator === 'neq';
    if (c.operator === 'in') return (c.value as string[]).some((x) => lower(x) === lower(v));
    return c.operator === 'eq' ? lower(v) === lower(c.value) : lower(v) !== lower(c.value);
  }

  it('holds for random worlds', () => {
    fc.assert(
      fc.property(worldArb, queryArb, (world, query) => {
        const contacts = world.contacts.map((c, i) =>
          makeContact({ id: i + 1, name: c.name, companyId: c.companyId, properties: c.role === undefined ? {} : { role: c.role } }));
        const tickets = world.tickets.map((t, i) => makeTicket({
          id: i + 1, contactId: t.contactIndex + 1, companyId: t.companyId, pipeline: t.pipeline, stage: t.stage,
          priority: t.priority, ownerId: t.ownerId, subject: t.subject,
          createdAt: `2026-03-${String(t.day).padStart(2, '0')}T00:00:00.000Z`, lastActivityAt: `2026-04-${String(29 - t.day).padStart(2, '0')}T00:00:00.000Z`,
          properties: { ...(t.product === undefined ? {} : { product: t.product }), ...(t.size === undefined ? {} : { size: t.size }) },
        }));
        const permissions: Settings['permissions'] = world.mode === 'company-for-group'
          ? { mode: 'company-for-group', group: { any: [{ all: [{ property: 'role', operator: 'eq', value: 'admin' }] }] } }
          : world.mode === 'company-for-group-none' ? { mode: 'company-for-group' } : { mode: world.mode };
        const visibility = world.visibility as Settings['visibility'];
        const c = queryContext(contacts, agents, { permissions, visibility, ownerName: world.ownerName as Settings['ownerName'] });
        const rulesOf = { permissions, visibility };
        const contact = contacts[world.who % contacts.length];

        // independent reference of the permission rules
        const refCompany = contact.companyId !== null && (world.mode === 'company'
          || (world.mode === 'company-for-group' && contact.properties.role !== undefined && lower(contact.properties.role) === 'admin'));
        const refVisible = (t: (typeof tickets)[number]) => world.visibility === null
          || world.visibility.any.some((g) => g.all.every((cd) => refCond(cd, cd.property === 'product' ? t.properties.product : t[cd.property])));
        const refMaySee = (t: (typeof tickets)[number]) =>
          (t.contactId === contact.id || (refCompany && t.companyId === contact.companyId)) && refVisible(t);

        for (const t of tickets) assert.equal(maySeeTicket(rulesOf, contact, t), refMaySee(t), `maySeeTicket for ticket ${t.id}`);

        const scope = scopeFor(rulesOf, contact, query.view);
        if (query.view === 'company' && !refCompany) {
          assert.equal(scope, null);
          return;
        }
        assert.ok(scope);
        const full = normalizeQuery({ ...query });
        const selected = selectTickets(tickets, scope, full, c);

        // pages partition the selection, in order, without duplicates; total is stable; past the end is empty
        const pages = Math.ceil(selected.length / query.pageSize);
        const union: number[] = [];
        for (let page = 1; page <= pages + 1; page++) {
          const p = queryTickets(tickets, scope, normalizeQuery({ ...query, page }), c);
          assert.equal(p.total, selected.length);
          if (page > pages) assert.equal(p.items.length, 0);
          else assert.equal(p.items.length, page < pages ? query.pageSize : selected.length - (pages - 1) * query.pageSize);
          union.push(...idsOf(p.items));
        }
        assert.deepEqual(union, idsOf(selected));
        assert.equal(new Set(union).size, union.length);

        // every row is permitted, in view, and passes status / filters / search
        const byId = new Map(tickets.map((t) => [t.id, t]));
        const qText = query.q.trim().toLowerCase();
        for (const id of union) {
          const t = byId.get(id)!;
          assert.ok(refMaySee(t), `ticket ${id} must not be listed`);
          assert.ok(maySeeTicket(rulesOf, contact, t), `maySeeTicket disagrees for ${id}`);
          if (query.view === 'mine') assert.equal(t.contactId, contact.id);
          else assert.equal(t.companyId, contact.companyId);
          const closed = CLOSED_STAGES.has(`${t.pipeline}/${t.stage}`);
          if (query.status !== 'all') assert.equal(closed, query.status === 'closed');
          for (const [k, v] of Object.entries(query.filters)) {
            const actual = k === 'product' ? t.properties.product : (t as unknown as Record<string, unknown>)[k];
            assert.ok(!missing(actual) && lower(actual) === lower(v), `filter ${k}`);
          }
          if (qText !== '') assert.ok(t.subject.toLowerCase().includes(qText) || qText.replace(/^#/, '') === String(id));
        }

        // completeness: exactly the permitted tickets of the view that pass status, filters and search
        const idSearch = /^#?(\d+)$/.exec(qText);
        const refRow = (t: (typeof tickets)[number]) => refMaySee(t)
          && (query.view === 'mine' ? t.contactId === contact.id : t.companyId === contact.companyId)
          && (query.status === 'all' || CLOSED_STAGES.has(`${t.pipeline}/${t.stage}`) === (query.status === 'closed'))
          && Object.entries(query.filters).every(([k, v]) => {
            const actual = k === 'product' ? t.properties.product : (t as unknown as Record<string, unknown>)[k];
            return !missing(actual) && lower(actual) === lower(v);
          })
          && (qText === '' || t.subject.toLowerCase().includes(qText) || (idSearch !== null && Number(idSearch[1]) === t.id));
        assert.deepEqual(sorted(union), idsOf(tickets.filter(refRow)));

        // without status, search and filters: exactly the permitted tickets of the view
        const everything = selectTickets(tickets, scope, normalizeQuery({ view: query.view, sort: query.sort, order: query.order }), c);
        const expected = tickets.filter((t) => refMaySee(t) && (query.view === 'mine' ? t.contactId === contact.id : t.companyId === contact.companyId));
        assert.deepEqual(sorted(idsOf(everything)), idsOf(expected));

        // missing sort values are last
        const keyMissing = selected.map((t) => missing(sortValue(t, query.sort, c)));
        const firstMissing = keyMissing.indexOf(true);
        if (firstMissing >= 0) assert.ok(keyMissing.slice(firstMissing).every(Boolean), 'missing values last');
      }),
      { numRuns: 400 },
    );
  });
});
