import { toCsv } from './csv.js';
import { toSummary, type DisplayContext } from './display.js';
import type { TicketRecord } from './world.js';

/** Column headers in the CSV (English; the server and the list element localize their own labels). */
export const COLUMN_HEADERS: Record<string, string> = {
  id: 'ID', subject: 'Subject', requester: 'Requested by', createdAt: 'Created', owner: 'Ticket owner',
  lastActivityAt: 'Last activity', status: 'Status', pipeline: 'Pipeline', stage: 'Stage', priority: 'Priority',
};

/** The cell text of one column of one ticket. */
export function columnText(ticket: TicketRecord, column: string, ctx: DisplayContext): string | number | boolean | null {
  const summary = toSummary(ticket, ctx);
  switch (column) {
    case 'requester': return summary.requesterName;
    case 'owner': return summary.ownerName;
    case 'status': return summary.status.label;
    case 'id': case 'subject': case 'createdAt': case 'lastActivityAt': case 'pipeline': case 'stage': case 'priority':
      return summary[column];
    default:
      return summary.properties[column] ?? null;
  }
}

/** The tickets of a view as CSV with the visible columns. */
export function ticketsCsv(tickets: readonly TicketRecord[], columns: readonly string[], ctx: DisplayContext): string {
  return toCsv(columns.map((c) => COLUMN_HEADERS[c] ?? c), tickets.map((t) => columns.map((c) => columnText(t, c, ctx))));
}
