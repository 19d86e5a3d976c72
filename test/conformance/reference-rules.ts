import type { FilterCondition, FilterGroups } from '../../src/contract/filters.js';
import type { Settings } from '../../src/contract/settings.js';
import type { TicketQuery } from '../../src/contract/tickets.js';
import type { ContactRecord, PipelineRecord, TicketRecord } from '../../src/domain/world.js';

/**
 * An independent reading of the portal's rules (PRODUCT.md §2, HTTP-API.md), written from the specification and
 * not from `src/domain`, so the property test checks both adapters against something that does not share their code.
 */
type Value = string | number | boolean | null | undefined;

const absent = (v: Value): v is null | undefined | '' => v === undefined || v === null || v === '';
const lower = (v: string | number | boolean) => String(v).toLowerCase();

const TICKET_CORE = new Set(['id', 'subject', 'content', 'pipeline', 'stage', 'priority', 'ownerId', 'contactId', 'companyId', 'createdAt', 'lastActivityAt']);

export function ticketProperty(ticket: TicketRecord, name: string): Value {
  if (TICKET_CORE.has(name)) return (ticket as unknown as Record<string, Value>)[name];
  return Object.prototype.hasOwnProperty.call(ticket.properties, name) ? ticket.properties[name] : undefined;
}

function contactProperty(contact: ContactRecord, name: string): Value {
  if (name === 'id' || name === 'email' || name === 'name' || name === 'companyId') return contact[name];
  return Object.prototype.hasOwnProperty.call(contact.properties, name) ? contact.properties[name] : undefined;
}

function holds(condition: FilterCondition, actual: Value): boolean {
  const { operator } = condition;
  if (operator === 'known' || operator === 'unknown') return absent(actual) === (operator === 'unknown');
  if (absent(actual)) return operator === 'neq';
  const list = condition.value === undefined ? [] : Array.isArray(condition.value) ? condition.value : [condition.value];
  if (operator === 'in') return list.some((v) => lower(v) === lower(actual));
  if (list.length !== 1) return false;
  const [expected] = list;
  switch (operator) {
    case 'eq': return lower(actual) === lower(expected);
    case 'neq': return lower(actual) !== lower(expected);
    case 'contains': return lower(actual).includes(lower(expected));
    default: {
      let diff: number;
      if (typeof expected === 'number') {
        const n = typeof actual === 'number' ? actual : typeof actual === 'string' && actual.trim() !== '' ? Number(actual) : Number.NaN;
        if (!Number.isFinite(n)) return false;
        diff = n - expected;
      } else {
        diff = lower(actual) < lower(expected) ? -1 : lower(actual) > lower(expected) ? 1 : 0;
      }
      return operator === 'gt' ? diff > 0 : diff < 0;
    }
  }
}

const groupsHold = (groups: FilterGroups, get: (name: string) => Value) =>
  groups.any.some((g) => g.all.every((c) => holds(c, get(c.property))));

/** Whether the contact may use the company view at all. */
export function companyAllowed(settings: Settings, contact: ContactRecord): boolean {
  if (contact.companyId === null) return false;
  const { mode, group } = settings.permissions;
  if (mode === 'company') return true;
  if (mode === 'company-for-group') return group !== undefined && groupsHold(group, (p) => contactProperty(contact, p));
  return false;
}

/** Whether the ticket may appear in the view for this contact (permission + visibility), ignoring the query. */
export function allowed(settings: Settings, contact: ContactRecord, ticket: TicketRecord, view: 'mine' | 'company'): boolean {
  const inView = view === 'mine' ? ticket.contactId === contact.id : companyAllowed(settings, contact) && ticket.companyId === contact.companyId;
  return inView && (settings.visibility === null || groupsHold(settings.visibility, (p) => ticketProperty(ticket, p)));
}

/** Whether the ticket matches the query's status, `filter[…]` and search. */
export function matches(pipelines: PipelineRecord[], ticket: TicketRecord, query: TicketQuery): boolean {
  const stage = pipelines.find((p) => p.id === ticket.pipeline)?.stages.find((s) => s.id === ticket.stage);
  const closed = stage?.closed === true;
  if (query.status !== 'all' && closed !== (query.status === 'closed')) return false;
  for (const [name, value] of Object.entries(query.filters)) {
    const actual = ticketProperty(ticket, name);
    if (absent(actual) || lower(actual) !== value.toLowerCase()) return false;
  }
  const q = query.q.trim().toLowerCase();
  if (q === '') return true;
  const idMatch = /^#?([0-9]{1,15})$/.exec(q);
  return ticket.subject.toLowerCase().includes(q) || (idMatch !== null && Number(idMatch[1]) === ticket.id);
}

/**
 * Whether customers may filter by the property: a core ticket field, a list column or a support-form field (every
 * other custom property is hidden from them, so filtering by it is refused).
 */
export function filterable(settings: Settings, name: string): boolean {
  return TICKET_CORE.has(name) || settings.columns.includes(name) || settings.supportForm.fields.some((f) => f.type !== 'file' && f.name === name);
}

/**
 * Whether customers may sort by the column: one they may filter by, or a column the list derives (the requester's
 * and owner's names, the status); sorting by a hidden property is refused, as it would reveal the order of its values.
 */
export function sortable(settings: Settings, name: string): boolean {
  return ['requester', 'owner', 'status'].includes(name) || filterable(settings, name);
}
