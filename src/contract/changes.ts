import * as z from 'zod/mini';

/**
 * Live changes: the server records and sends them (`GET /events`, the data of each `/events/stream` event) with
 * these schemas, the HttpAdapter checks them with the matching shapes of `answers.ts` (tied to these types), and
 * both adapters hand a {@link PortalChange} to `subscribe` listeners.
 */

/** A change the backend reports while the portal is open: a new message the customer may see, or a changed ticket. */
const MessageChange = z.object({ type: z.literal('message'), ticketId: z.int(), messageId: z.int() });
const TicketChange = z.object({ type: z.literal('ticket'), ticketId: z.int() });
export const PortalChange = z.union([MessageChange, TicketChange]);
export type PortalChange = z.infer<typeof PortalChange>;

/**
 * The last event of an `/events/stream` connection when the session ends (sign-out, expiry, an access change):
 * the HttpAdapter closes the stream instead of reconnecting. It is part of the stream, not a change for listeners.
 */
export const SessionEnded = z.object({ type: z.literal('session-ended') });
export type SessionEnded = z.infer<typeof SessionEnded>;

/** Every event of `/events/stream`; its SSE event name is its `type`. */
export const LiveEvent = z.union([MessageChange, TicketChange, SessionEnded]);
export type LiveEvent = z.infer<typeof LiveEvent>;

/** An event as server-sent event fields (`event` = type, `data` = the JSON). */
export const toServerSentEvent = (event: LiveEvent) => ({ event: event.type, data: JSON.stringify(event) });
