import { enhancePortalLinks } from './portal-link.js';

/** Importing this module fills in every `a[data-portal-link]` on the page (module scripts run after parsing). */
export { enhancePortalLinks };
export const ready: Promise<void> = enhancePortalLinks();
