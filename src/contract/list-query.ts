import type { FieldError } from './errors.js';
import type { TicketQuery } from './tickets.js';
import { checkTicketQuery, DEFAULT_QUERY, MAX_PAGE_SIZE, queryFieldProblem, SORT_ORDERS, STATUS_FILTERS, TICKET_VIEWS } from './list-rules.js';

/**
 * The one codec of the ticket list's query in URLs: `?view=&q=&status=&sort=&order=&page=&pageSize=&filter[prop]=value`.
 * The HttpAdapter writes it, the server reads it strictly (a bad value is an error naming the parameter), the
 * ticket list reads the address bar leniently (a bad value falls back to its default), and the OpenAPI document
 * lists {@link LIST_QUERY_PARAMS}.
 */

/** Caps on the `filter[…]` parameters: how many, and the characters of a property name and of a value. */
export const LIST_QUERY_LIMITS = { filters: 20, filterName: 64, filterValue: 200 } as const;

/** `filter[property]`: the property is everything between the first `[` and the final `]`. */
const FILTER_PARAM = /^filter\[(.+)\]$/;
export const filterParam = (property: string) => `filter[${property}]`;

/** A documented query parameter (OpenAPI `in: query`). */
export interface ListQueryParam {
  name: string;
  schema: Record<string, unknown>;
  description?: string;
}

const str = { type: 'string' };

/** The list's parameters besides paging, in document order (the CSV export takes these). */
export const LIST_QUERY_PARAMS: readonly ListQueryParam[] = [
  { name: 'view', schema: { enum: [...TICKET_VIEWS] } },
  { name: 'q', schema: str, description: 'Subject text or ticket id (#42)' },
  { name: 'status', schema: { enum: [...STATUS_FILTERS] } },
  { name: 'sort', schema: str, description: 'Core field, column or support-form field, or requester / owner / status; any other property is refused with 400 `unknown-sort` naming `sort`' },
  { name: 'order', schema: { enum: [...SORT_ORDERS] } },
  { name: 'filter[property]', schema: str, description: 'Property equals value (case-insensitive); repeatable. Only core fields, columns and support-form fields: any other property is refused with 400 `unknown-filter` naming `filter[property]`' },
];

/** The paging parameters of the list (not of the export). */
export const PAGING_PARAMS: readonly ListQueryParam[] = [
  { name: 'page', schema: { type: 'integer', minimum: 1 } },
  { name: 'pageSize', schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE } },
];

/** A ticket query as URL parameters; defaults are left out to keep URLs short (`view` always written). */
export function listQueryToParams(query: TicketQuery): URLSearchParams {
  const params = new URLSearchParams();
  params.set('view', query.view);
  if (query.q) params.set('q', query.q);
  if (query.status !== DEFAULT_QUERY.status) params.set('status', query.status);
  if (query.sort !== DEFAULT_QUERY.sort) params.set('sort', query.sort);
  if (query.order !== DEFAULT_QUERY.order) params.set('order', query.order);
  if (query.page !== DEFAULT_QUERY.page) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_QUERY.pageSize) params.set('pageSize', String(query.pageSize));
  for (const [name, value] of Object.entries(query.filters)) params.set(filterParam(name), value);
  return params;
}

/** Whole numbers as numbers; anything else stays text, for the check to refuse by name. */
const asInt = (v: string | undefined) => (v !== undefined && /^-?\d{1,15}$/.test(v.trim()) ? Number(v) : v);

/** The raw values of the parameters (the last of repeated ones; empty = not given), not yet validated. */
function rawQuery(params: URLSearchParams, paging: boolean) {
  const last = (name: string) => {
    const values = params.getAll(name);
    const value = values.at(-1);
    return value === '' ? undefined : value;
  };
  const filters: Record<string, string> = {};
  for (const [key, value] of params) {
    const m = FILTER_PARAM.exec(key);
    if (m) filters[m[1]] = value;
  }
  const given = {
    view: last('view'), q: last('q'), status: last('status'), sort: last('sort'), order: last('order'),
    ...(paging ? { page: asInt(last('page')), pageSize: asInt(last('pageSize')) } : {}),
  };
  return { given: Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)), filters };
}

const shortName = (name: string) => (name.length > 40 ? `${name.slice(0, 40)}…` : name);

/** The `filter[…]` parameters beyond {@link LIST_QUERY_LIMITS}, naming the parameter (`filter` for the count). */
export function filterLimitErrors(filters: Record<string, string>): FieldError[] {
  const names = Object.keys(filters);
  if (names.length > LIST_QUERY_LIMITS.filters) {
    return [{ field: 'filter', message: `A list may have at most ${LIST_QUERY_LIMITS.filters} filter[…] parameters.` }];
  }
  for (const name of names) {
    const field = filterParam(shortName(name));
    if (name.length > LIST_QUERY_LIMITS.filterName) {
      return [{ field, message: `A filter's property name may be at most ${LIST_QUERY_LIMITS.filterName} characters long.` }];
    }
    if (filters[name].length > LIST_QUERY_LIMITS.filterValue) {
      return [{ field, message: `A filter value may be at most ${LIST_QUERY_LIMITS.filterValue} characters long.` }];
    }
  }
  return [];
}

export type StrictListQuery =
  | { ok: true; query: TicketQuery }
  /** `tooLarge`: the filter caps were exceeded (the server answers 400); else values are invalid (422). */
  | { ok: false; tooLarge: boolean; errors: FieldError[] };

/**
 * Strict reading (the server): every given value must be valid; the errors name the parameter (`pageSize`,
 * `filter[…]`). Without `paging` (the CSV export), `page` and `pageSize` are ignored.
 */
export function listQueryFromParams(params: URLSearchParams, { paging = true } = {}): StrictListQuery {
  const { given, filters } = rawQuery(params, paging);
  const tooLarge = filterLimitErrors(filters);
  if (tooLarge.length > 0) return { ok: false, tooLarge: true, errors: tooLarge };
  const result = checkTicketQuery({ ...DEFAULT_QUERY, ...given, filters });
  if (result.ok) return { ok: true, query: result.query };
  const errors = result.errors.map(({ field, message }) =>
    ({ field: field.startsWith('filters.') ? filterParam(field.slice('filters.'.length)) : field, message }));
  return { ok: false, tooLarge: false, errors };
}

/**
 * Lenient reading (the address bar): values that do not make sense — a typo in a shared link — fall back to
 * their defaults one by one instead of failing the whole list; filters beyond the caps are dropped. `view` is the
 * view the URL names, as written (the caller decides, with the session, which view that gives). With `maySortBy`
 * (the caller knows which columns customers may sort by), a `sort` it refuses falls back to the default sort and
 * order, so a stale link never asks the server for a sort it would refuse.
 */
export function listQueryFromAddress(
  params: URLSearchParams,
  { maySortBy }: { maySortBy?: (column: string) => boolean } = {},
): Omit<TicketQuery, 'view'> & { view?: string } {
  const { given, filters } = rawQuery(params, true);
  const kept = Object.fromEntries(Object.entries(filters).filter(([name, value]) =>
    name.length <= LIST_QUERY_LIMITS.filterName && value.length <= LIST_QUERY_LIMITS.filterValue).slice(0, LIST_QUERY_LIMITS.filters));
  let query: TicketQuery = { ...DEFAULT_QUERY, filters: kept };
  const refusedSort = typeof given.sort === 'string' && maySortBy !== undefined && !maySortBy(given.sort);
  for (const [key, value] of Object.entries(given)) {
    if (key === 'view' || ((key === 'sort' || key === 'order') && refusedSort)) continue;
    const typed = key === 'page' || key === 'pageSize' ? Number(value) : value;
    if (queryFieldProblem(key as keyof TicketQuery, typed).length === 0) query = { ...query, [key]: typed };
  }
  const { view: _default, ...rest } = query;
  return typeof given.view === 'string' ? { ...rest, view: given.view } : rest;
}
