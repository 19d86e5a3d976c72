import type { Session } from '../../contract/session.js';
import type { PublicSettings } from '../../contract/settings.js';
import type { TicketQuery, TicketView } from '../../contract/tickets.js';
import { listQueryFromAddress, listQueryToParams } from '../../contract/list-query.js';
import { sortableAmong } from '../../domain/exposed-properties.js';

const viewKey = (userId: number) => `customer-portal:view:${userId}`;

/** The view the contact chose last time (per user, per browser), if any. */
export function storedView(session: Session): TicketView | null {
  try {
    const value = localStorage.getItem(viewKey(session.user.id));
    return value === 'mine' || value === 'company' ? value : null;
  } catch {
    return null;
  }
}

export function storeView(session: Session, view: TicketView) {
  try {
    localStorage.setItem(viewKey(session.user.id), view);
  } catch {
    // Storage may be off (private mode); the choice then lasts for this page only.
  }
}

/**
 * The list query from URL parameters. Values that do not make sense (a typo in a shared link) fall back to
 * their defaults one by one instead of failing the whole list. The view comes from the URL, then the stored
 * choice, then "mine"; company view only when the session allows it. With the settings, a sort by a column
 * customers may not sort by (a stale link to a column the admin has since hidden) falls back to the default sort,
 * as the server would refuse it.
 */
export function queryFromParams(params: URLSearchParams, session: Session | null | undefined, settings?: Pick<PublicSettings, 'columns'> | null): TicketQuery {
  const maySortBy = settings ? (column: string) => sortableAmong(column, settings.columns) : undefined;
  const { view: named, ...rest } = listQueryFromAddress(params, { maySortBy });
  const wanted = named ?? (session ? storedView(session) : null) ?? 'mine';
  const view: TicketView = wanted === 'company' && session?.canViewCompany ? 'company' : 'mine';
  return { ...rest, view };
}

/** URL parameters for a query (defaults left out). */
export const paramsFromQuery = (query: TicketQuery): URLSearchParams => listQueryToParams(query);

/** Whether the list is narrowed by anything the user chose (so an empty list means "nothing matches"). */
export const isNarrowed = (query: TicketQuery) =>
  query.q.trim() !== '' || query.status !== 'all' || Object.keys(query.filters).length > 0;
