import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import { listQueryFromParams } from '../../src/contract/list-query.js';
import { DEFAULT_QUERY, type TicketQuery, TicketView } from '../../src/contract/tickets.js';
import { exposedProperties, hiddenFilterField, hiddenSortField } from '../../src/domain/exposed-properties.js';
import { scopeFor, type TicketScope } from '../../src/domain/permissions.js';
import type { AppEnv } from '../http/context.js';
import { fieldErrors, Problem } from '../http/problem.js';
import { queryTooLarge } from '../http/query-limits.js';
import { ticketFacets } from '../sql/ticket-facets.js';
import { listTickets } from '../sql/ticket-list.js';

/**
 * `?view=&q=&status=&sort=&order=&page=&pageSize=&filter[prop]=value` → a validated TicketQuery, read strictly by
 * the contract's codec: 400 naming the parameter beyond the filter caps, 422 naming the field for a bad value.
 * Without `paging` (the CSV export), `page` and `pageSize` are ignored.
 */
export function parseTicketQuery(c: Context, { paging = true } = {}): TicketQuery {
  const result = listQueryFromParams(new URL(c.req.url).searchParams, { paging });
  if (result.ok) return result.query;
  const [first] = result.errors;
  if (result.tooLarge) throw queryTooLarge(first.field, first.message);
  throw Problem.validation(result.errors, 'The ticket query is not valid.');
}

/**
 * The scope of a view for the signed-in contact; 403 for the company view without company permission. With the
 * query, a `filter[…]` or a `sort` by a property customers do not receive is refused (400 naming the parameter).
 */
export function scopeOf(c: Context<AppEnv>, view: TicketView, query?: Pick<TicketQuery, 'filters' | 'sort'>): TicketScope {
  const { contact, settings } = c.get('auth');
  const scope = scopeFor(settings, contact, view);
  if (!scope) throw Problem.forbidden('You may not see the tickets of your company.');
  const hidden = query && hiddenFilterField(query, settings);
  if (hidden) throw Problem.badRequest(hidden.message, { slug: 'unknown-filter', title: 'Unknown filter', errors: [hidden] });
  const hiddenSort = query && hiddenSortField(query, settings);
  if (hiddenSort) throw Problem.badRequest(hiddenSort.message, { slug: 'unknown-sort', title: 'Unknown sort', errors: [hiddenSort] });
  return scope;
}

export const ticketRoutes = new Hono<AppEnv>()
  .get('/tickets', async (c) => {
    const query = parseTicketQuery(c);
    const scope = scopeOf(c, query.view, query);
    const { settings } = c.get('auth');
    const page = await listTickets(c.get('deps').db, scope, query, settings);
    return c.json({ ...page, items: page.items.map((item) => ({ ...item, properties: exposedProperties(item.properties, settings) })) });
  })
  .get('/tickets/facets', async (c) => {
    const view = z.safeParse(TicketView, c.req.query('view') ?? DEFAULT_QUERY.view);
    if (!view.success) throw Problem.validation(fieldErrors(view.error.issues, 'view'), 'The view is not valid.');
    const scope = scopeOf(c, view.data);
    return c.json(await ticketFacets(c.get('deps').db, scope, c.get('auth').settings));
  });
