import { loadCatalogue, msg, str, withLocale } from '../../internal/messages.js';
import { offeredLocale } from '../../internal/offered-locale.js';

/** What `GET {apiBase}/portal?locale=` answers that a link needs. */
interface PortalInfo {
  name?: unknown;
  enabled?: unknown;
  locales?: unknown;
  defaultLocale?: unknown;
}

/** The page's language: the nearest `lang` of the link, else the document's. */
function pageLanguage(link: Element): string | null {
  return link.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || null;
}

/**
 * Turns every link marked `data-portal-link` into "Go to {portal name}", in the page's language (any the portal speaks; the
 * portal's own language list decides which ones it offers). `data-api-base` names the portal's API (default `/api/v1`).
 * A portal that is switched off hides the link; when the portal cannot be asked, the link keeps its own text.
 *
 * @summary Knowledge-base link to the portal ("Go to {portal name}").
 */
export async function enhancePortalLinks(root: ParentNode = document): Promise<void> {
  const links = [...root.querySelectorAll<HTMLAnchorElement>('a[data-portal-link]')];
  await Promise.all(links.map(async (link) => {
    const apiBase = (link.dataset.apiBase || '/api/v1').replace(/\/+$/, '');
    const requested = pageLanguage(link);
    try {
      const response = await fetch(`${apiBase}/portal?locale=${encodeURIComponent(requested ?? '')}`, { credentials: 'include' });
      if (!response.ok) return;
      const portal = (await response.json()) as PortalInfo;
      if (portal.enabled !== true || typeof portal.name !== 'string') {
        link.hidden = true;
        return;
      }
      const locales = Array.isArray(portal.locales) ? portal.locales.filter((l): l is string => typeof l === 'string') : [];
      const defaultLocale = typeof portal.defaultLocale === 'string' ? portal.defaultLocale : 'en';
      const locale = offeredLocale(requested, { locales, defaultLocale });
      await loadCatalogue(locale);
      link.textContent = withLocale(locale, () => msg(str`Go to ${portal.name}`, { id: 'portal-link.go-to' }));
    } catch {
      // Keep the link's own text ("Go to the help center") when the portal cannot be asked.
    }
  }));
}
