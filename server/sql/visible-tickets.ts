import type { Expression, SqlBool } from 'kysely';
import type { Settings } from '../../src/contract/settings.js';
import { scopeFor } from '../../src/domain/permissions.js';
import type { ContactRecord } from '../../src/domain/world.js';
import { compileWhere, type ListEb } from './ticket-filters.js';

const ALL = { status: 'all', q: '', filters: {} } as const;

/**
 * `maySeeTicket` of src/domain/permissions.ts over `tickets as t`: the contact's own tickets, or their company's with
 * company permission, within the visibility rules — the list's compiled rules, for every ticket the contact may see.
 */
export function visibleToContact(eb: ListEb, settings: Pick<Settings, 'permissions' | 'visibility'>, contact: ContactRecord): Expression<SqlBool> {
  const own = compileWhere(eb, { scope: { kind: 'contact', contactId: contact.id }, visibility: settings.visibility, query: ALL });
  const company = scopeFor(settings, contact, 'company');
  return company ? eb.or([own, compileWhere(eb, { scope: company, visibility: settings.visibility, query: ALL })]) : own;
}
