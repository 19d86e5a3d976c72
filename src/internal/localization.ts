import { isKnownLocale, currentLocale, SOURCE_LOCALE } from './messages.js';
import { setPageLocale } from './locale-controller.js';

export { SOURCE_LOCALE } from './messages.js';
export const TARGET_LOCALES = ['de', 'sv', 'da', 'fr', 'es', 'nl', 'it', 'pt', 'pl', 'ja', 'ar'] as const;
/** The languages the portal ships (a host can add more with `registerPortalTranslations`). */
export const SUPPORTED_LOCALES = [SOURCE_LOCALE, ...TARGET_LOCALES] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** Languages written right to left: the portal mirrors its layout for them. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

/** `rtl` for right-to-left languages (`ar`, `ar-EG`), else `ltr`. */
export const directionOf = (locale: string): 'ltr' | 'rtl' => (RTL_LANGUAGES.has(locale.split('-')[0].toLowerCase()) ? 'rtl' : 'ltr');

/**
 * The first candidate the portal speaks (exact tag, then its language: `de-AT` → `de`), or `undefined`. Languages
 * a host added with `registerPortalTranslations` count too.
 */
export function matchLocale(...candidates: (string | null | undefined)[]): string | undefined {
  for (const candidate of candidates) {
    const tag = candidate?.trim().toLowerCase();
    if (!tag) continue;
    if (isKnownLocale(tag)) return tag;
    const language = tag.split('-')[0];
    if (isKnownLocale(language)) return language;
  }
  return undefined;
}

/** The first candidate the portal speaks (see `matchLocale`), else English. */
export const resolveLocale = (...candidates: (string | null | undefined)[]): string => matchLocale(...candidates) ?? SOURCE_LOCALE;

/**
 * The page's default language, for elements that have no `locale` of their own, are not inside a
 * `<customer-portal>` (which decides for the elements in it) and have no `lang` around them. Resolves once its
 * texts are loaded.
 */
export const setPortalLocale = (locale: string): Promise<void> => setPageLocale(locale);

/** The language of the element that is rendering (or handling an event) right now. */
export const getPortalLocale = (): string => currentLocale();

/**
 * The admin's ticket label as it stands inside a sentence: lower-cased initial in languages that do not
 * capitalize nouns (English, Swedish, Danish, French, …), unchanged in German and in scripts without case.
 */
export function labelInSentence(label: string, locale: string): string {
  if (locale.startsWith('de') || label.length === 0) return label;
  const second = label.charAt(1);
  // Keep acronyms ("RMA", "IT-Case") as they are.
  if (second && second === second.toUpperCase() && second !== second.toLowerCase()) return label;
  return label.charAt(0).toLocaleLowerCase(locale) + label.slice(1);
}
