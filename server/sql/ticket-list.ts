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

function baseQuery(db: Db, scope: TicketScope, query: TicketQuery, settings: ListSettings) {
  return db.selectFrom('tickets as t')
    .leftJoin('stages as s', (join) => join.onRef('s.pipeline_id', '=', 't.pipeline').onRef('s.id', '=', 't.stage'))
    .where((eb) => compileWhere(eb, { scope, visibility: settings.visibility, query }));
}

/**
 * One page of the list, as `queryTickets` of `src/domain/ticket-query.ts` answers it: every rule is compiled into
 * the WHERE and ORDER BY of one SQL statement (plus its count); nothing is filtered in JavaScript.
 */
export async function listTickets(db: Db, scope: TicketScope, query: TicketQuery, settings: ListSettings): Promise<TicketPage> {
  const counted = await baseQuery(db, scope, query, settings)
    .select((eb) => eb.fn.countAll<number | bigint>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(counted.n);
  const offset = (query.page - 1) * query.pageSize;
  if (total <= offset) return { items: [], page: query.page, pageSize: query.pageSize, total };

  let ordered = baseQuery(db, scope, query, settings)
    .leftJoin('contacts as c', 'c.id', 't.contact_id')
    .leftJoin('agents as a', 'a.id', 't.owner_id')
    .leftJoin('ticket_properties as sp', (join) => join.onRef('sp.ticket_id', '=', 't.id').on('sp.name', '=', query.sort))
    .selectAll('t');
  for (const key of sortKeys(expressionBuilder<SortDb, 't' | 's' | 'c' | 'a' | 'sp'>(), query.sort, settings.ownerName)) {
    ordered = ordered.orderBy(key.expression, key.fixed ? 'asc' : query.order);
  }
  const page = await ordered.limit(query.pageSize).offset(offset).execute();
  const ids = page.map((r) => r.id);
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
