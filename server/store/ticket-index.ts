import type { PropertyValue } from '../../src/contract/common.js';
import { asNumber, comparable } from '../../src/domain/filters.js';
import { CORE_TICKET_FIELDS, type TicketRecord } from '../../src/domain/world.js';
import type { TicketPropertiesTable } from '../db/types.js';

/** One property in the stored matching form (see `TicketPropertiesTable`). Mirrors `src/domain/filters.ts`. */
export function propertyRow(ticketId: number, name: string, value: PropertyValue, core: boolean): TicketPropertiesTable {
  const num = value === null ? Number.NaN : asNumber(value);
  return {
    ticket_id: ticketId,
    name,
    core: core ? 1 : 0,
    value_json: JSON.stringify(value),
    value_text: value === null ? null : comparable(value),
    value_num: Number.isFinite(num) ? num : null,
    sort_num: typeof value === 'number' ? value : 0,
    known: value === null || value === '' ? 0 : 1,
  };
}

/** Every core field and custom property of a ticket as index rows. */
export function ticketPropertyRows(ticket: TicketRecord): TicketPropertiesTable[] {
  const rows = CORE_TICKET_FIELDS.map((field) => propertyRow(ticket.id, field, ticket[field] ?? null, true));
  for (const [name, value] of Object.entries(ticket.properties)) rows.push(propertyRow(ticket.id, name, value, false));
  return rows;
}
