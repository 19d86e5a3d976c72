import { toCsv } from './csv.js';
import { toSummary, type DisplayContext } from './display.js';
import type { TicketRecord } from './world.js';

/** Texts by message id (a catalogue of `src/locales` over English), as the caller loaded them. */
export type CsvTexts = Readonly<Record<string, string | undefined>>;

/**
 * The message ids of the default columns' headers and of the open/closed words: the same texts the list element
 * shows (`src/internal/ui/columns.ts`), so an export speaks every language the portal ships.
 */
export const COLUMN_TEXT_IDS: Readonly<Record<string, string>> = {
  id: 'list.col.id', subject: 'list.col.subject', requester: 'list.col.requester', createdAt: 'list.col.created',
  owner: 'list.col.owner', lastActivityAt: 'list.col.last-activity', status: 'list.col.status',
  priority: 'list.col.priority', pipeline: 'list.col.pipeline', stage: 'list.col.stage',
};
export const STATUS_TEXT_IDS = { open: 'list.open', closed: 'list.closed' } as const;

/** A custom property name as a header: `product_line` → "Product line". */
export const humanize = (name: string) => {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const columnHeader = (column: string, texts: CsvTexts) =>
  (Object.hasOwn(COLUMN_TEXT_IDS, column) ? texts[COLUMN_TEXT_IDS[column]] : undefined) ?? humanize(column);

/** The cell text of one column of one ticket. */
export function columnText(ticket: TicketRecord, column: string, ctx: DisplayContext, texts: CsvTexts): string | number | boolean | null {
  const summary = toSummary(ticket, ctx);
  switch (column) {
    case 'requester': return summary.requesterName;
    case 'owner': return summary.ownerName;
    case 'status': {
      if (ctx.settings.statusDisplay === 'stages') return summary.status.label;
      const id = summary.status.closed ? STATUS_TEXT_IDS.closed : STATUS_TEXT_IDS.open;
      return texts[id] ?? id;
    }
    case 'id': case 'subject': case 'createdAt': case 'lastActivityAt': case 'pipeline': case 'stage': case 'priority':
      return summary[column];
    default:
      return summary.properties[column] ?? null;
  }
}

/** The tickets of a view as CSV with the visible columns, headers and words from `texts` (the requested language). */
export function ticketsCsv(tickets: readonly TicketRecord[], columns: readonly string[], ctx: DisplayContext, texts: CsvTexts): string {
  return toCsv(columns.map((c) => columnHeader(c, texts)), tickets.map((t) => columns.map((c) => columnText(t, c, ctx, texts))));
}
