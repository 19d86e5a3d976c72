import { Hono } from 'hono';
import * as z from 'zod/mini';
import { LocaleCode } from '../../src/contract/common.js';
import { localizedTexts } from '../../src/domain/public-settings.js';
import type { AppEnv } from '../http/context.js';
import { fieldErrors, Problem } from '../http/problem.js';
import { exportIds, ticketCsvStream } from '../sql/ticket-export.js';
import { parseTicketQuery, scopeOf } from './tickets.js';

/** RFC 5987 `filename*` value: UTF-8, percent-encoded (also `'()*`, which encodeURIComponent leaves). */
const rfc5987 = (name: string) => encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `Content-Disposition` of the export: `<ticket label plural>-<YYYY-MM-DD>.csv`, with an ASCII `filename=` fallback.
 * The label is admin data: path separators, quotes and control characters never reach the header.
 */
export function exportDisposition(label: string, date: Date): string {
  const safe = label.replace(/[\u0000-\u001f\u007f/\\:*?"<>|;]+/g, ' ').trim().replace(/\s+/g, '-') || 'tickets';
  const name = `${safe}-${date.toISOString().slice(0, 10)}.csv`;
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`;
}

/** `GET /tickets/export.csv`: the whole view (every page; search, status and filters applied) as a streamed CSV. */
export const ticketExportRoutes = new Hono<AppEnv>()
  .get('/tickets/export.csv', async (c) => {
    const query = parseTicketQuery(c, { paging: false });
    const given = c.req.query('locale');
    const locale = given === undefined || given === '' ? undefined : z.safeParse(LocaleCode, given);
    if (locale && !locale.success) throw Problem.validation(fieldErrors(locale.error.issues, 'locale'), 'The locale is not valid.');
    const scope = scopeOf(c, query.view, query);
    const { settings } = c.get('auth');
    const { db, now } = c.get('deps');
    const ids = await exportIds(db, scope, query, settings);
    const language = locale?.data;
    return c.body(ticketCsvStream(db, ids, scope, query, settings, language), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': exportDisposition(localizedTexts(settings, language).ticketLabel.plural, new Date(now())),
    });
  });
