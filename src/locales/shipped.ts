/** A catalogue: message id → text; `{0}`, `{1}` … stand for the values of the source text, in order. */
export type Catalogue = Readonly<Record<string, string | undefined>>;

/**
 * The shipped translations, each loaded on demand (a page in English downloads none). English, the source, is
 * `en.ts`. The elements' message runtime and the texts of the CSV export (server and MemoryAdapter) read these
 * same catalogues.
 */
export const SHIPPED_CATALOGUES: Readonly<Record<string, () => Promise<{ templates: Catalogue }>>> = {
  de: () => import('./de.js'),
  sv: () => import('./sv.js'),
  da: () => import('./da.js'),
  fr: () => import('./fr.js'),
  es: () => import('./es.js'),
  nl: () => import('./nl.js'),
  it: () => import('./it.js'),
  pt: () => import('./pt.js'),
  pl: () => import('./pl.js'),
  ja: () => import('./ja.js'),
  ar: () => import('./ar.js'),
};
