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

const time = (iso: string, text: string, format: CellFormat) =>
  html`<time datetime=${iso} title=${format.full.format(new Date(iso))}>${text}</time>`;

/** The content of one cell (the link cell is rendered by the table). */
export function cellContent(ticket: TicketSummary, column: string, format: CellFormat, statusAsStages: boolean): TemplateResult | string | typeof nothing {
  switch (column) {
    case 'id': return `#${ticket.id}`;
    case 'subject': return ticket.subject;
    case 'requester': return ticket.requesterName;
    case 'owner': return ticket.ownerName ?? html`<span class="muted">${msg('Unassigned', { id: 'list.unassigned' })}</span>`;
    case 'createdAt': return time(ticket.createdAt, format.date.format(new Date(ticket.createdAt)), format);
    case 'lastActivityAt': return time(ticket.lastActivityAt, format.ago(ticket.lastActivityAt), format);
    case 'status': {
      const label = statusAsStages
        ? ticket.status.label
        : statusLabel(ticket.status.closed);
      return html`<span class="status ${ticket.status.closed ? 'closed' : 'open'}">${label}</span>`;
    }
    case 'priority': return ticket.priority ?? nothing;
    case 'pipeline': return ticket.pipeline;
    case 'stage': return ticket.stage;
    default: {
      const value = ticket.properties[column];
      if (value === undefined || value === null) return nothing;
      if (typeof value === 'boolean') return value ? msg('Yes', { id: 'list.yes' }) : msg('No', { id: 'list.no' });
      if (typeof value === 'number') return format.number.format(value);
      return value;
    }
  }
}

/** The column that carries the link to the ticket: the subject, else the ID, else the first column. */
export const linkColumn = (columns: readonly string[]) =>
  columns.includes('subject') ? 'subject' : columns.includes('id') ? 'id' : columns[0];
