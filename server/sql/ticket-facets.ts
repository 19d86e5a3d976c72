import type { Settings } from '../../src/contract/settings.js';
import type { TicketFacets } from '../../src/contract/tickets.js';
import type { PropertyValue } from '../../src/contract/common.js';
import { byCountThenLabel, facetLabel, filterPropertyOf } from '../../src/domain/facets.js';
import type { TicketScope } from '../../src/domain/permissions.js';
import type { Db } from '../db/connect.js';
import { readAgents } from '../store/agents.js';
import { readContactNames } from '../store/contacts.js';
import { compileWhere } from './ticket-filters.js';
import { effectiveColumns } from '../../src/domain/columns.js';

type FacetSettings = Pick<Settings, 'visibility' | 'columns' | 'ownerName' | 'statusDisplay'>;

const NO_QUERY = { status: 'all', q: '', filters: {} } as const;

/**
 * The filter values of a view, as `ticketFacets` of `src/domain/facets.ts` counts them: one GROUP BY over the
 * property rows of the tickets in scope that pass the visibility rules (search, status and filters not applied).
 * Values group by their stored JSON; only the grouped rows reach JavaScript, where `"3"` and `3` (one text form)
 * are merged and labels resolved.
 */
export async function ticketFacets(db: Db, scope: TicketScope, settings: FacetSettings): Promise<TicketFacets> {
  const properties = [...new Set(effectiveColumns(settings.columns).map(filterPropertyOf).filter((p): p is string => p !== null))];
  if (properties.length === 0) return {};
  const rows = await db.selectFrom('tickets as t')
    .innerJoin('ticket_properties as fp', 'fp.ticket_id', 't.id')
    .where('fp.name', 'in', properties)
    .where('fp.known', '=', 1)
    .where((eb) => compileWhere(eb, { scope, visibility: settings.visibility, query: NO_QUERY }))
    .groupBy(['fp.name', 'fp.value_json'])
    .select((eb) => ['fp.name', 'fp.value_json', eb.fn.countAll<number | bigint>().as('n')])
    .execute();

  const counts = new Map<string, Map<string, number>>(properties.map((p) => [p, new Map()]));
  for (const row of rows) {
    const value = String(JSON.parse(row.value_json) as PropertyValue);
    const byValue = counts.get(row.name) as Map<string, number>;
    byValue.set(value, (byValue.get(value) ?? 0) + Number(row.n));
  }
  const ids = (property: string) => [...(counts.get(property)?.keys() ?? [])].map(Number).filter(Number.isSafeInteger);
  const [agents, contacts] = await Promise.all([readAgents(db, ids('ownerId')), readContactNames(db, ids('contactId'))]);
  const ctx = { agents, contacts, pipelines: [], settings };
  return Object.fromEntries([...counts].map(([property, byValue]) => [
    property,
    [...byValue].map(([value, count]) => ({ value, label: facetLabel(property, value, ctx), count })).sort(byCountThenLabel),
  ]));
}
