import { CustomerPortal } from './customer-portal.js';
import { PortalEmailPreference } from './email-preference.js';
import { defineElement } from '../../internal/define-element.js';

defineElement('customer-portal', CustomerPortal);
// The navigation's email switch (internal; needs the portal's context).
defineElement('portal-email-preference', PortalEmailPreference);

declare global {
  interface HTMLElementTagNameMap {
    'customer-portal': CustomerPortal;
  }
}
