import { resolveLocale, SOURCE_LOCALE, type SupportedLocale } from './localization.js';

/**
 * The language to show: the requested one (the element's `locale`, else the page's `lang`) when the library speaks it
 * and the admin offers it (`locales`), else the admin's default language.
 */
export function offeredLocale(requested: string | null | undefined, settings: { locales: readonly string[]; defaultLocale: string }): SupportedLocale {
  const tag = requested?.trim().toLowerCase();
  if (tag) {
    const locale = resolveLocale(tag);
    const known = locale !== SOURCE_LOCALE || tag === SOURCE_LOCALE || tag.startsWith(`${SOURCE_LOCALE}-`);
    if (known && (settings.locales.length === 0 || settings.locales.includes(locale))) return locale;
  }
  return resolveLocale(settings.defaultLocale);
}
