/**
 * React wrappers (`@lit/react`) for the public elements, with typed `on…` event props. Importing this module
 * registers the elements. React 19 also renders the plain tags; their JSX types come from `./jsx.js`.
 *
 * ```tsx
 * import { CustomerPortal } from 'customer-portal-elements/react';
 * <CustomerPortal apiBase="/api/v1" onPortalReady={(e) => console.log(e.detail.name)} />
 * ```
 */
import { createComponent, type EventName, type Options, type ReactWebComponent } from '@lit/react';
import * as React from 'react';
import '../define.js';
import { CustomerPortal as CustomerPortalElement } from '../elements/customer-portal/customer-portal.js';
import { PortalLogin as PortalLoginElement } from '../elements/portal-login/portal-login.js';
import { SupportForm as SupportFormElement } from '../elements/support-form/support-form.js';
import { TicketDetail as TicketDetailElement } from '../elements/ticket-detail/ticket-detail.js';
import { TicketList as TicketListElement } from '../elements/ticket-list/ticket-list.js';
import { ViewSwitcher as ViewSwitcherElement } from '../elements/view-switcher/view-switcher.js';
import type {
  PortalErrorEvent, PortalReadyEvent, PortalReplySentEvent, PortalSessionExpiringEvent, PortalSignedInEvent,
  PortalSignedOutEvent, PortalTicketClosedEvent, PortalTicketCreatedEvent, PortalTicketOpenEvent, PortalViewChangeEvent,
} from '../internal/events.js';
export type * from './jsx.js';

const event = <E extends Event>(name: string) => name as EventName<E>;

/** One wrapper: the element's class under its tag, with its events as `on…` props. */
const wrap = <I extends HTMLElement, E extends NonNullable<Options<I>['events']>>(
  tagName: string, elementClass: Options<I, E>['elementClass'], displayName: string, events: E,
): ReactWebComponent<I, E> => createComponent({ react: React, tagName, elementClass, events, displayName });

export const CustomerPortal = wrap('customer-portal', CustomerPortalElement, 'CustomerPortal', {
  onPortalReady: event<PortalReadyEvent>('portal-ready'),
  onPortalSignedIn: event<PortalSignedInEvent>('portal-signed-in'),
  onPortalSignedOut: event<PortalSignedOutEvent>('portal-signed-out'),
  onPortalSessionExpiring: event<PortalSessionExpiringEvent>('portal-session-expiring'),
  onPortalError: event<PortalErrorEvent>('portal-error'),
});

export const PortalLogin = wrap('portal-login', PortalLoginElement, 'PortalLogin', { onPortalSignedIn: event<PortalSignedInEvent>('portal-signed-in') });

export const TicketList = wrap('ticket-list', TicketListElement, 'TicketList', {
  onPortalTicketOpen: event<PortalTicketOpenEvent>('portal-ticket-open'),
  onPortalViewChange: event<PortalViewChangeEvent>('portal-view-change'),
  onPortalError: event<PortalErrorEvent>('portal-error'),
});

export const ViewSwitcher = wrap('view-switcher', ViewSwitcherElement, 'ViewSwitcher', { onPortalViewChange: event<PortalViewChangeEvent>('portal-view-change') });

export const TicketDetail = wrap('ticket-detail', TicketDetailElement, 'TicketDetail', {
  onPortalReplySent: event<PortalReplySentEvent>('portal-reply-sent'),
  onPortalTicketClosed: event<PortalTicketClosedEvent>('portal-ticket-closed'),
  onPortalError: event<PortalErrorEvent>('portal-error'),
});

export const SupportForm = wrap('support-form', SupportFormElement, 'SupportForm', { onPortalTicketCreated: event<PortalTicketCreatedEvent>('portal-ticket-created') });
