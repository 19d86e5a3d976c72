import type { PropertyBag } from '../../src/contract/common.js';
import type { TicketRecord } from '../../src/domain/world.js';
import type { Db } from '../db/connect.js';
import type { TicketsTable } from '../db/types.js';
import type { Selectable } from 'kysely';
import { ticketPropertyRows } from './ticket-index.js';

const columns = (t: TicketRecord) => ({
  subject: t.subject,
  subject_key: t.subject.toLowerCase(),
  content: t.content,
  pipeline: t.pipeline,
  stage: t.stage,
  priority: t.priority,
  owner_id: t.ownerId,
  contact_id: t.contactId,
  company_id: t.companyId,
  created_at: t.createdAt,
  last_activity_at: t.lastActivityAt,
});

async function writeIndex(db: Db, ticket: TicketRecord): Promise<void> {
  await db.deleteFrom('ticket_properties').where('ticket_id', '=', ticket.id).execute();
  const rows = ticketPropertyRows(ticket);
  if (rows.length > 0) await db.insertInto('ticket_properties').values(rows).execute();
}

/** Inserts a ticket (`id: 0` = a new id) with its property index; resolves with its id. */
export async function insertTicket(db: Db, ticket: TicketRecord): Promise<number> {
  const row = await db.insertInto('tickets')
    .values({ ...(ticket.id > 0 ? { id: ticket.id } : {}), ...columns(ticket) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeIndex(db, { ...ticket, id: row.id });
  return row.id;
}

/** Stores a changed ticket and rewrites its property index. */
export async function updateTicket(db: Db, ticket: TicketRecord): Promise<void> {
  await db.updateTable('tickets').set(columns(ticket)).where('id', '=', ticket.id).execute();
  await writeIndex(db, ticket);
}

export function toRecord(row: Selectable<TicketsTable>, properties: PropertyBag): TicketRecord {
  return {
    id: row.id,
    subject: row.subject,
    content: row.content,
    pipeline: row.pipeline,
    stage: row.stage,
    priority: row.priority,
    ownerId: row.owner_id,
    contactId: row.contact_id,
    companyId: row.company_id,
    createdAt: row.created_at,
    lastActivityAt: row.last_activity_at,
    properties,
  };
}

/** Custom properties of some tickets, by ticket id. */
export async function readCustomProperties(db: Db, ids: readonly number[]): Promise<Map<number, PropertyBag>> {
  const result = new Map<number, PropertyBag>(ids.map((id) => [id, {}]));
  if (ids.length === 0) return result;
  const rows = await db.selectFrom('ticket_properties')
    .select(['ticket_id', 'name', 'value_json'])
    .where('ticket_id', 'in', ids)
    .where('core', '=', 0)
    .orderBy('ticket_id').orderBy('name')
    .execute();
  for (const r of rows) (result.get(r.ticket_id) as PropertyBag)[r.name] = JSON.parse(r.value_json);
  return result;
}

export async function readTicket(db: Db, id: number): Promise<TicketRecord | undefined> {
  const row = await db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const props = await readCustomProperties(db, [id]);
  return toRecord(row, props.get(id) ?? {});
}
