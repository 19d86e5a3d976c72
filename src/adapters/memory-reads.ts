import { ForbiddenError, ValidationError } from '../contract/errors.js';
import type { Session } from '../contract/session.js';
import type { Ticket, TicketPage, TicketQuery } from '../contract/tickets.js';
import { checkTicketQuery } from '../contract/list-rules.js';
import { effectiveColumns } from '../domain/columns.js';
import { ticketActions } from '../domain/conversation.js';
import type { DemoWorld } from '../domain/demo-world.js';
import { toSummary, type DisplayContext } from '../domain/display.js';
import { exposedProperties, hiddenFilterField, hiddenSortField } from '../domain/exposed-properties.js';
import { ticketFacets } from '../domain/facets.js';
import { canViewCompany, scopeFor, type TicketScope } from '../domain/permissions.js';
import { ticketsCsv } from '../domain/ticket-csv.js';
import { queryTickets, selectTickets } from '../domain/ticket-query.js';
import type { ContactRecord, TicketRecord } from '../domain/world.js';
import { shippedTexts } from '../locales/texts.js';

/** What the MemoryAdapter reads, by the domain's rules (the server's SQL applies the same ones). */

export const displayContext = (world: DemoWorld): DisplayContext & { settings: DemoWorld['settings'] } => ({
  pipelines: world.pipelines,
  contacts: new Map(world.contacts.map((c) => [c.id, c])),
  agents: new Map(world.agents.map((a) => [a.id, a])),
  settings: world.settings,
});

/** A ticket as the contact sees it: summary, content, the properties customers may see and the actions. */
export function toTicket(world: DemoWorld, record: TicketRecord): Ticket {
  const summary = toSummary(record, displayContext(world));
  summary.properties = exposedProperties(summary.properties, world.settings);
  return { ...summary, content: record.content, actions: ticketActions(world.settings, summary.status.closed) };
}

function scopeOf(world: DemoWorld, contact: ContactRecord, view: TicketQuery['view']): TicketScope {
  const scope = scopeFor(world.settings, contact, view);
  if (!scope) throw new ForbiddenError('You may only see your own tickets.');
  return scope;
}

/**
 * A valid query and the scope of its view (403 first, as the server answers), whose filters and sort name only
 * properties customers receive (else an error naming the filter or `sort`, as the server's 400).
 */
function scopedQuery(world: DemoWorld, contact: ContactRecord, input: TicketQuery) {
  const checked = checkTicketQuery(input);
  if (!checked.ok) throw new ValidationError('The ticket query is not valid.', checked.errors);
  const { query } = checked;
  const scope = scopeOf(world, contact, query.view);
  const hidden = hiddenFilterField(query, world.settings) ?? hiddenSortField(query, world.settings);
  if (hidden) throw new ValidationError(hidden.message, [hidden]);
  return { query, scope };
}

export function listPage(world: DemoWorld, contact: ContactRecord, input: TicketQuery): TicketPage {
  const { query, scope } = scopedQuery(world, contact, input);
  const page = queryTickets(world.tickets, scope, query, displayContext(world));
  return { ...page, items: page.items.map((item) => ({ ...item, properties: exposedProperties(item.properties, world.settings) })) };
}

export const facetsOf = (world: DemoWorld, contact: ContactRecord, view: TicketQuery['view']) =>
  ticketFacets(world.tickets, scopeOf(world, contact, view), effectiveColumns(world.settings.columns), displayContext(world));

export async function exportCsv(world: DemoWorld, contact: ContactRecord, input: TicketQuery, locale?: string): Promise<Blob> {
  const { query, scope } = scopedQuery(world, contact, input);
  const rows = selectTickets(world.tickets, scope, query, displayContext(world));
  const csv = ticketsCsv(rows, effectiveColumns(world.settings.columns), displayContext(world), await shippedTexts(locale));
  return new Blob([csv], { type: 'text/csv;charset=utf-8' });
}

/** The session of a signed-in contact at `now` (ms); `idleSeconds` overrides the portal's idle timeout. */
export function sessionOf(world: DemoWorld, contact: ContactRecord, now: number, idleSeconds?: number): Session {
  const idle = idleSeconds ?? world.settings.idleTimeoutMinutes * 60;
  return {
    user: { id: contact.id, email: contact.email, name: contact.name, companyId: contact.companyId },
    canViewCompany: canViewCompany(world.settings, contact),
    expiresAt: new Date(now + idle * 1000).toISOString(),
    idleTimeoutSeconds: idle,
  };
}
