import { createContext } from '@lit/context';
import type { PortalAdapter } from '../contract/adapter.js';
import type { Session } from '../contract/session.js';
import type { PublicSettings } from '../contract/settings.js';
import type { Route } from './router.js';

// Keys from the global symbol registry: two copies of the library on one page (two bundles) share the context.

/** The backend adapter every element talks to. */
export const adapterContext = createContext<PortalAdapter | undefined>(Symbol.for('customer-portal-elements:adapter'));

/** Public portal settings, once loaded. */
export const settingsContext = createContext<PublicSettings | undefined>(Symbol.for('customer-portal-elements:settings'));

/** The session: `undefined` while unknown, `null` when signed out. */
export const sessionContext = createContext<Session | null | undefined>(Symbol.for('customer-portal-elements:session'));

/** Services of the surrounding portal shell that nested elements may use. */
export interface PortalServices {
  /** Speaks a message through the portal's one polite live region. */
  announce(message: string): void;
  /**
   * Goes to a portal view (updates the hash when routing is on). `replace` swaps the history entry;
   * `focus: false` keeps focus where it is (changes within a view, such as sorting or paging).
   */
  navigate(route: Route, options?: { replace?: boolean; focus?: boolean }): void;
  /** The session changed (signed in, signed out, refreshed). */
  setSession(session: Session | null): void;
}
export const servicesContext = createContext<PortalServices | undefined>(Symbol.for('customer-portal-elements:services'));

/** The language of the surrounding `<customer-portal>`: every element inside it speaks it. */
export const localeContext = createContext<string | undefined>(Symbol.for('customer-portal-elements:locale'));
