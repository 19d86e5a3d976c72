import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Settings } from '../../src/contract/settings.js';
import { TicketFacets } from '../../src/contract/tickets.js';
import { demoWorld } from '../../src/domain/demo-world.js';
import { ticketFacets } from '../../src/domain/facets.js';
import { scopeFor } from '../../src/domain/permissions.js';
import * as z from 'zod/mini';
import { isProblem, testServer, type TestServer } from './helpers.js';

const world = demoWorld();
const domainFacets = (settings: Settings, contactId: number, view: 'mine' | 'company') => {
  const contact = world.contacts.find((c) => c.id === contactId)!;
  const ctx = { pipelines: world.pipelines, contacts: new Map(world.contacts.map((c) => [c.id, c])), agents: new Map(world.agents.map((a) => [a.id, a])), settings };
  return ticketFacets(world.tickets, scopeFor(settings, contact, view)!, settings.columns, ctx);
};

describe('GET /tickets/facets', () => {
  let s: TestServer;
  let anna: string;
  before(async () => {
    s = await testServer();
    anna = await s.login();
  });
  after(() => s.close());
  const facets = (query: string, cookie = anna) => s.call('GET', `/tickets/facets${query}`, { cookie });

  it('counts the owner and requester values of the company view, labelled by name, most frequent first', async () => {
    const res = await facets('?view=company');
    assert.equal(res.status, 200);
    assert.ok(z.safeParse(TicketFacets, res.json).success);
    assert.deepEqual(Object.keys(res.json).sort(), ['contactId', 'ownerId']);
    const company = world.tickets.filter((t) => t.companyId === 1);
    const owners = new Map<number, number>();
    for (const t of company) if (t.ownerId !== null) owners.set(t.ownerId, (owners.get(t.ownerId) ?? 0) + 1);
    assert.deepEqual(
      [...res.json.ownerId].sort((a: { value: string }, b: { value: string }) => Number(a.value) - Number(b.value)),
      [...owners].sort((a, b) => a[0] - b[0]).map(([id, count]) => ({ value: String(id), label: world.agents.find((a) => a.id === id)!.firstName, count })),
    );
    assert.deepEqual(res.json.contactId, [
      { value: '1', label: 'Anna Berg', count: company.filter((t) => t.contactId === 1).length },
      { value: '2', label: 'Lukas Schmidt', count: company.filter((t) => t.contactId === 2).length },
    ]);
    const counts = res.json.ownerId.map((f: { count: number }) => f.count);
    assert.deepEqual(counts, [...counts].sort((a: number, b: number) => b - a));
  });

  it('covers only the own tickets in the mine view', async () => {
    const res = await facets('?view=mine');
    assert.deepEqual(res.json.contactId, [{ value: '1', label: 'Anna Berg', count: world.tickets.filter((t) => t.contactId === 1).length }]);
  });

  it('offers custom and core columns, applies visibility, and equals the domain facets', async () => {
    const base = (await s.admin('GET', '/admin/settings')).json as Settings;
    const variants: Partial<Settings>[] = [
      { columns: ['subject', 'priority', 'product', 'owner', 'pipeline', 'status', 'stage', 'createdAt'], ownerName: 'full' },
      { columns: ['requester', 'product'], visibility: { any: [{ all: [{ property: 'pipeline', operator: 'eq', value: 'billing' }] }] } },
      { columns: ['owner', 'priority'], ownerName: 'alias', visibility: { any: [] } },
      { columns: ['id', 'subject'] },
    ];
    try {
      for (const variant of variants) {
        const settings = { ...base, ...variant };
        assert.equal((await s.admin('PUT', '/admin/settings', settings)).status, 200);
        for (const view of ['mine', 'company'] as const) {
          assert.deepEqual((await facets(`?view=${view}`)).json, domainFacets(settings, 1, view), `${JSON.stringify(variant)} ${view}`);
        }
      }
      const res = await facets('?view=company');
      assert.deepEqual(res.json, {});
    } finally {
      await s.admin('PUT', '/admin/settings', base);
    }
  });

  it('answers 401 signed out, 403 for the company view without permission, 422 for an unknown view', async () => {
    assert.ok(isProblem(await s.call('GET', '/tickets/facets?view=mine'), 401));
    const restore = await s.patchSettings((st) => ({ ...st, permissions: { mode: 'own' } }));
    try {
      assert.ok(isProblem(await facets('?view=company'), 403));
      assert.equal((await facets('?view=mine')).status, 200);
    } finally {
      await restore();
    }
    const bad = await facets('?view=everything');
    assert.ok(isProblem(bad, 422));
    assert.equal(bad.json.errors[0].field, 'view');
  });
});
