import type { Db } from '../db/connect.js';
import type { PortalChange } from '../../src/contract/changes.js';

/** A change as recorded and reported: the contract's `PortalChange`. */
export type TicketChange = PortalChange;

/**
 * Notes a change for live updates (`GET /events`): a new message the customer may see (never internal notes), or a
 * change of the ticket itself (stage, owner, subject…). `at` is the server's clock, whatever date a message carries.
 */
export async function recordChange(db: Db, change: TicketChange, at: number): Promise<void> {
  await db.insertInto('ticket_changes').values({
    ticket_id: change.ticketId,
    kind: change.type,
    message_id: change.type === 'message' ? change.messageId : null,
    at: new Date(at).toISOString(),
  }).execute();
}
