import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LIST_QUERY_LIMITS, listQueryFromAddress, listQueryFromParams, listQueryToParams } from '../../src/contract/list-query.js';
import { DEFAULT_QUERY, type TicketQuery } from '../../src/contract/tickets.js';

const q = (over: Partial<TicketQuery> = {}): TicketQuery => ({ ...DEFAULT_QUERY, ...over });

describe('the list query codec (src/contract/list-query.ts)', () => {
  it('round-trips every field, defaults left out of the URL, filter names with brackets kept', () => {
    const query = q({ view: 'company', q: 'printer #2', status: 'open', sort: 'subject', order: 'asc', page: 3, pageSize: 50, filters: { priority: 'HIGH', 'a]b': 'x y' } });
    const params = listQueryToParams(query);
    assert.equal(listQueryToParams(q()).toString(), 'view=mine');
    const strict = listQueryFromParams(new URLSearchParams(params.toString()));
    assert.deepEqual(strict, { ok: true, query });
    assert.deepEqual({ ...listQueryFromAddress(params), view: 'company' }, query);
  });

  it('reads strictly for the server: invalid values are errors naming the parameter', () => {
    const bad = listQueryFromParams(new URLSearchParams('pageSize=500&status=maybe&page=x'));
    assert.equal(bad.ok, false);
    assert.ok(!bad.ok && !bad.tooLarge);
    assert.deepEqual(!bad.ok && bad.errors.map((e) => e.field).sort(), ['page', 'pageSize', 'status']);
    const noPaging = listQueryFromParams(new URLSearchParams('page=x'), { paging: false });
    assert.ok(noPaging.ok && noPaging.query.page === 1);
  });

  it('keeps the filter caps: count, name and value length, as "too large" naming the parameter', () => {
    const many = new URLSearchParams(Array.from({ length: LIST_QUERY_LIMITS.filters + 1 }, (_, i) => [`filter[p${i}]`, 'v']));
    const tooMany = listQueryFromParams(many);
    assert.ok(!tooMany.ok && tooMany.tooLarge && tooMany.errors[0].field === 'filter');
    const long = listQueryFromParams(new URLSearchParams([['filter[x]', 'v'.repeat(LIST_QUERY_LIMITS.filterValue + 1)]]));
    assert.ok(!long.ok && long.tooLarge && long.errors[0].field === 'filter[x]');
  });

  it('reads the address bar leniently: each bad value falls back to its default, the rest is kept', () => {
    const read = listQueryFromAddress(new URLSearchParams('view=company&status=maybe&pageSize=500&page=2&q=abc&order=sideways'));
    assert.deepEqual(read, { ...q({ status: 'all', pageSize: 25, page: 2, q: 'abc' }), view: 'company' });
    const capped = listQueryFromAddress(new URLSearchParams([['filter[ok]', '1'], ['filter[long]', 'v'.repeat(300)]]));
    assert.deepEqual(capped.filters, { ok: '1' });
    assert.equal(listQueryFromAddress(new URLSearchParams('')).view, undefined);
  });

  it('drops a sort the caller refuses from the address (a stale link to a hidden column), keeping the rest', () => {
    const params = new URLSearchParams('sort=secret&order=asc&q=abc');
    assert.equal(listQueryFromAddress(params).sort, 'secret');
    const read = listQueryFromAddress(params, { maySortBy: (column) => column !== 'secret' });
    const { view: _view, ...expected } = q({ q: 'abc' });
    assert.deepEqual(read, expected);
    assert.equal(listQueryFromAddress(new URLSearchParams('sort=subject'), { maySortBy: (column) => column === 'subject' }).sort, 'subject');
  });
});
