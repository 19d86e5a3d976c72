import type { Settings } from '../contract/settings.js';
import type { TicketView } from '../contract/tickets.js';
import { matchesGroups } from './filters.js';
import { contactValue, ticketValue, type ContactRecord, type TicketRecord } from './world.js';

type Rules = Pick<Settings, 'permissions' | 'visibility'>;

/** Whether the contact may see their company's tickets. A contact without a company never may. */
export function canViewCompany(rules: Rules, contact: ContactRecord): boolean {
  if (contact.companyId === null) return false;
  switch (rules.permissions.mode) {
    case 'own':
      return false;
    case 'company':
      return true;
    case 'company-for-group': {
      const group = rules.permissions.group;
      return group !== undefined && matchesGroups(group, (p) => contactValue(contact, p));
    }
  }
}

/** Which tickets a view covers before visibility rules: the contact's own, or their company's. */
export type TicketScope = { kind: 'contact'; contactId: number } | { kind: 'company'; companyId: number };

/** The scope of a view, or `null` when the contact may not use it (company view without company permission). */
export function scopeFor(rules: Rules, contact: ContactRecord, view: TicketView): TicketScope | null {
  if (view === 'mine') return { kind: 'contact', contactId: contact.id };
  if (!canViewCompany(rules, contact) || contact.companyId === null) return null;
  return { kind: 'company', companyId: contact.companyId };
}

export function inScope(scope: TicketScope, ticket: TicketRecord): boolean {
  return scope.kind === 'contact' ? ticket.contactId === scope.contactId : ticket.companyId === scope.companyId;
}

/** Whether the admin's visibility rules let a ticket appear in the portal at all (`null` = no rules). */
export function passesVisibility(rules: Rules, ticket: TicketRecord): boolean {
  return rules.visibility === null || matchesGroups(rules.visibility, (p) => ticketValue(ticket, p));
}

/**
 * Whether the contact may see this one ticket (detail, messages, attachments): their own, or their company's
 * when they have company permission, and always within the visibility rules.
 */
export function maySeeTicket(rules: Rules, contact: ContactRecord, ticket: TicketRecord): boolean {
  const own = ticket.contactId === contact.id;
  const company = !own && canViewCompany(rules, contact) && ticket.companyId === contact.companyId;
  return (own || company) && passesVisibility(rules, ticket);
}
