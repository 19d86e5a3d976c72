import type { PortalError } from '../contract/errors.js';
import type { Session } from '../contract/session.js';
import type { TicketView } from '../contract/tickets.js';

/** Why a session ended: signed out, idle, in another tab, access settings changed, or ended by the server. */
export type SignOutReason = 'sign-out' | 'expired' | 'other-tab' | 'access-revoked' | 'ended';

/** Base of every portal event: bubbles out of shadow roots so the host page can listen on `document`. */
abstract class PortalEvent<D> extends Event {
  constructor(type: string, readonly detail: D) {
    super(type, { bubbles: true, composed: true });
  }
}

/** The portal loaded its settings and is ready. */
export class PortalReadyEvent extends PortalEvent<{ name: string }> {
  static readonly eventName = 'portal-ready';
  constructor(detail: { name: string }) { super(PortalReadyEvent.eventName, detail); }
}

/** A contact signed in. */
export class PortalSignedInEvent extends PortalEvent<{ session: Session }> {
  static readonly eventName = 'portal-signed-in';
  constructor(detail: { session: Session }) { super(PortalSignedInEvent.eventName, detail); }
}

/** The session ended: sign-out, idle timeout or sign-out in another tab. */
export class PortalSignedOutEvent extends PortalEvent<{ reason: SignOutReason }> {
  static readonly eventName = 'portal-signed-out';
  constructor(detail: { reason: SignOutReason }) { super(PortalSignedOutEvent.eventName, detail); }
}

/** The session is about to expire for inactivity. */
export class PortalSessionExpiringEvent extends PortalEvent<{ expiresAt: string }> {
  static readonly eventName = 'portal-session-expiring';
  constructor(detail: { expiresAt: string }) { super(PortalSessionExpiringEvent.eventName, detail); }
}

/** A ticket was opened from the list. */
export class PortalTicketOpenEvent extends PortalEvent<{ ticketId: number }> {
  static readonly eventName = 'portal-ticket-open';
  constructor(detail: { ticketId: number }) { super(PortalTicketOpenEvent.eventName, detail); }
}

/** The support form created a ticket. */
export class PortalTicketCreatedEvent extends PortalEvent<{ ticketId: number }> {
  static readonly eventName = 'portal-ticket-created';
  constructor(detail: { ticketId: number }) { super(PortalTicketCreatedEvent.eventName, detail); }
}

/** A reply was sent. */
export class PortalReplySentEvent extends PortalEvent<{ ticketId: number; messageId: number }> {
  static readonly eventName = 'portal-reply-sent';
  constructor(detail: { ticketId: number; messageId: number }) { super(PortalReplySentEvent.eventName, detail); }
}

/** The customer closed a ticket. */
export class PortalTicketClosedEvent extends PortalEvent<{ ticketId: number }> {
  static readonly eventName = 'portal-ticket-closed';
  constructor(detail: { ticketId: number }) { super(PortalTicketClosedEvent.eventName, detail); }
}

/** The user switched between "Organization tickets" and "Owned by me". */
export class PortalViewChangeEvent extends PortalEvent<{ view: TicketView }> {
  static readonly eventName = 'portal-view-change';
  constructor(detail: { view: TicketView }) { super(PortalViewChangeEvent.eventName, detail); }
}

/** Something failed that the user was told about. */
export class PortalErrorEvent extends PortalEvent<{ error: PortalError }> {
  static readonly eventName = 'portal-error';
  constructor(detail: { error: PortalError }) { super(PortalErrorEvent.eventName, detail); }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portal-ready': PortalReadyEvent;
    'portal-signed-in': PortalSignedInEvent;
    'portal-signed-out': PortalSignedOutEvent;
    'portal-session-expiring': PortalSessionExpiringEvent;
    'portal-ticket-open': PortalTicketOpenEvent;
    'portal-ticket-created': PortalTicketCreatedEvent;
    'portal-reply-sent': PortalReplySentEvent;
    'portal-ticket-closed': PortalTicketClosedEvent;
    'portal-view-change': PortalViewChangeEvent;
    'portal-error': PortalErrorEvent;
  }
}
