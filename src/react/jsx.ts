import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { PortalAdapter } from '../contract/adapter.js';
import type { TicketView } from '../contract/tickets.js';
import type { LoginView } from '../elements/portal-login/portal-login.js';

/**
 * The plain tags in React 19 JSX (`<customer-portal api-base="/api/v1" />`): React 19 sets properties such as
 * `adapter` on custom elements and adds listeners for `onportal-ready`-style props.
 */
type PortalTag<E, Own> = DetailedHTMLProps<HTMLAttributes<E>, E> & Own & { class?: string };
type On<E extends Event> = (event: E) => void;

export interface CustomerPortalJsxProps {
  'api-base'?: string;
  adapter?: PortalAdapter;
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  routing?: 'hash' | 'none';
  'manage-title'?: boolean;
  'heading-level'?: number;
  'onportal-ready'?: On<import('../internal/events.js').PortalReadyEvent>;
  'onportal-signed-in'?: On<import('../internal/events.js').PortalSignedInEvent>;
  'onportal-signed-out'?: On<import('../internal/events.js').PortalSignedOutEvent>;
  'onportal-error'?: On<import('../internal/events.js').PortalErrorEvent>;
}

export interface PortalLoginJsxProps {
  adapter?: PortalAdapter;
  view?: LoginView;
  locale?: string;
  'heading-level'?: number;
  'onportal-signed-in'?: On<import('../internal/events.js').PortalSignedInEvent>;
}

export interface TicketListJsxProps {
  adapter?: PortalAdapter;
  params?: URLSearchParams;
  'onportal-ticket-open'?: On<import('../internal/events.js').PortalTicketOpenEvent>;
}

export interface TicketDetailJsxProps {
  adapter?: PortalAdapter;
  'ticket-id'?: number | string;
  'heading-level'?: number;
}

export interface SupportFormJsxProps {
  adapter?: PortalAdapter;
  params?: URLSearchParams;
  'heading-level'?: number;
  'no-heading'?: boolean;
  'onportal-ticket-created'?: On<import('../internal/events.js').PortalTicketCreatedEvent>;
}

export interface ViewSwitcherJsxProps {
  value?: TicketView;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'customer-portal': PortalTag<HTMLElement, CustomerPortalJsxProps>;
      'portal-login': PortalTag<HTMLElement, PortalLoginJsxProps>;
      'ticket-list': PortalTag<HTMLElement, TicketListJsxProps>;
      'ticket-detail': PortalTag<HTMLElement, TicketDetailJsxProps>;
      'support-form': PortalTag<HTMLElement, SupportFormJsxProps>;
      'view-switcher': PortalTag<HTMLElement, ViewSwitcherJsxProps>;
    }
  }
}
