import type { Settings } from '../../src/contract/settings.js';
import type { ContactRecord } from '../../src/domain/world.js';
import type { Db } from '../db/connect.js';
import { visibleToContact } from '../sql/visible-tickets.js';
import type { ListEb } from '../sql/ticket-filters.js';
import type { TicketChange } from './changes.js';

/** Changes per answer at most; a client that fell further behind reloads what it shows anyway. */
export const MAX_CHANGES = 500;

export interface FeedPosition {
  /** Only changes after this server time (ISO)… */
  since?: string;
  /** …or after this change id (the SSE stream's cursor). */
  afterId?: number;
  /** …up to this change id (inclusive). */
  upToId?: number;
}

/**
 * Changes of tickets the contact may see, oldest first, one entry per message and one per changed ticket: one SQL
 * statement with the visibility rules in its WHERE (changes are found by time, each ticket probed by id).
 */
export async function changesFor(db: Db, contact: ContactRecord, settings: Pick<Settings, 'permissions' | 'visibility'>, from: FeedPosition) {
  const rows = await db.selectFrom('ticket_changes as ch')
    .innerJoin('tickets as t', 't.id', 'ch.ticket_id')
    .select(['ch.id', 'ch.kind', 'ch.ticket_id', 'ch.message_id', 'ch.at'])
    .$if(from.since !== undefined, (qb) => qb.where('ch.at', '>', from.since as string))
    .$if(from.afterId !== undefined, (qb) => qb.where('ch.id', '>', from.afterId as number))
    .$if(from.upToId !== undefined, (qb) => qb.where('ch.id', '<=', from.upToId as number))
    // compileWhere reads only `t` (and subqueries of its own), which this join provides.
    .where((eb) => visibleToContact(eb as unknown as ListEb, settings, contact))
    .orderBy('ch.id')
    .limit(MAX_CHANGES)
    .execute();
  const seen = new Set<string>();
  const changes: TicketChange[] = [];
  for (const r of rows) {
    const change: TicketChange = r.kind === 'message' && r.message_id !== null
      ? { type: 'message', ticketId: r.ticket_id, messageId: r.message_id }
      : { type: 'ticket', ticketId: r.ticket_id };
    const id = change.type === 'message' ? `m${change.messageId}` : `t${change.ticketId}`;
    if (seen.has(id)) continue;
    seen.add(id);
    changes.push(change);
  }
  return { changes, lastId: rows.at(-1)?.id };
}

/** The id of the newest change (0 when none). */
export async function latestChangeId(db: Db): Promise<number> {
  const row = await db.selectFrom('ticket_changes').select((eb) => eb.fn.max<number>('id').as('id')).executeTakeFirst();
  return row?.id ?? 0;
}
