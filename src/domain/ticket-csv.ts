import { toCsv } from './csv.js';
import { toSummary, type DisplayContext } from './display.js';
import type { TicketRecord } from './world.js';

type Language = 'en' | 'de' | 'sv' | 'da';

/** Column headers of the default columns per language (the list element shows the same words). */
export const COLUMN_HEADERS: Record<Language, Record<string, string>> = {
  en: { id: 'ID', subject: 'Subject', requester: 'Requested by', createdAt: 'Created', owner: 'Ticket owner', lastActivityAt: 'Last activity', status: 'Status', pipeline: 'Pipeline', stage: 'Stage', priority: 'Priority' },
  de: { id: 'ID', subject: 'Betreff', requester: 'Angefragt von', createdAt: 'Erstellt', owner: 'Ticketinhaber', lastActivityAt: 'Letzte Aktivität', status: 'Status', pipeline: 'Pipeline', stage: 'Phase', priority: 'Priorität' },
  sv: { id: 'ID', subject: 'Ämne', requester: 'Begärt av', createdAt: 'Skapat', owner: 'Ärendeägare', lastActivityAt: 'Senaste aktivitet', status: 'Status', pipeline: 'Pipeline', stage: 'Fas', priority: 'Prioritet' },
  da: { id: 'ID', subject: 'Emne', requester: 'Anmodet af', createdAt: 'Oprettet', owner: 'Sagsejer', lastActivityAt: 'Seneste aktivitet', status: 'Status', pipeline: 'Pipeline', stage: 'Fase', priority: 'Prioritet' },
};

/** "Open"/"Closed" per language, for CSV cells when the status shows as open/closed. */
export const STATUS_WORDS: Record<Language, { open: string; closed: string }> = {
  en: { open: 'Open', closed: 'Closed' },
  de: { open: 'Offen', closed: 'Geschlossen' },
  sv: { open: 'Öppet', closed: 'Stängt' },
  da: { open: 'Åben', closed: 'Lukket' },
};

const languageOf = (locale: string | undefined): Language => {
  const l = (locale ?? 'en').toLowerCase().split('-')[0];
  return l === 'de' || l === 'sv' || l === 'da' ? l : 'en';
};

/** A custom property name as a header: `product_line` → "Product line". */
export const humanize = (name: string) => {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const columnHeader = (column: string, locale?: string) => COLUMN_HEADERS[languageOf(locale)][column] ?? humanize(column);

/** The cell text of one column of one ticket. */
export function columnText(ticket: TicketRecord, column: string, ctx: DisplayContext, locale?: string): string | number | boolean | null {
  const summary = toSummary(ticket, ctx);
  switch (column) {
    case 'requester': return summary.requesterName;
    case 'owner': return summary.ownerName;
    case 'status': {
      if (ctx.settings.statusDisplay === 'stages') return summary.status.label;
      const words = STATUS_WORDS[languageOf(locale)];
      return summary.status.closed ? words.closed : words.open;
    }
    case 'id': case 'subject': case 'createdAt': case 'lastActivityAt': case 'pipeline': case 'stage': case 'priority':
      return summary[column];
    default:
      return summary.properties[column] ?? null;
  }
}

/** The tickets of a view as CSV with the visible columns, headers in the requested language. */
export function ticketsCsv(tickets: readonly TicketRecord[], columns: readonly string[], ctx: DisplayContext, locale?: string): string {
  return toCsv(columns.map((c) => columnHeader(c, locale)), tickets.map((t) => columns.map((c) => columnText(t, c, ctx, locale))));
}
