import type { TicketFacets } from '../contract/tickets.js';
import { ownerDisplayName, type DisplayContext } from './display.js';
import { inScope, passesVisibility, type TicketScope } from './permissions.js';
import type { QueryContext } from './ticket-query.js';
import { ticketValue, type TicketRecord } from './world.js';

/** Columns that are not offered as filters: unique or continuous values, or filtered elsewhere (status). */
const NOT_FILTERABLE = new Set(['id', 'subject', 'content', 'createdAt', 'lastActivityAt', 'status', 'stage']);

/** The filter property behind a column: derived columns filter by their id field. */
export function filterPropertyOf(column: string): string | null {
  if (NOT_FILTERABLE.has(column)) return null;
  if (column === 'owner') return 'ownerId';
  if (column === 'requester') return 'contactId';
  return column;
}

/** How a filter value reads in the list: owner and requester by name, anything else as it is. */
export function facetLabel(property: string, value: string, ctx: DisplayContext): string {
  if (property === 'ownerId') {
    const agent = ctx.agents.get(Number(value));
    return agent ? ownerDisplayName(agent, ctx.settings.ownerName) : value;
  }
  if (property === 'contactId') return ctx.contacts.get(Number(value))?.name ?? value;
  return value;
}

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Facet order: most frequent first, then by label, then by value (two contacts may share a name). */
export const byCountThenLabel = (a: { count: number; label: string; value: string }, b: { count: number; label: string; value: string }) =>
  b.count - a.count || order(a.label, b.label) || order(a.value, b.value);

/**
 * The values each filterable column takes in a view (scope and visibility rules applied; search, status and
 * other filters not, so choosing one filter never hides the others' options), most frequent first, then by label.
 */
export function ticketFacets(tickets: Iterable<TicketRecord>, scope: TicketScope, columns: readonly string[], ctx: QueryContext): TicketFacets {
  const properties = [...new Set(columns.map(filterPropertyOf).filter((p): p is string => p !== null))];
  const counts = new Map<string, Map<string, number>>(properties.map((p) => [p, new Map()]));
  for (const ticket of tickets) {
    if (!inScope(scope, ticket) || !passesVisibility(ctx.settings, ticket)) continue;
    for (const property of properties) {
      const value = ticketValue(ticket, property);
      if (value === undefined || value === null || value === '') continue;
      const key = String(value);
      const byValue = counts.get(property)!;
      byValue.set(key, (byValue.get(key) ?? 0) + 1);
    }
  }
  return Object.fromEntries(
    [...counts].map(([property, byValue]) => [
      property,
      [...byValue]
        .map(([value, count]) => ({ value, label: facetLabel(property, value, ctx), count }))
        .sort(byCountThenLabel),
    ]),
  );
}
