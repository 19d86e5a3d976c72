import { expressionBuilder } from 'kysely';
import type { Settings } from '../../src/contract/settings.js';
import type { TicketPage, TicketQuery } from '../../src/contract/tickets.js';
import { toSummary, type DisplayContext } from '../../src/domain/display.js';
import type { TicketScope } from '../../src/domain/permissions.js';
import type { Db } from '../db/connect.js';
import { readAgents } from '../store/agents.js';
import { readContactNames } from '../store/contacts.js';
import { readPipelines } from '../store/pipelines.js';
import { readCustomProperties, toRecord } from '../store/tickets.js';
import { compileWhere, sortKeys, type SortDb } from './ticket-filters.js';

type ListSettings = Pick<Settings, 'visibility' | 'statusDisplay' | 'ownerName'>;

/** Tickets in scope passing visibility, status, filters and search (`tickets as t`). */
export function matchingTickets(db: Db, scope: TicketScope | null, query: Pick<TicketQuery, 'status' | 'q' | 'filters'>, settings: ListSettings) {
  return db.selectFrom('tickets as t')
    .where((eb) => compileWhere(eb, { scope, visibility: settings.visibility, query }));
}

/** Which tables a sort reads besides `tickets`. */
function sortJoins(sort: string) {
  const derived = sort === 'id' || sort === 'createdAt' || sort === 'lastActivityAt' || sort === 'requester' || sort === 'owner' || sort === 'status';
  return { s: sort === 'status', c: sort === 'requester', a: sort === 'owner', sp: !derived };
}

/**
 * The list's rows in list order (scope, visibility, status, filters, search; sort with ties by id), nothing selected
 * yet. Only the tables the sort reads are joined (the sort expressions come from a free expression builder).
 */
export function orderedTickets(db: Db, scope: TicketScope | null, query: Omit<TicketQuery, 'page' | 'pageSize' | 'view'>, settings: ListSettings) {
  const joins = sortJoins(query.sort);
  let ordered = matchingTickets(db, scope, query, settings)
    .$if(joins.s, (qb) => qb.leftJoin('stages as s', (join) => join.onRef('s.pipeline_id', '=', 't.pipeline').onRef('s.id', '=', 't.stage')))
    .$if(joins.c, (qb) => qb.leftJoin('contacts as c', 'c.id', 't.contact_id'))
    .$if(joins.a, (qb) => qb.leftJoin('agents as a', 'a.id', 't.owner_id'))
    .$if(joins.sp, (qb) => qb.leftJoin('ticket_properties as sp', (join) => join.onRef('sp.ticket_id', '=', 't.id').on('sp.name', '=', query.sort)));
  for (const key of sortKeys(expressionBuilder<SortDb, 't' | 's' | 'c' | 'a' | 'sp'>(), query.sort, settings.ownerName)) {
    ordered = ordered.orderBy(key.expression, key.fixed ? 'asc' : query.order);
  }
  return ordered;
}

/**
 * One page of the list, as `queryTickets` of `src/domain/ticket-query.ts` answers it: every rule is compiled into
 * the WHERE and ORDER BY of one SQL statement (plus its count); nothing is filtered in JavaScript.
 */
export async function listTickets(db: Db, scope: TicketScope, query: TicketQuery, settings: ListSettings): Promise<TicketPage> {
  const counted = await matchingTickets(db, scope, query, settings)
    .select((eb) => eb.fn.countAll<number | bigint>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(counted.n);
  const offset = (query.page - 1) * query.pageSize;
  if (total <= offset) return { items: [], page: query.page, pageSize: query.pageSize, total };

  // Sort narrow rows (ids), then read the page's rows by id.
  const ordered = await orderedTickets(db, scope, query, settings).select('t.id').limit(query.pageSize).offset(offset).execute();
  const ids = ordered.map((r) => r.id);
  const byId = new Map((ids.length === 0 ? [] : await db.selectFrom('tickets').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, r]));
  const page = ids.flatMap((id) => byId.get(id) ?? []);
  const [properties, contacts, agents, pipelines] = await Promise.all([
    readCustomProperties(db, ids),
    readContactNames(db, [...new Set(page.map((r) => r.contact_id))]),
    readAgents(db, [...new Set(page.flatMap((r) => (r.owner_id === null ? [] : [r.owner_id])))]),
    readPipelines(db),
  ]);
  const ctx: DisplayContext = { pipelines, contacts, agents, settings };
  const items = page.map((r) => toSummary(toRecord(r, properties.get(r.id) ?? {}), ctx));
  return { items, page: query.page, pageSize: query.pageSize, total };
}
