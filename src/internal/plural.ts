import { CellFormat } from './formats.js';

/**
 * A counted message in the user's language. `Intl.PluralRules` picks the CLDR category of `count` (English:
 * `one`, `other`; Polish: `one`, `few`, `many`, `other`; Arabic adds `zero` and `two`; Japanese only `other`).
 * `one` renders the singular message; every other category renders `forms(category)`, whose message id is
 * `<base>.<category>`, so each catalogue holds exactly the categories its language has
 * (`test/unit/localization.test.ts` checks that).
 */
export function plural(
  count: number,
  locale: string,
  one: () => string,
  forms: (category: Exclude<Intl.LDMLPluralRule, 'one'>) => string,
): string {
  const category = CellFormat.for(locale).plural.select(count);
  return category === 'one' ? one() : forms(category);
}
