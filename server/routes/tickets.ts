import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import { DEFAULT_QUERY, TicketQuery, TicketView } from '../../src/contract/tickets.js';
import { exposedProperties, hiddenFilterField } from '../../src/domain/exposed-properties.js';
import { scopeFor, type TicketScope } from '../../src/domain/permissions.js';
import type { AppEnv } from '../http/context.js';
import { fieldErrors, forbidden, Problem, validation } from '../http/problem.js';
import { checkFilters } from '../http/query-limits.js';
import { ticketFacets } from '../sql/ticket-facets.js';
import { listTickets } from '../sql/ticket-list.js';

const asInt = (v: string | undefined) => (v !== undefined && /^-?\d{1,15}$/.test(v.trim()) ? Number(v) : v);

/**
 * `?view=&q=&status=&sort=&order=&page=&pageSize=&filter[prop]=value` → a validated TicketQuery (422 naming the field).
 * Without `paging` (the CSV export), `page` and `pageSize` are ignored.
 */
export function parseTicketQuery(c: Context, { paging = true } = {}): TicketQuery {
  const all = c.req.queries();
  const last = (name: string) => all[name]?.at(-1);
  const filters: Record<string, string> = {};
  for (const [key, values] of Object.entries(all)) {
    const m = /^filter\[(.+)\]$/.exec(key);
    if (m) filters[m[1]] = values.at(-1) ?? '';
  }
  checkFilters(filters);
  const given = {
    view: last('view'), q: last('q'), status: last('status'), sort: last('sort'), order: last('order'),
    ...(paging ? { page: asInt(last('page')), pageSize: asInt(last('pageSize')) } : {}),
  };
  const merged = { ...DEFAULT_QUERY, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined && v !== '')), filters };
  const result = z.safeParse(TicketQuery, merged);
  if (!result.success) throw validation(fieldErrors(result.error.issues), 'The ticket query is not valid.');
  return result.data;
}

/**
 * The scope of a view for the signed-in contact; 403 for the company view without company permission. With the
 * query, a `filter[…]` by a property customers do not receive is refused (400 naming the parameter).
 */
export function scopeOf(c: Context<AppEnv>, view: TicketView, query?: Pick<TicketQuery, 'filters'>): TicketScope {
  const { contact, settings } = c.get('auth');
  const scope = scopeFor(settings, contact, view);
  if (!scope) throw forbidden('You may not see the tickets of your company.');
  const hidden = query && hiddenFilterField(query, settings);
  if (hidden) throw Problem.badRequest(hidden.message, { slug: 'unknown-filter', title: 'Unknown filter', errors: [hidden] });
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
    if (!view.success) throw validation(fieldErrors(view.error.issues, 'view'), 'The view is not valid.');
    const scope = scopeOf(c, view.data);
    return c.json(await ticketFacets(c.get('deps').db, scope, c.get('auth').settings));
  });
