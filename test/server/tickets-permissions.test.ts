import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FilterGroups } from '../../src/contract/filters.js';
import { demoWorld } from '../../src/domain/demo-world.js';
import { isProblem, testServer, type TestServer } from './helpers.js';

/** Permission modes × visibility, contacts with and without a company, and foreign ids (IDOR) on every list route. */
const world = demoWorld();
const ADMINS: FilterGroups = { any: [{ all: [{ property: 'role', operator: 'eq', value: 'admin' }] }] };
const EVERYONE: FilterGroups = { any: [{ all: [] }] };
const SUPPORT_ONLY: FilterGroups = { any: [{ all: [{ property: 'pipeline', operator: 'eq', value: 'support' }] }] };
const ids = (items: { id: number }[]) => items.map((t) => t.id).sort((a, b) => a - b);
const expectIds = (pred: (t: (typeof world.tickets)[number]) => boolean) => world.tickets.filter(pred).map((t) => t.id);

describe('ticket permissions on /tickets, /tickets/facets and /tickets/export.csv', () => {
  let s: TestServer;
  const cookies: Record<string, string> = {};
  before(async () => {
    s = await testServer();
    for (const email of ['anna@nordlicht.example', 'lukas@nordlicht.example', 'sam@example.net']) cookies[email] = await s.login(email);
  });
  after(() => s.close());
  const list = (who: string, query: string) => s.call('GET', `/tickets${query}&pageSize=100`, { cookie: cookies[who] });
  const exportRows = async (who: string, query: string) => {
    const res = await s.call('GET', `/tickets/export.csv${query}`, { cookie: cookies[who] });
    assert.equal(res.status, 200, res.text);
    return res.text.split('\r\n').slice(1, -1).map((line) => Number(line.split(',')[0])).sort((a, b) => a - b);
  };
  const withSettings = async (change: Record<string, unknown>, body: () => Promise<void>) => {
    const restore = await s.patchSettings((st) => ({ ...st, ...change }));
    try {
      await body();
    } finally {
      await restore();
    }
  };

  it('a contact without a company sees only their own tickets, in every mode', async () => {
    const own = expectIds((t) => t.contactId === 8);
    for (const permissions of [{ mode: 'own' }, { mode: 'company' }, { mode: 'company-for-group', group: EVERYONE }]) {
      await withSettings({ permissions }, async () => {
        assert.deepEqual(ids((await list('sam@example.net', '?view=mine')).json.items), own, permissions.mode);
        assert.deepEqual(await exportRows('sam@example.net', '?view=mine'), own);
        for (const path of ['/tickets?view=company', '/tickets/facets?view=company', '/tickets/export.csv?view=company']) {
          assert.ok(isProblem(await s.call('GET', path, { cookie: cookies['sam@example.net'] }), 403), `${permissions.mode} ${path}`);
        }
        assert.equal((await s.call('GET', '/auth/session', { cookie: cookies['sam@example.net'] })).json.canViewCompany, false);
      });
    }
  });

  it('"own" refuses the company view to everyone; "company" grants it to every company contact', async () => {
    await withSettings({ permissions: { mode: 'own' } }, async () => {
      for (const who of ['anna@nordlicht.example', 'lukas@nordlicht.example']) {
        assert.ok(isProblem(await list(who, '?view=company'), 403));
        assert.ok(isProblem(await s.call('GET', '/tickets/export.csv?view=company', { cookie: cookies[who] }), 403));
      }
    });
    await withSettings({ permissions: { mode: 'company' } }, async () => {
      assert.deepEqual(ids((await list('lukas@nordlicht.example', '?view=company')).json.items), expectIds((t) => t.companyId === 1));
    });
  });

  it('"company-for-group" grants the company view only to contacts matching the group, combined with visibility', async () => {
    await withSettings({ permissions: { mode: 'company-for-group', group: ADMINS }, visibility: SUPPORT_ONLY }, async () => {
      const expected = expectIds((t) => t.companyId === 1 && t.pipeline === 'support');
      assert.deepEqual(ids((await list('anna@nordlicht.example', '?view=company')).json.items), expected);
      assert.deepEqual(await exportRows('anna@nordlicht.example', '?view=company'), expected);
      assert.ok(isProblem(await list('lukas@nordlicht.example', '?view=company'), 403));
      assert.ok(isProblem(await s.call('GET', '/tickets/facets?view=company', { cookie: cookies['lukas@nordlicht.example'] }), 403));
      assert.deepEqual(ids((await list('lukas@nordlicht.example', '?view=mine')).json.items), expectIds((t) => t.contactId === 2 && t.pipeline === 'support'));
      assert.equal((await s.call('GET', '/auth/session', { cookie: cookies['lukas@nordlicht.example'] })).json.canViewCompany, false);
    });
    await withSettings({ permissions: { mode: 'company-for-group' } }, async () => {
      assert.ok(isProblem(await list('anna@nordlicht.example', '?view=company'), 403), 'no group: nobody');
    });
  });

  it("never reveals another company's ticket by id, in the list, the export or the facets (IDOR)", async () => {
    const foreign = world.tickets.filter((t) => t.companyId !== 1).slice(0, 5);
    const colleague = world.tickets.find((t) => t.companyId === 1 && t.contactId === 2)!;
    for (const t of foreign) {
      for (const view of ['mine', 'company']) {
        for (const q of [`filter[id]=${t.id}`, `q=%23${t.id}`, `q=${t.id}`, `filter[contactId]=${t.contactId}`, `filter[companyId]=${t.companyId ?? 0}`]) {
          assert.equal((await list('anna@nordlicht.example', `?view=${view}&${q}`)).json.total, 0, `${view} ${q}`);
          assert.deepEqual(await exportRows('anna@nordlicht.example', `?view=${view}&${q}`), [], `${view} ${q}`);
        }
      }
    }
    assert.equal((await list('anna@nordlicht.example', `?view=mine&q=%23${colleague.id}`)).json.total, 0, 'a colleague\'s ticket is not "mine"');
    assert.deepEqual(ids((await list('anna@nordlicht.example', `?view=company&q=%23${colleague.id}`)).json.items), [colleague.id]);
    const facets = (await s.call('GET', '/tickets/facets?view=company', { cookie: cookies['anna@nordlicht.example'] })).json;
    assert.deepEqual(facets.contactId.map((f: { value: string }) => f.value).sort(), ['1', '2']);
  });
});
