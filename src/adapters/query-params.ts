import { DEFAULT_QUERY, type TicketQuery } from '../contract/tickets.js';

/** A ticket query as URL parameters (`filter[prop]=value`); defaults are left out to keep URLs short. */
export function ticketQueryToParams(query: TicketQuery): URLSearchParams {
  const params = new URLSearchParams();
  params.set('view', query.view);
  if (query.q) params.set('q', query.q);
  if (query.status !== DEFAULT_QUERY.status) params.set('status', query.status);
  if (query.sort !== DEFAULT_QUERY.sort) params.set('sort', query.sort);
  if (query.order !== DEFAULT_QUERY.order) params.set('order', query.order);
  if (query.page !== DEFAULT_QUERY.page) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_QUERY.pageSize) params.set('pageSize', String(query.pageSize));
  for (const [name, value] of Object.entries(query.filters)) params.set(`filter[${name}]`, value);
  return params;
}

/** The inverse of `ticketQueryToParams`: raw values, not yet validated (see `normalizeQuery`). */
export function paramsToTicketQuery(params: URLSearchParams): Partial<TicketQuery> & { [key: string]: unknown } {
  const filters: Record<string, string> = {};
  for (const [key, value] of params) {
    const m = /^filter\[([^\]]+)\]$/.exec(key);
    if (m) filters[m[1]] = value;
  }
  const num = (name: string) => (params.has(name) ? Number(params.get(name)) : undefined);
  const text = (name: string) => params.get(name) ?? undefined;
  return {
    view: text('view') as TicketQuery['view'] | undefined,
    q: text('q'),
    status: text('status') as TicketQuery['status'] | undefined,
    sort: text('sort'),
    order: text('order') as TicketQuery['order'] | undefined,
    page: num('page'),
    pageSize: num('pageSize'),
    filters,
  };
}
