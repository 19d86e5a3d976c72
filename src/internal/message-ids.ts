import type { templates as english } from '../locales/en.js';

type SourceId = keyof typeof english;
type CountedBase<Id> = Id extends `${infer Base}.other` ? Base : never;

/**
 * Every message id of the portal (`src/locales/en.ts` lists them with their English texts). A counted text has
 * one id per plural category of the language: `<id>.zero`, `.one`, `.two`, `.few`, `.many`, `.other`.
 */
export type PortalMessageId = SourceId | `${CountedBase<SourceId>}.${Intl.LDMLPluralRule}`;

/** Texts of one language keyed by message id; `{0}`, `{1}` … stand for the values, as in the English text. */
export type PortalTranslations = Partial<Record<PortalMessageId, string>>;
