import { sql, type Expression, type SqlBool } from 'kysely';
import type { Settings } from '../../src/contract/settings.js';
import type { TicketQuery } from '../../src/contract/tickets.js';
import { ticketStatus } from '../../src/domain/display.js';
import type { PipelineRecord, TicketRecord } from '../../src/domain/world.js';
import type { Db } from '../db/connect.js';
import { readPipelines } from '../store/pipelines.js';
import { readCustomProperties, toRecord } from '../store/tickets.js';
import type { ListEb } from './ticket-filters.js';
import { matchingTickets, orderedTickets } from './ticket-list.js';

export interface HelpdeskQuery extends Omit<TicketQuery, 'view'> {
  /** Tickets with a thread that came in through this inbox. */
  inbox?: string;
  /** `true`: the last visible message is the customer's; `false`: it is not (or there is none). */
  waitingOnUs?: boolean;
}

/** The author kind of a ticket's newest message that is not an internal note (portable: ORDER BY + LIMIT 1). */
const lastAuthor = (eb: ListEb) => eb.selectFrom('messages as lm').select('lm.author_kind')
  .whereRef('lm.ticket_id', '=', 't.id').where('lm.internal', '=', 0)
  .orderBy('lm.created_at', 'desc').orderBy('lm.id', 'desc').limit(1);

function extraWhere(eb: ListEb, query: HelpdeskQuery): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [sql<SqlBool>`1 = 1`];
  if (query.inbox !== undefined) {
    parts.push(eb.exists(eb.selectFrom('ticket_threads as tt').select(sql<number>`1`.as('one'))
      .whereRef('tt.ticket_id', '=', 't.id').where('tt.inbox', '=', query.inbox)));
  }
  if (query.waitingOnUs !== undefined) {
    // No visible message at all counts as not waiting.
    parts.push(eb(eb.fn.coalesce(lastAuthor(eb), sql.lit('none')), query.waitingOnUs ? '=' : '!=', 'contact'));
  }
  return eb.and(parts);
}

/** Which of these tickets wait on the support team (their last visible message is the customer's). */
export async function waitingOnUs(db: Db, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('tickets as t').select('t.id')
    .where('t.id', 'in', ids)
    .where((eb) => eb(lastAuthor(eb as unknown as ListEb), '=', 'contact'))
    .execute();
  return new Set(rows.map((r) => r.id));
}

export function toHelpdeskTicket(record: TicketRecord, pipelines: readonly PipelineRecord[], waiting: boolean, withContent = false) {
  const { content, ...rest } = record;
  return { ...rest, ...(withContent ? { content } : {}), status: ticketStatus(pipelines, record, 'stages'), waitingOnUs: waiting };
}

/** One page of every ticket (no customer permissions, no visibility rules), in the portal's query language. */
export async function listHelpdeskTickets(db: Db, query: HelpdeskQuery, settings: Pick<Settings, 'ownerName'>) {
  const rules = { visibility: null, statusDisplay: 'stages', ownerName: settings.ownerName } as const;
  const counted = await matchingTickets(db, null, query, rules)
    .where((eb) => extraWhere(eb as unknown as ListEb, query))
    .select((eb) => eb.fn.countAll<number | bigint>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(counted.n);
  const offset = (query.page - 1) * query.pageSize;
  if (total <= offset) return { items: [], page: query.page, pageSize: query.pageSize, total };
  const ordered = await orderedTickets(db, null, query, rules)
    .where((eb) => extraWhere(eb as unknown as ListEb, query))
    .select('t.id').limit(query.pageSize).offset(offset).execute();
  const ids = ordered.map((r) => r.id);
  const byId = new Map((ids.length === 0 ? [] : await db.selectFrom('tickets').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, r]));
  const [properties, pipelines, waiting] = await Promise.all([readCustomProperties(db, ids), readPipelines(db), waitingOnUs(db, ids)]);
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toHelpdeskTicket(toRecord(row, properties.get(id) ?? {}), pipelines, waiting.has(id))] : [];
  });
  return { items, page: query.page, pageSize: query.pageSize, total };
}
