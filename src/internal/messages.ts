/**
 * The portal's own message runtime. Nothing here is page-global: there is no `configureLocalization`, so a host
 * app may use `@lit/localize` (or anything else) itself, and each element speaks its own language (see
 * `locale-controller.ts`): it makes that language current while it renders and while it handles an event.
 *
 * A catalogue maps message ids to texts; `{0}`, `{1}` … stand for the values of the source text, in order.
 */
import { SHIPPED_CATALOGUES, type Catalogue } from '../locales/shipped.js';
import type { PortalTranslations } from './message-ids.js';

/** A source text with values: `str`Back to ${label}``. */
export interface StrResult {
  readonly strings: readonly string[];
  readonly values: readonly unknown[];
}

export function str(strings: TemplateStringsArray, ...values: unknown[]): StrResult {
  return { strings, values };
}

export const SOURCE_LOCALE = 'en';

/** Shipped catalogues load on demand: a page in English downloads no translations. */
const shipped = SHIPPED_CATALOGUES;

const loaded = new Map<string, Catalogue>();
const loading = new Map<string, Promise<void>>();
/**
 * What hosts registered, shared through the global symbol registry: two copies of the library on one page (two
 * bundles) see the same translations, whichever copy the host imported `registerPortalTranslations` from.
 */
const registry = ((globalThis as Record<symbol, unknown>)[Symbol.for('customer-portal-elements:translations')] ??= {
  added: new Map<string, Catalogue>(),
  listeners: new Set<() => void>(),
}) as { added: Map<string, Catalogue>; listeners: Set<() => void> };
const { added, listeners } = registry;

/**
 * Adds a language, or overrides any text of one the portal ships (English included). `translations` is keyed by
 * the portal's message ids; a text's values are written `{0}`, `{1}` …, and a counted text has one id per plural
 * category of the language (`<id>.one`, `<id>.other`, …). Registering again merges; elements already showing that
 * language update at once. Region tags are their own language (`de-CH`); `de-AT` falls back to `de`.
 */
export function registerPortalTranslations(locale: string, translations: PortalTranslations): void {
  const key = locale.trim().toLowerCase();
  added.set(key, { ...added.get(key), ...(translations as Catalogue) });
  for (const listener of listeners) listener();
}

/** Every language the portal can speak now: English, the shipped ones and those a host added. */
export const knownLocales = (): string[] => [...new Set([SOURCE_LOCALE, ...Object.keys(shipped), ...added.keys()])];

export const isKnownLocale = (tag: string): boolean => tag === SOURCE_LOCALE || tag in shipped || added.has(tag);

/** A tag and its language: `de-ch` → `de-ch`, `de`. Texts a region lacks come from its language. */
const chain = (locale: string): string[] => {
  const language = locale.split('-')[0];
  return language === locale ? [locale] : [locale, language];
};

/** Loads the shipped catalogues `locale` needs (once); resolves at once for English and added languages. */
export function loadCatalogue(locale: string): Promise<void> {
  return Promise.all(chain(locale).map(loadShipped)).then(() => undefined);
}

function loadShipped(locale: string): Promise<void> {
  const load = shipped[locale];
  if (!load || loaded.has(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = load().then((module) => void loaded.set(locale, module.templates));
    loading.set(locale, pending);
  }
  return pending;
}

export const isCatalogueLoaded = (locale: string): boolean => chain(locale).every((tag) => !(tag in shipped) || loaded.has(tag));

/** Called whenever a host registers translations. */
export function onTranslationsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let current = SOURCE_LOCALE;

/** The language `msg()` speaks right now. */
export const currentLocale = (): string => current;

/** Makes `locale` the language of the `msg()` calls that follow (an element handles an event or an answer). */
export function speak(locale: string): void {
  current = locale;
}

/** Runs `fn` with `locale` current, then restores the language that was current before. */
export function withLocale<T>(locale: string, fn: () => T): T {
  const before = current;
  current = locale;
  try {
    return fn();
  } finally {
    current = before;
  }
}

/** The text with id `options.id` in the current language; the source (English) text when there is none. */
export function msg(source: string | StrResult, options: { id: string }): string {
  const { id } = options;
  let template: string | undefined;
  for (const tag of [...chain(current), SOURCE_LOCALE]) {
    template = added.get(tag)?.[id] ?? loaded.get(tag)?.[id];
    if (template !== undefined) break;
  }
  const values = typeof source === 'string' ? [] : source.values;
  if (template !== undefined) return template.replace(/\{(\d+)\}/g, (match, n: string) => (Number(n) < values.length ? String(values[Number(n)]) : match));
  if (typeof source === 'string') return source;
  return source.strings.reduce((out, part, i) => out + String(values[i - 1]) + part);
}
