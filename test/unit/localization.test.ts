import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { templates as ar } from '../../src/locales/ar.js';
import { templates as da } from '../../src/locales/da.js';
import { templates as de } from '../../src/locales/de.js';
import { templates as es } from '../../src/locales/es.js';
import { templates as fr } from '../../src/locales/fr.js';
import { templates as it_ } from '../../src/locales/it.js';
import { templates as ja } from '../../src/locales/ja.js';
import { templates as nl } from '../../src/locales/nl.js';
import { templates as pl } from '../../src/locales/pl.js';
import { templates as pt } from '../../src/locales/pt.js';
import { templates as sv } from '../../src/locales/sv.js';
import { directionOf, labelInSentence, resolveLocale, TARGET_LOCALES } from '../../src/internal/localization.js';
import { plural } from '../../src/internal/plural.js';

const catalogues: Record<string, Record<string, unknown>> = { de, sv, da, fr, es, nl, it: it_, pt, pl, ja, ar };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'locales' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every `msg(...)` call in src: its id and how many `${…}` placeholders its English text has. */
function messages() {
  const found = new Map<string, { placeholders: number; file: string }>();
  /** Counted messages (`src/internal/plural.ts`): `<base>.one` plus `<base>.<category>` for the other categories. */
  const families = new Map<string, number>();
  const withoutId: string[] = [];
  for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bmsg\(\s*(str)?(`(?:[^`\\]|\\.)*`|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*(,\s*\{\s*id:\s*(?:'([^']+)'|`([^`$]+)\.\$\{category\}`)\s*\})?\s*\)/g)) {
      const [, , literal, , id, family] = match;
      if (family) {
        families.set(family, (literal.match(/\$\{/g) ?? []).length);
        continue;
      }
      if (!id) {
        withoutId.push(`${file}: ${literal}`);
        continue;
      }
      const placeholders = (literal.match(/\$\{/g) ?? []).length;
      const previous = found.get(id);
      assert.ok(!previous || previous.placeholders === placeholders, `id ${id} is used for two different texts`);
      found.set(id, { placeholders, file });
    }
    const calls = (text.match(/\bmsg\(/g) ?? []).length;
    const parsed = [...text.matchAll(/\bmsg\(\s*(str)?(`(?:[^`\\]|\\.)*`|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/g)].length;
    assert.equal(parsed, calls, `${file}: every msg() call takes a literal text (found ${calls}, readable ${parsed})`);
  }
  for (const [family, placeholders] of families) {
    assert.equal(found.get(`${family}.one`)?.placeholders, placeholders, `${family}.one goes with the ${family}.<category> forms`);
  }
  return { found, families, withoutId };
}

const placeholdersOf = (value: unknown): number =>
  typeof value === 'string' ? 0 : ((value as { values?: unknown[] }).values?.length ?? 0);

describe('localization', () => {
  const { found, families, withoutId } = messages();

  it('finds the messages of the source', () => {
    assert.ok(found.size >= 10, `only ${found.size} messages found`);
    assert.ok(found.has('portal.unavailable'));
  });

  it('gives every msg() an explicit id', () => {
    assert.deepEqual(withoutId, []);
  });

  it('ships a catalogue for every target locale', () => {
    assert.deepEqual(Object.keys(catalogues).sort(), [...TARGET_LOCALES].sort());
  });

  it('finds the counted messages', () => {
    assert.ok(families.has('form.problem-count') && families.has('files.limits'), [...families.keys()].join());
  });

  for (const [locale, templates] of Object.entries(catalogues)) {
    it(`translates every message into ${locale}, with its plural forms, the same placeholders and nothing stale`, () => {
      // A counted message needs exactly the plural categories of the language (Intl.PluralRules): Polish
      // one/few/many/other, Arabic zero/one/two/few/many/other, Japanese other only.
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      const expected = new Map<string, number>();
      for (const [id, { placeholders }] of found) {
        const family = [...families.keys()].find((f) => id === `${f}.one`);
        if (!family || categories.includes('one')) expected.set(id, placeholders);
      }
      for (const [family, placeholders] of families) {
        for (const category of categories) if (category !== 'one') expected.set(`${family}.${category}`, placeholders);
      }
      const ids = Object.keys(templates);
      const missing = [...expected.keys()].filter((id) => !ids.includes(id));
      const stale = ids.filter((id) => !expected.has(id));
      assert.deepEqual(missing, [], `missing in ${locale}`);
      assert.deepEqual(stale, [], `stale in ${locale}`);
      for (const [id, placeholders] of expected) {
        assert.equal(placeholdersOf(templates[id]), placeholders, `${locale} ${id} placeholders`);
        assert.ok(typeof templates[id] !== 'string' || (templates[id] as string).trim().length > 0, `${locale} ${id} is empty`);
      }
    });
  }

  it('picks plural forms through Intl.PluralRules (Polish and Arabic forms)', () => {
    const pick = (count: number, locale: string) => plural(count, locale, () => 'one', (category) => category);
    assert.deepEqual([1, 2, 5, 22, 25, 1.5].map((n) => pick(n, 'pl')), ['one', 'few', 'many', 'few', 'many', 'other']);
    assert.deepEqual([0, 1, 2, 3, 11, 100].map((n) => pick(n, 'ar')), ['zero', 'one', 'two', 'few', 'many', 'other']);
    assert.deepEqual([1, 2].map((n) => pick(n, 'ja')), ['other', 'other']);
    assert.deepEqual([1, 2].map((n) => pick(n, 'en')), ['one', 'other']);
  });

  it('writes Arabic right to left, the others left to right', () => {
    assert.equal(directionOf('ar'), 'rtl');
    assert.equal(directionOf('ar-EG'), 'rtl');
    for (const locale of ['en', ...TARGET_LOCALES.filter((l) => l !== 'ar')]) assert.equal(directionOf(locale), 'ltr', locale);
  });

  it('resolves a locale from tag, language or falls back to English', () => {
    assert.equal(resolveLocale('de'), 'de');
    assert.equal(resolveLocale('sv-SE'), 'sv');
    assert.equal(resolveLocale('DA'), 'da');
    assert.equal(resolveLocale(null, '', 'zh', 'da-DK'), 'da');
    assert.equal(resolveLocale('fr-CA'), 'fr');
    assert.equal(resolveLocale('pt-BR'), 'pt');
    assert.equal(resolveLocale('zh'), 'en');
    assert.equal(resolveLocale(), 'en');
  });

  it('puts the ticket label into sentences per language', () => {
    assert.equal(labelInSentence('Ticket', 'en'), 'ticket');
    assert.equal(labelInSentence('Ärende', 'sv'), 'ärende');
    assert.equal(labelInSentence('Ticket', 'de'), 'Ticket');
    assert.equal(labelInSentence('RMA', 'en'), 'RMA');
  });
});
