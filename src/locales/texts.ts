import { templates as english } from './en.js';
import { SHIPPED_CATALOGUES, type Catalogue } from './shipped.js';

/**
 * The texts of a shipped language over English, for code that writes texts outside an element (the CSV export of
 * the server and of the MemoryAdapter): `de-AT` → German; a language the portal does not ship → English.
 */
export async function shippedTexts(locale?: string): Promise<Catalogue> {
  const language = (locale ?? 'en').trim().toLowerCase().split('-')[0];
  const load = SHIPPED_CATALOGUES[language];
  return load ? { ...english, ...(await load()).templates } : english;
}
