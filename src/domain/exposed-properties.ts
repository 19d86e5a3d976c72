import type { PropertyBag } from '../contract/common.js';
import type { FieldError } from '../contract/errors.js';
import type { Settings } from '../contract/settings.js';
import type { TicketQuery } from '../contract/tickets.js';
import { isCoreTicketField } from './world.js';

/**
 * The custom ticket properties customers may receive: those the admin shows (list columns, which are also the
 * detail header's properties) and those the support form asks for (the customer's own answers). Every other
 * custom property stays with the helpdesk.
 */
export function exposedPropertyNames(settings: Pick<Settings, 'columns' | 'supportForm'>): Set<string> {
  return new Set([...settings.columns, ...settings.supportForm.fields.filter((f) => f.type !== 'file').map((f) => f.name)]);
}

/** Only the exposed properties of a ticket's property bag. */
export function exposedProperties(properties: PropertyBag, settings: Pick<Settings, 'columns' | 'supportForm'>): PropertyBag {
  const names = exposedPropertyNames(settings);
  return Object.fromEntries(Object.entries(properties).filter(([name]) => names.has(name)));
}

/**
 * Whether customers may filter a ticket list by the property: a core ticket field or an exposed custom property.
 * Filtering by a hidden property would reveal its values one guess at a time.
 */
export function customerMayFilterBy(property: string, settings: Pick<Settings, 'columns' | 'supportForm'>): boolean {
  return isCoreTicketField(property) || exposedPropertyNames(settings).has(property);
}

/**
 * The first `filter[…]` of a customer's list query that names a property customers may not filter by (see
 * {@link customerMayFilterBy}), as a field error naming the parameter; `null` when every filter is allowed. Hidden
 * and unknown properties get the same message, so the answer tells nothing about which exist.
 */
export function hiddenFilterField(query: Pick<TicketQuery, 'filters'>, settings: Pick<Settings, 'columns' | 'supportForm'>): FieldError | null {
  for (const property of Object.keys(query.filters)) {
    if (!customerMayFilterBy(property, settings)) return { field: `filter[${property}]`, message: `Tickets cannot be filtered by "${property}".` };
  }
  return null;
}

/** Columns the list derives rather than reads: the requester's and owner's names and the status (stage order). */
export const DERIVED_SORT_COLUMNS: readonly string[] = ['requester', 'owner', 'status'];

/**
 * Whether customers may sort a ticket list by the column: a core ticket field, a derived column (requester, owner,
 * status) or an exposed custom property. Sorting by a hidden property would reveal the order of its values.
 */
export function customerMaySortBy(column: string, settings: Pick<Settings, 'columns' | 'supportForm'>): boolean {
  return sortableAmong(column, exposedPropertyNames(settings));
}

/**
 * The same rule given the exposed property names the caller knows: the ticket list knows only its columns (the
 * public settings carry no form fields), so it may allow fewer sorts than the server, never more.
 */
export function sortableAmong(column: string, exposed: { has(name: string): boolean } | readonly string[]): boolean {
  const shown = 'has' in exposed ? exposed.has(column) : exposed.includes(column);
  return DERIVED_SORT_COLUMNS.includes(column) || isCoreTicketField(column) || shown;
}

/**
 * The `sort` of a customer's list query as a field error naming the parameter when customers may not sort by it
 * (see {@link customerMaySortBy}); `null` when allowed. Hidden and unknown columns get the same message.
 */
export function hiddenSortField(query: Pick<TicketQuery, 'sort'>, settings: Pick<Settings, 'columns' | 'supportForm'>): FieldError | null {
  return customerMaySortBy(query.sort, settings) ? null : { field: 'sort', message: `Tickets cannot be sorted by "${query.sort}".` };
}
