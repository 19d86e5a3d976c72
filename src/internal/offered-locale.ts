import { resolveLocale, SOURCE_LOCALE } from './localization.js';

/**
 * The language to show: the requested one (the element's `locale`, else the page's `lang`) when the library speaks it
 * (shipped or added by the host) and the admin offers it (`locales`), else the admin's default language.
 */
export function offeredLocale(requested: string | null | undefined, settings: { locales: readonly string[]; defaultLocale: string }): string {
  const tag = requested?.trim().toLowerCase();
  if (tag) {
    const locale = resolveLocale(tag);
    const known = locale !== SOURCE_LOCALE || tag === SOURCE_LOCALE || tag.startsWith(`${SOURCE_LOCALE}-`);
    // A region a host added (`de-ch`) is offered where its language is.
    const offered = settings.locales.map((l) => l.toLowerCase());
    if (known && (offered.length === 0 || offered.includes(locale) || offered.includes(locale.split('-')[0]))) return locale;
  }
  return resolveLocale(settings.defaultLocale);
}
