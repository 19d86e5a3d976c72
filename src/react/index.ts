/**
 * React wrappers (`@lit/react`) for the public elements, with typed `on…` event props. Importing this module
 * registers the elements. React 19 also renders the plain tags; their JSX types come from `./jsx.js`.
 *
 * ```tsx
 * import { CustomerPortal } from 'customer-portal-elements/react';
 * <CustomerPortal apiBase="/api/v1" onPortalReady={(e) => console.log(e.detail.name)} />
 * ```
 */
import { createComponent, type EventName } from '@lit/react';
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

export const CustomerPortal = createComponent({
  react: React,
  tagName: 'customer-portal',
  elementClass: CustomerPortalElement,
  events: {
    onPortalReady: event<PortalReadyEvent>('portal-ready'),
    onPortalSignedIn: event<PortalSignedInEvent>('portal-signed-in'),
    onPortalSignedOut: event<PortalSignedOutEvent>('portal-signed-out'),
    onPortalSessionExpiring: event<PortalSessionExpiringEvent>('portal-session-expiring'),
    onPortalError: event<PortalErrorEvent>('portal-error'),
  },
  displayName: 'CustomerPortal',
});

export const PortalLogin = createComponent({
  react: React,
  tagName: 'portal-login',
  elementClass: PortalLoginElement,
  events: { onPortalSignedIn: event<PortalSignedInEvent>('portal-signed-in') },
  displayName: 'PortalLogin',
});

export const TicketList = createComponent({
  react: React,
  tagName: 'ticket-list',
  elementClass: TicketListElement,
  events: {
    onPortalTicketOpen: event<PortalTicketOpenEvent>('portal-ticket-open'),
    onPortalViewChange: event<PortalViewChangeEvent>('portal-view-change'),
    onPortalError: event<PortalErrorEvent>('portal-error'),
  },
  displayName: 'TicketList',
});

export const ViewSwitcher = createComponent({
  react: React,
  tagName: 'view-switcher',
  elementClass: ViewSwitcherElement,
  events: { onPortalViewChange: event<PortalViewChangeEvent>('portal-view-change') },
  displayName: 'ViewSwitcher',
});

export const TicketDetail = createComponent({
  react: React,
  tagName: 'ticket-detail',
  elementClass: TicketDetailElement,
  events: {
    onPortalReplySent: event<PortalReplySentEvent>('portal-reply-sent'),
    onPortalTicketClosed: event<PortalTicketClosedEvent>('portal-ticket-closed'),
    onPortalError: event<PortalErrorEvent>('portal-error'),
  },
  displayName: 'TicketDetail',
});

export const SupportForm = createComponent({
  react: React,
  tagName: 'support-form',
  elementClass: SupportFormElement,
  events: { onPortalTicketCreated: event<PortalTicketCreatedEvent>('portal-ticket-created') },
  displayName: 'SupportForm',
});
