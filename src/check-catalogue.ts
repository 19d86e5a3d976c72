import { templates as english } from './locales/en.js';
import type { PortalTranslations } from './internal/message-ids.js';

export interface CatalogueCheckOptions {
  /** Only some texts (overrides of a language the portal speaks): missing ids are fine. Default: false. */
  partial?: boolean;
}

const placeholders = (text: string) => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort().join(' ');

/**
 * Checks a catalogue against the portal's English texts before it is registered: every id known, every text
 * there (unless `partial`), counted texts with exactly the plural categories of `locale` (`Intl.PluralRules`:
 * Polish `one few many other`, Japanese `other`), and the same `{0}` placeholders as the English text.
 * Returns the problems, one sentence each; an empty list means the catalogue is complete and consistent.
 */
export function checkPortalCatalogue(locale: string, catalogue: PortalTranslations, options: CatalogueCheckOptions = {}): string[] {
  const source: Record<string, string> = english;
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
  /** Expected id → the English text whose placeholders it must have. */
  const expected = new Map<string, string>();
  for (const [id, text] of Object.entries(source)) {
    const base = id.endsWith('.other') ? id.slice(0, -'.other'.length) : undefined;
    if (base !== undefined && `${base}.one` in source) {
      for (const category of categories) expected.set(`${base}.${category}`, category === 'one' ? source[`${base}.one`] : text);
    } else if (!(id.endsWith('.one') && `${id.slice(0, -'.one'.length)}.other` in source)) {
      expected.set(id, text);
    }
  }
  const problems: string[] = [];
  const texts = catalogue as Record<string, unknown>;
  for (const [id, text] of Object.entries(texts)) {
    const reference = expected.get(id);
    if (reference === undefined) problems.push(`${id}: not a message id of the portal${id.match(/\.(zero|one|two|few|many|other)$/) ? ` (or not a plural category of ${locale})` : ''}`);
    else if (typeof text !== 'string' || text.trim() === '') problems.push(`${id}: empty`);
    else if (placeholders(text) !== placeholders(reference)) problems.push(`${id}: placeholders "${placeholders(text)}" instead of "${placeholders(reference)}"`);
  }
  if (!options.partial) for (const id of expected.keys()) if (!(id in texts)) problems.push(`${id}: missing`);
  return problems;
}
