import { msg } from '../messages.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { TicketSummary } from '../../contract/tickets.js';
import { humanize } from '../../domain/ticket-csv.js';
import type { CellFormat } from '../formats.js';

/**
 * Column and status labels and cell contents of tickets, shared by the list (table and cards) and the ticket header.
 */

/** The header of a column: the default columns in the user's language, custom properties humanized. */
export function columnLabel(column: string): string {
  switch (column) {
    case 'id': return msg('ID', { id: 'list.col.id' });
    case 'subject': return msg('Subject', { id: 'list.col.subject' });
    case 'requester': return msg('Requested by', { id: 'list.col.requester' });
    case 'createdAt': return msg('Created', { id: 'list.col.created' });
    case 'owner': return msg('Ticket owner', { id: 'list.col.owner' });
    case 'lastActivityAt': return msg('Last activity', { id: 'list.col.last-activity' });
    case 'status': return msg('Status', { id: 'list.col.status' });
    case 'priority': return msg('Priority', { id: 'list.col.priority' });
    case 'pipeline': return msg('Pipeline', { id: 'list.col.pipeline' });
    case 'stage': return msg('Stage', { id: 'list.col.stage' });
    default: return humanize(column);
  }
}

/** "Open" or "Closed": a ticket's status when the portal shows open/closed rather than stages. */
export const statusLabel = (closed: boolean) => (closed ? msg('Closed', { id: 'list.closed' }) : msg('Open', { id: 'list.open' }));

/** The filter property's label (`ownerId` filters the owner column). */
export const filterLabel = (property: string) =>
  columnLabel(property === 'ownerId' ? 'owner' : property === 'contactId' ? 'requester' : property);

/**
 * What one cell shows, as plain data: its text, and the element around the text if there is one (`<time>` with its
 * `datetime` and full date as `title`, `<span class="status open|closed">`, `<span class="muted">`). The list's rows
 * build their DOM from it directly; {@link cellContent} turns it into a template.
 */
export interface CellValue {
  text: string;
  wrap?: { tag: 'time'; datetime: string; title: string } | { tag: 'span'; class: string };
}

const time = (iso: string, text: string, format: CellFormat): CellValue =>
  ({ text, wrap: { tag: 'time', datetime: iso, title: format.full.format(new Date(iso)) } });

/** The content of one cell as data (`null`: the cell is empty). */
export function cellValue(ticket: TicketSummary, column: string, format: CellFormat, statusAsStages: boolean): CellValue | null {
  switch (column) {
    case 'id': return { text: `#${ticket.id}` };
    case 'subject': return { text: ticket.subject };
    case 'requester': return { text: ticket.requesterName };
    case 'owner': return ticket.ownerName !== null && ticket.ownerName !== undefined
      ? { text: ticket.ownerName }
      : { text: msg('Unassigned', { id: 'list.unassigned' }), wrap: { tag: 'span', class: 'muted' } };
    case 'createdAt': return time(ticket.createdAt, format.date.format(new Date(ticket.createdAt)), format);
    case 'lastActivityAt': return time(ticket.lastActivityAt, format.ago(ticket.lastActivityAt), format);
    case 'status': {
      const label = statusAsStages
        ? ticket.status.label
        : statusLabel(ticket.status.closed);
      return { text: label, wrap: { tag: 'span', class: `status ${ticket.status.closed ? 'closed' : 'open'}` } };
    }
    case 'priority': return ticket.priority === null || ticket.priority === undefined ? null : { text: ticket.priority };
    case 'pipeline': return { text: ticket.pipeline };
    case 'stage': return { text: ticket.stage };
    default: {
      const value = ticket.properties[column];
      if (value === undefined || value === null) return null;
      if (typeof value === 'boolean') return { text: value ? msg('Yes', { id: 'list.yes' }) : msg('No', { id: 'list.no' }) };
      if (typeof value === 'number') return { text: format.number.format(value) };
      return { text: value };
    }
  }
}

/** The content of one cell as a template (the ticket header's facts). */
export function cellContent(ticket: TicketSummary, column: string, format: CellFormat, statusAsStages: boolean): TemplateResult | string | typeof nothing {
  const value = cellValue(ticket, column, format, statusAsStages);
  if (!value) return nothing;
  const wrap = value.wrap;
  if (!wrap) return value.text;
  return wrap.tag === 'time'
    ? html`<time datetime=${wrap.datetime} title=${wrap.title}>${value.text}</time>`
    : html`<span class=${wrap.class}>${value.text}</span>`;
}

/** The column that carries the link to the ticket: the subject, else the ID, else the first column. */
export const linkColumn = (columns: readonly string[]) =>
  columns.includes('subject') ? 'subject' : columns.includes('id') ? 'id' : columns[0];
