import type { PropertyValue } from '../contract/common.js';
import type { TicketPage, TicketQuery, TicketSummary } from '../contract/tickets.js';
import { checkTicketQuery, DEFAULT_QUERY } from '../contract/list-rules.js';
import { ValidationError } from '../contract/errors.js';
import { comparable } from './filters.js';
import { inScope, passesVisibility, type TicketScope } from './permissions.js';
import { toSummary, type DisplayContext } from './display.js';
import type { Settings } from '../contract/settings.js';
import { findStage, ticketValue, type TicketRecord } from './world.js';

/** Fills a partial query with defaults and validates it; throws a `ValidationError` naming each bad field. */
export function normalizeQuery(input: Partial<TicketQuery>): TicketQuery {
  const merged = { ...DEFAULT_QUERY, ...stripUndefined(input), filters: { ...(input.filters ?? {}) } };
  const result = checkTicketQuery(merged);
  if (!result.ok) throw new ValidationError('The ticket query is not valid.', result.errors);
  return result.query;
}

const stripUndefined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** `"42"` or `"#42"` as a ticket id, else `null`. */
export function idFromSearch(q: string): number | null {
  const m = /^#?(\d{1,15})$/.exec(q.trim());
  return m ? Number(m[1]) : null;
}

/** Whether a ticket matches the search text: its subject contains it (case-insensitive), or it names the ticket's id. */
export function matchesSearch(ticket: TicketRecord, q: string): boolean {
  const text = q.trim().toLowerCase();
  if (text === '') return true;
  return ticket.subject.toLowerCase().includes(text) || idFromSearch(text) === ticket.id;
}

/** `filter[prop]=value`: the property's text form equals the value (case-insensitive); a missing value never matches. */
export function matchesFilters(ticket: TicketRecord, filters: Record<string, string>): boolean {
  return Object.entries(filters).every(([property, expected]) => {
    const actual = ticketValue(ticket, property);
    return actual !== undefined && actual !== null && actual !== '' && comparable(actual) === comparable(expected);
  });
}

/** The value a column sorts by. Derived columns: `requester`, `owner` (display name), `status` (closed, then stage order). */
export function sortValue(ticket: TicketRecord, column: string, ctx: DisplayContext): PropertyValue | undefined {
  switch (column) {
    case 'requester':
      return ctx.contacts.get(ticket.contactId)?.name;
    case 'owner': {
      const summary = toSummary(ticket, ctx);
      return summary.ownerName ?? undefined;
    }
    case 'status': {
      const found = findStage(ctx.pipelines, ticket.pipeline, ticket.stage);
      return found ? (found.stage.closed ? 1000 : 0) + found.position : undefined;
    }
    default:
      return ticketValue(ticket, column);
  }
}

/** Ascending order of two sort values: missing values last, numbers numerically, text case-insensitively. */
export function compareSortValues(a: PropertyValue | undefined, b: PropertyValue | undefined): number {
  const aMissing = a === undefined || a === null || a === '';
  const bMissing = b === undefined || b === null || b === '';
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = comparable(a);
  const sb = comparable(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export interface QueryContext extends DisplayContext {
  settings: Pick<Settings, 'statusDisplay' | 'ownerName' | 'visibility' | 'permissions'>;
}

/**
 * Everything a list query does, in memory: scope → visibility → status → filters → search → sort → page.
 * Missing sort values go last in either direction; ties are broken by id in the same direction.
 */
export function selectTickets(tickets: Iterable<TicketRecord>, scope: TicketScope, query: TicketQuery, ctx: QueryContext): TicketRecord[] {
  const rows: { ticket: TicketRecord; key: PropertyValue | undefined }[] = [];
  for (const ticket of tickets) {
    if (!inScope(scope, ticket) || !passesVisibility(ctx.settings, ticket)) continue;
    if (query.status !== 'all') {
      const closed = findStage(ctx.pipelines, ticket.pipeline, ticket.stage)?.stage.closed ?? false;
      if (closed !== (query.status === 'closed')) continue;
    }
    if (!matchesFilters(ticket, query.filters) || !matchesSearch(ticket, query.q)) continue;
    rows.push({ ticket, key: sortValue(ticket, query.sort, ctx) });
  }
  const direction = query.order === 'asc' ? 1 : -1;
  rows.sort((x, y) => {
    const xMissing = x.key === undefined || x.key === null || x.key === '';
    const yMissing = y.key === undefined || y.key === null || y.key === '';
    if (xMissing !== yMissing) return xMissing ? 1 : -1;
    return direction * (compareSortValues(x.key, y.key) || x.ticket.id - y.ticket.id);
  });
  return rows.map((r) => r.ticket);
}

/** One page of the list as the adapter returns it. */
export function queryTickets(tickets: Iterable<TicketRecord>, scope: TicketScope, query: TicketQuery, ctx: QueryContext): TicketPage {
  const all = selectTickets(tickets, scope, query, ctx);
  const start = (query.page - 1) * query.pageSize;
  const items: TicketSummary[] = all.slice(start, start + query.pageSize).map((t) => toSummary(t, ctx));
  return { items, page: query.page, pageSize: query.pageSize, total: all.length };
}
