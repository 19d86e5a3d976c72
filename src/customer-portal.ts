/**
 * `customer-portal-elements/customer-portal`: registers `<customer-portal>` and its email switch, with `api-base`
 * served by the HttpAdapter. An app that only passes its own `adapter` and wants no HTTP client in its bundle
 * registers the classes itself (`CustomerPortal`, `PortalEmailPreference` as `portal-email-preference`) and leaves
 * `CustomerPortal.adapterFactory` unset.
 */
import { CustomerPortal } from './elements/customer-portal/customer-portal.js';
import { PortalEmailPreference } from './elements/customer-portal/email-preference.js';
import { useHttpAdapterFactory } from './http-adapter-factory.js';
import { defineElement } from './internal/define-element.js';

useHttpAdapterFactory();
defineElement('customer-portal', CustomerPortal);
// The navigation's email switch (internal; needs the portal's context).
defineElement('portal-email-preference', PortalEmailPreference);

declare global {
  interface HTMLElementTagNameMap {
    'customer-portal': CustomerPortal;
  }
}
