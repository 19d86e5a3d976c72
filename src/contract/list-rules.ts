import type { FieldError } from './errors.js';
import type { TicketQuery } from './tickets.js';

/**
 * The ticket list's values and the one check of a ticket query, without a schema library: the browser's list, the
 * MemoryAdapter and the server read queries through {@link ticketQueryProblems}; `tickets.ts` builds the
 * `TicketQuery` schema (OpenAPI, types) from the same values.
 */

export const TICKET_VIEWS = ['mine', 'company'] as const;
export const STATUS_FILTERS = ['open', 'closed', 'all'] as const;
export const SORT_ORDERS = ['asc', 'desc'] as const;

export const MAX_PAGE_SIZE = 100;
/** Characters (code points) of the search text. */
export const MAX_SEARCH_LENGTH = 200;
/** A sort column: a core field, a derived column or a ticket property name. */
export const SORT_COLUMN = /^[A-Za-z][A-Za-z0-9_]*$/;

export const QUERY_MESSAGES = {
  view: `Use one of: ${TICKET_VIEWS.join(', ')}.`,
  q: `Search at most ${MAX_SEARCH_LENGTH} characters.`,
  status: `Use one of: ${STATUS_FILTERS.join(', ')}.`,
  sort: 'Unknown sort column.',
  order: `Use one of: ${SORT_ORDERS.join(', ')}.`,
  page: 'Use a whole number of 1 or more.',
  pageSize: `Use a whole number from 1 to ${MAX_PAGE_SIZE}.`,
  pageSizeMax: `At most ${MAX_PAGE_SIZE} rows per page.`,
  filters: 'Filters map property names to text values.',
  filter: 'A filter value is text.',
} as const;

export const DEFAULT_QUERY: TicketQuery = {
  view: 'mine', q: '', status: 'all', sort: 'createdAt', order: 'desc', page: 1, pageSize: 25, filters: {},
};

/** Default column names: `requester`, `owner` and `status` are derived columns; the rest are ticket properties. */
export const DEFAULT_COLUMNS = ['id', 'subject', 'requester', 'createdAt', 'owner', 'lastActivityAt', 'status'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const oneOf = (values: readonly string[], value: unknown) => typeof value === 'string' && values.includes(value);
const wholeAtLeast1 = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 1;

/** The problems of one field of a query (none when its value is valid); a bad filter value is `filters.<name>`. */
export function queryFieldProblem(key: keyof TicketQuery, value: unknown): FieldError[] {
  const bad = (message: string, field: string = key): FieldError[] => [{ field, message }];
  switch (key) {
    case 'view': return oneOf(TICKET_VIEWS, value) ? [] : bad(QUERY_MESSAGES.view);
    case 'status': return oneOf(STATUS_FILTERS, value) ? [] : bad(QUERY_MESSAGES.status);
    case 'order': return oneOf(SORT_ORDERS, value) ? [] : bad(QUERY_MESSAGES.order);
    case 'q': return typeof value === 'string' && [...value].length <= MAX_SEARCH_LENGTH ? [] : bad(QUERY_MESSAGES.q);
    case 'sort': return typeof value === 'string' && SORT_COLUMN.test(value) ? [] : bad(QUERY_MESSAGES.sort);
    case 'page': return wholeAtLeast1(value) ? [] : bad(QUERY_MESSAGES.page);
    case 'pageSize':
      if (!wholeAtLeast1(value)) return bad(QUERY_MESSAGES.pageSize);
      return value <= MAX_PAGE_SIZE ? [] : bad(QUERY_MESSAGES.pageSizeMax);
    case 'filters':
      if (!isRecord(value)) return bad(QUERY_MESSAGES.filters);
      return Object.entries(value).filter(([, v]) => typeof v !== 'string').map(([name]) => ({ field: `filters.${name}`, message: QUERY_MESSAGES.filter }));
    default: return bad('Unknown query parameter.');
  }
}

const QUERY_KEYS = Object.keys(DEFAULT_QUERY) as (keyof TicketQuery)[];

/** Every problem of a whole query (each field present and valid), in field order; `filters.<name>` for a filter. */
export function ticketQueryProblems(input: unknown): FieldError[] {
  if (!isRecord(input)) return [{ field: 'query', message: 'Expected a ticket query.' }];
  return QUERY_KEYS.flatMap((key) => queryFieldProblem(key, input[key]));
}

/** A valid query with just its own fields (anything else dropped), or its problems. */
export function checkTicketQuery(input: unknown): { ok: true; query: TicketQuery } | { ok: false; errors: FieldError[] } {
  const errors = ticketQueryProblems(input);
  if (errors.length > 0) return { ok: false, errors };
  const given = input as TicketQuery;
  const query = Object.fromEntries(QUERY_KEYS.map((key) => [key, given[key]])) as unknown as TicketQuery;
  return { ok: true, query: { ...query, filters: { ...given.filters } } };
}
