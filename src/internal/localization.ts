import { configureLocalization } from '@lit/localize';

export const SOURCE_LOCALE = 'en';
export const TARGET_LOCALES = ['de', 'sv', 'da', 'fr', 'es', 'nl', 'it', 'pt', 'pl', 'ja', 'ar'] as const;
export const SUPPORTED_LOCALES = [SOURCE_LOCALE, ...TARGET_LOCALES] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** Locale modules load on demand: a page in English downloads no translations. */
const loaders: Record<(typeof TARGET_LOCALES)[number], () => Promise<{ templates: Record<string, unknown> }>> = {
  de: () => import('../locales/de.js'),
  sv: () => import('../locales/sv.js'),
  da: () => import('../locales/da.js'),
  fr: () => import('../locales/fr.js'),
  es: () => import('../locales/es.js'),
  nl: () => import('../locales/nl.js'),
  it: () => import('../locales/it.js'),
  pt: () => import('../locales/pt.js'),
  pl: () => import('../locales/pl.js'),
  ja: () => import('../locales/ja.js'),
  ar: () => import('../locales/ar.js'),
};

/** Languages written right to left: the portal mirrors its layout for them. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

/** `rtl` for right-to-left languages (`ar`, `ar-EG`), else `ltr`. */
export const directionOf = (locale: string): 'ltr' | 'rtl' => (RTL_LANGUAGES.has(locale.split('-')[0].toLowerCase()) ? 'rtl' : 'ltr');

let controls: ReturnType<typeof configureLocalization> | undefined;

function localization() {
  controls ??= configureLocalization({
    sourceLocale: SOURCE_LOCALE,
    targetLocales: TARGET_LOCALES,
    loadLocale: (locale) => loaders[locale as keyof typeof loaders]() as never,
  });
  return controls;
}

const isSupported = (tag: string): tag is SupportedLocale => (SUPPORTED_LOCALES as readonly string[]).includes(tag);

/** The first candidate the portal speaks (exact tag, then its language: `de-AT` → `de`), else English. */
export function resolveLocale(...candidates: (string | null | undefined)[]): SupportedLocale {
  for (const candidate of candidates) {
    const tag = candidate?.trim().toLowerCase();
    if (!tag) continue;
    if (isSupported(tag)) return tag;
    const language = tag.split('-')[0];
    if (isSupported(language)) return language;
  }
  return SOURCE_LOCALE;
}

/** Switches every portal element on the page to a locale; resolves once its strings are loaded. */
export async function setPortalLocale(locale: SupportedLocale): Promise<void> {
  const { getLocale, setLocale } = localization();
  if (getLocale() !== locale) await setLocale(locale);
}

export const getPortalLocale = (): string => localization().getLocale();

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
