/** Classes, types and adapters — importing this registers nothing (see `customer-portal-elements/define`). */
export * from './contract/index.js';
export { HttpAdapter, CSRF_HEADER, type HttpAdapterOptions } from './adapters/http-adapter.js';
export { MemoryAdapter, type MemoryAdapterOptions } from './adapters/memory-adapter.js';
export { CustomerPortal, type AdapterFactory } from './elements/customer-portal/customer-portal.js';
export { httpAdapterFactory } from './http-adapter-factory.js';
/** The portal navigation's email switch, for apps that register `<customer-portal>` themselves. */
export { PortalEmailPreference } from './elements/customer-portal/email-preference.js';
export { PortalLogin, type LoginView } from './elements/portal-login/portal-login.js';
export { TicketList } from './elements/ticket-list/ticket-list.js';
export { ViewSwitcher } from './elements/view-switcher/view-switcher.js';
export { TicketDetail } from './elements/ticket-detail/ticket-detail.js';
export { SupportForm } from './elements/support-form/support-form.js';
export * from './internal/events.js';
export { parseRoute, formatRoute, type Route } from './internal/router.js';
export { SUPPORTED_LOCALES, type SupportedLocale } from './internal/localization.js';
export { registerPortalTranslations } from './internal/messages.js';
export type { PortalMessageId, PortalTranslations } from './internal/message-ids.js';
export { checkPortalCatalogue, type CatalogueCheckOptions } from './check-catalogue.js';
/** The portal's English texts by message id: the starting point of a new translation. */
export { templates as PORTAL_SOURCE_TEXTS } from './locales/en.js';
export { demoWorld, DEMO_SIGN_IN, type DemoWorld } from './domain/demo-world.js';
export { definePortalElements, type DefinePortalElementsOptions } from './register.js';
export { PORTAL_TAGS, type PortalTag, type TagNames } from './internal/tag-names.js';
