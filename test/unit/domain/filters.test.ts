import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FilterCondition, FilterGroups } from '../../../src/contract/filters.js';
import { asNumber, compareOrdered, comparable, matchesCondition, matchesGroups } from '../../../src/domain/filters.js';
import { contactValue, ticketValue } from '../../../src/domain/world.js';
import { bag, makeContact, makeTicket } from './fixtures.js';

const c = (property: string, operator: FilterCondition['operator'], value?: FilterCondition['value']): FilterCondition =>
  value === undefined ? { property, operator } : { property, operator, value };

const item = bag({
  pipeline: 'Support',
  subject: 'Übersetzung im Rechnungskopf fehlt',
  amount: 42,
  amountText: '42',
  big: 10,
  bigText: '10',
  word: 'abc',
  vip: true,
  archived: false,
  zero: 0,
  empty: '',
  nothing: null,
  date: '2026-09-01T10:00:00.000Z',
  name: 'Bert',
});
const holds = (cond: FilterCondition) => matchesCondition(cond, item);

describe('comparable / asNumber / compareOrdered', () => {
  it('comparable lower-cases text and stringifies numbers and booleans', () => {
    assert.equal(comparable('SuPPort'), 'support');
    assert.equal(comparable(42), '42');
    assert.equal(comparable(true), 'true');
    assert.equal(comparable('ÜBER'), 'über');
  });
  it('asNumber parses numbers and numeric text only', () => {
    assert.equal(asNumber(7), 7);
    assert.equal(asNumber('3.5'), 3.5);
    assert.equal(asNumber(' 12 '), 12);
    assert.ok(Number.isNaN(asNumber('')));
    assert.ok(Number.isNaN(asNumber('   ')));
    assert.ok(Number.isNaN(asNumber('abc')));
    assert.ok(Number.isNaN(asNumber(true)));
  });
  it('compareOrdered is numeric against a number and textual otherwise', () => {
    assert.ok((compareOrdered('10', 9) as number) > 0);
    assert.equal(compareOrdered('abc', 9), undefined);
    assert.equal(compareOrdered(true, 0), undefined);
    assert.ok((compareOrdered('b', 'A') as number) > 0);
    assert.equal(compareOrdered('ABC', 'abc'), 0);
    assert.ok((compareOrdered(10, '9') as number) < 0, 'a text condition value orders as text');
  });
});

describe('matchesCondition: eq / neq', () => {
  it('eq compares text case-insensitively', () => {
    assert.equal(holds(c('pipeline', 'eq', 'support')), true);
    assert.equal(holds(c('pipeline', 'eq', 'SUPPORT')), true);
    assert.equal(holds(c('pipeline', 'eq', 'billing')), false);
    assert.equal(holds(c('pipeline', 'eq', 'Suppor')), false);
    assert.equal(holds(c('subject', 'eq', 'übersetzung im rechnungskopf fehlt')), true);
  });
  it('eq treats numbers and numeric text alike', () => {
    assert.equal(holds(c('amount', 'eq', 42)), true);
    assert.equal(holds(c('amount', 'eq', '42')), true);
    assert.equal(holds(c('amountText', 'eq', 42)), true);
    assert.equal(holds(c('amount', 'eq', 41)), false);
    assert.equal(holds(c('zero', 'eq', 0)), true);
  });
  it('eq on booleans matches booleans and their text', () => {
    assert.equal(holds(c('vip', 'eq', true)), true);
    assert.equal(holds(c('vip', 'eq', 'TRUE')), true);
    assert.equal(holds(c('vip', 'eq', false)), false);
    assert.equal(holds(c('archived', 'eq', false)), true);
    assert.equal(holds(c('archived', 'eq', 'false')), true);
    assert.equal(holds(c('archived', 'eq', true)), false);
  });
  it('eq with a list of two values never matches', () => {
    assert.equal(holds(c('pipeline', 'eq', ['support', 'billing'])), false);
  });
  it('neq is the negation of eq for present values', () => {
    assert.equal(holds(c('pipeline', 'neq', 'billing')), true);
    assert.equal(holds(c('pipeline', 'neq', 'SUPPORT')), false);
    assert.equal(holds(c('amount', 'neq', '42')), false);
    assert.equal(holds(c('amount', 'neq', 43)), true);
    assert.equal(holds(c('vip', 'neq', false)), true);
    assert.equal(holds(c('vip', 'neq', 'true')), false);
  });
});

describe('matchesCondition: in / contains', () => {
  it('in matches any listed value, case-insensitively and numbers as text', () => {
    assert.equal(holds(c('pipeline', 'in', ['billing', 'SUPPORT'])), true);
    assert.equal(holds(c('pipeline', 'in', ['billing', 'sales'])), false);
    assert.equal(holds(c('amount', 'in', ['1', '42'])), true);
    assert.equal(holds(c('amountText', 'in', [7, 42])), true);
    assert.equal(holds(c('vip', 'in', ['yes', true])), true);
    assert.equal(holds(c('archived', 'in', [true])), false);
  });
  it('in with an empty list matches nothing', () => {
    assert.equal(holds(c('pipeline', 'in', [])), false);
  });
  it('contains is a case-insensitive substring test (unicode too)', () => {
    assert.equal(holds(c('subject', 'contains', 'ÜBERSETZUNG')), true);
    assert.equal(holds(c('subject', 'contains', 'rechnungskopf')), true);
    assert.equal(holds(c('subject', 'contains', 'Rechnung fehlt')), false);
    assert.equal(holds(c('pipeline', 'contains', 'port')), true);
    assert.equal(holds(c('amount', 'contains', '4')), true);
    assert.equal(holds(c('amount', 'contains', 2)), true);
    assert.equal(holds(c('amount', 'contains', '5')), false);
  });
});

describe('matchesCondition: gt / lt', () => {
  it('numbers compare numerically (10 > 9, not as text)', () => {
    assert.equal(holds(c('big', 'gt', 9)), true);
    assert.equal(holds(c('big', 'lt', 9)), false);
    assert.equal(holds(c('big', 'lt', 11)), true);
    assert.equal(holds(c('big', 'gt', 10)), false);
    assert.equal(holds(c('big', 'lt', 10)), false);
    assert.equal(holds(c('zero', 'lt', 1)), true);
  });
  it('numeric text compares numerically against a number', () => {
    assert.equal(holds(c('bigText', 'gt', 9)), true);
    assert.equal(holds(c('bigText', 'lt', 100)), true);
    assert.equal(holds(c('bigText', 'gt', 10.5)), false);
  });
  it('non-numeric values are neither greater nor less than a number', () => {
    for (const property of ['word', 'vip', 'archived']) {
      assert.equal(holds(c(property, 'gt', 0)), false, `${property} gt`);
      assert.equal(holds(c(property, 'lt', 0)), false, `${property} lt`);
      assert.equal(holds(c(property, 'gt', -1e9)), false, `${property} gt`);
      assert.equal(holds(c(property, 'lt', 1e9)), false, `${property} lt`);
    }
  });
  it('text compares case-insensitively as text (ISO dates order correctly)', () => {
    assert.equal(holds(c('date', 'gt', '2026-08-31T23:59:59.999Z')), true);
    assert.equal(holds(c('date', 'lt', '2026-08-31T23:59:59.999Z')), false);
    assert.equal(holds(c('date', 'lt', '2026-09-01T10:00:00.001Z')), true);
    assert.equal(holds(c('name', 'gt', 'alice')), true);
    assert.equal(holds(c('name', 'lt', 'CARL')), true);
    assert.equal(holds(c('name', 'gt', 'BERT')), false);
    assert.equal(holds(c('name', 'lt', 'bert')), false);
  });
  it('a stored number against a text condition value orders as text (documented)', () => {
    // "10" < "9" as text
    assert.equal(holds(c('big', 'gt', '9')), false);
    assert.equal(holds(c('big', 'lt', '9')), true);
  });
});

describe('matchesCondition: known / unknown and missing values', () => {
  it('known/unknown: undefined, null and empty text are missing; 0 and false are known', () => {
    for (const p of ['nothing', 'empty', 'noSuchProperty']) {
      assert.equal(holds(c(p, 'known')), false, `${p} known`);
      assert.equal(holds(c(p, 'unknown')), true, `${p} unknown`);
    }
    for (const p of ['zero', 'archived', 'pipeline', 'amount']) {
      assert.equal(holds(c(p, 'known')), true, `${p} known`);
      assert.equal(holds(c(p, 'unknown')), false, `${p} unknown`);
    }
  });
  it('a missing value satisfies only unknown and neq', () => {
    const cases: FilterCondition[] = [
      c('x', 'eq', 'a'), c('x', 'eq', ''), c('x', 'neq', 'a'), c('x', 'in', ['a', '']), c('x', 'contains', ''),
      c('x', 'gt', -1), c('x', 'lt', 1), c('x', 'gt', ''), c('x', 'lt', 'zzz'), c('x', 'known'), c('x', 'unknown'),
    ];
    const expected = [false, false, true, false, false, false, false, false, false, false, true];
    for (const missing of [undefined, null, '']) {
      const get = () => missing;
      assert.deepEqual(cases.map((cond) => matchesCondition(cond, get)), expected, `missing = ${JSON.stringify(missing)}`);
    }
  });
  it('unknown ticket and contact properties are missing', () => {
    const ticket = makeTicket({ id: 1, priority: 'high', properties: { product: 'Cloud' } });
    const tget = (p: string) => ticketValue(ticket, p);
    assert.equal(matchesCondition(c('nosuch', 'eq', 'x'), tget), false);
    assert.equal(matchesCondition(c('nosuch', 'neq', 'x'), tget), true);
    assert.equal(matchesCondition(c('nosuch', 'unknown'), tget), true);
    assert.equal(matchesCondition(c('product', 'eq', 'cloud'), tget), true);
    assert.equal(matchesCondition(c('priority', 'eq', 'HIGH'), tget), true);
    assert.equal(matchesCondition(c('ownerId', 'unknown'), tget), true, 'null core field is missing');
    assert.equal(matchesCondition(c('id', 'eq', '1'), tget), true);
    // "toString" is not an own property of the bag
    assert.equal(matchesCondition(c('toString', 'known'), tget), false);
    const contact = makeContact({ id: 5, email: 'Mia@Example.test', companyId: null, properties: { role: 'admin' } });
    const cget = (p: string) => contactValue(contact, p);
    assert.equal(matchesCondition(c('email', 'contains', 'mia@example'), cget), true);
    assert.equal(matchesCondition(c('companyId', 'unknown'), cget), true);
    assert.equal(matchesCondition(c('role', 'eq', 'Admin'), cget), true);
    assert.equal(matchesCondition(c('country', 'known'), cget), false);
  });
});

describe('matchesGroups', () => {
  const support: FilterCondition = c('pipeline', 'eq', 'support');
  const billing: FilterCondition = c('pipeline', 'eq', 'billing');
  const vip: FilterCondition = c('vip', 'eq', true);
  const big: FilterCondition = c('amount', 'gt', 100);
  const g = (...groups: FilterCondition[][]): FilterGroups => ({ any: groups.map((all) => ({ all })) });

  it('an empty any matches nothing', () => {
    assert.equal(matchesGroups({ any: [] }, item), false);
    assert.equal(matchesGroups({ any: [] }, () => undefined), false);
  });
  it('an empty all matches everything', () => {
    assert.equal(matchesGroups(g([]), item), true);
    assert.equal(matchesGroups(g([]), () => undefined), true);
    assert.equal(matchesGroups(g([billing], []), item), true);
  });
  it('conditions in one group are ANDed', () => {
    assert.equal(matchesGroups(g([support, vip]), item), true);
    assert.equal(matchesGroups(g([support, big]), item), false);
    assert.equal(matchesGroups(g([billing, vip]), item), false);
  });
  it('groups are ORed', () => {
    assert.equal(matchesGroups(g([billing], [vip]), item), true);
    assert.equal(matchesGroups(g([billing], [big]), item), false);
    assert.equal(matchesGroups(g([billing, vip], [support, big]), item), false);
    assert.equal(matchesGroups(g([billing, vip], [support, vip, c('amount', 'lt', 100)]), item), true);
  });
});
