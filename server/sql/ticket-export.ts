import type { Settings } from '../../src/contract/settings.js';
import type { TicketQuery } from '../../src/contract/tickets.js';
import { CSV_BOM, csvRow } from '../../src/domain/csv.js';
import type { DisplayContext } from '../../src/domain/display.js';
import type { TicketScope } from '../../src/domain/permissions.js';
import { columnHeader, columnText, type CsvTexts } from '../../src/domain/ticket-csv.js';
import { shippedTexts } from '../../src/locales/texts.js';
import type { Db } from '../db/connect.js';
import { readAgents } from '../store/agents.js';
import { readContactNames } from '../store/contacts.js';
import { readPipelines } from '../store/pipelines.js';
import { readCustomProperties, toRecord } from '../store/tickets.js';
import { matchingTickets, orderedTickets } from './ticket-list.js';
import { effectiveColumns } from '../../src/domain/columns.js';

type ExportSettings = Pick<Settings, 'visibility' | 'statusDisplay' | 'ownerName' | 'columns'>;
export type ExportQuery = Omit<TicketQuery, 'page' | 'pageSize' | 'view'>;

/** Rows fetched and written per step of the stream. */
export const EXPORT_BATCH = 500;

/**
 * The ids of every ticket of the view in list order: one indexed statement with the rules in its WHERE. Only the
 * ids are held (8 bytes a row); the rows themselves are read batch by batch while the CSV streams.
 */
export async function exportIds(db: Db, scope: TicketScope, query: ExportQuery, settings: ExportSettings): Promise<number[]> {
  const rows = await orderedTickets(db, scope, query, settings).select('t.id').execute();
  return rows.map((r) => r.id);
}

/** One batch as CSV records, in the order of `ids`. The rules are applied again, so a ticket changed since is left out. */
async function batchCsv(db: Db, ids: number[], scope: TicketScope, query: ExportQuery, settings: ExportSettings, ctx: Omit<DisplayContext, 'contacts' | 'agents'>, texts: CsvTexts): Promise<string> {
  const rows = await matchingTickets(db, scope, query, settings).where('t.id', 'in', ids).selectAll('t').execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const [properties, contacts, agents] = await Promise.all([
    readCustomProperties(db, rows.map((r) => r.id)),
    readContactNames(db, [...new Set(rows.map((r) => r.contact_id))]),
    readAgents(db, [...new Set(rows.flatMap((r) => (r.owner_id === null ? [] : [r.owner_id])))]),
  ]);
  const full: DisplayContext = { ...ctx, contacts, agents };
  let out = '';
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) continue;
    const ticket = toRecord(row, properties.get(id) ?? {});
    out += csvRow(effectiveColumns(settings.columns).map((column) => columnText(ticket, column, full, texts)));
  }
  return out;
}

/**
 * The view as CSV (BOM, header row, CRLF records: `ticketsCsv` of `src/domain/ticket-csv.ts`), produced on demand:
 * each pull reads one batch of rows, so memory stays flat whatever the size of the view, and a slow reader slows
 * the reading (backpressure) instead of filling memory. The database is free between batches.
 */
export function ticketCsvStream(db: Db, ids: number[], scope: TicketScope, query: ExportQuery, settings: ExportSettings, locale?: string, batchSize = EXPORT_BATCH): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = -1;
  let ctx: Omit<DisplayContext, 'contacts' | 'agents'> | undefined;
  let texts: CsvTexts = {};
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (next < 0) {
        ctx = { pipelines: await readPipelines(db), settings };
        texts = await shippedTexts(locale);
        controller.enqueue(encoder.encode(CSV_BOM + csvRow(effectiveColumns(settings.columns).map((c) => columnHeader(c, texts)))));
        next = 0;
        return;
      }
      // Loop until something is enqueued: a pull that enqueues nothing is not called again.
      while (next < ids.length && !cancelled) {
        const batch = ids.slice(next, next + batchSize);
        next += batchSize;
        const text = await batchCsv(db, batch, scope, query, settings, ctx as NonNullable<typeof ctx>, texts);
        if (cancelled) return;
        if (text !== '') {
          controller.enqueue(encoder.encode(text));
          return;
        }
      }
      if (!cancelled) controller.close();
    },
    cancel() {
      cancelled = true;
    },
  }, { highWaterMark: 1 });
}
