import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { templates as da } from '../../src/locales/da.js';
import { templates as de } from '../../src/locales/de.js';
import { templates as sv } from '../../src/locales/sv.js';
import { labelInSentence, resolveLocale } from '../../src/internal/localization.js';

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
  const withoutId: string[] = [];
  for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bmsg\(\s*(str)?(`(?:[^`\\]|\\.)*`|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*(,\s*\{\s*id:\s*'([^']+)'\s*\})?\s*\)/g)) {
      const [, , literal, , id] = match;
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
  return { found, withoutId };
}

const placeholdersOf = (value: unknown): number =>
  typeof value === 'string' ? 0 : ((value as { values?: unknown[] }).values?.length ?? 0);

describe('localization', () => {
  const { found, withoutId } = messages();

  it('finds the messages of the source', () => {
    assert.ok(found.size >= 10, `only ${found.size} messages found`);
    assert.ok(found.has('portal.unavailable'));
  });

  it('gives every msg() an explicit id', () => {
    assert.deepEqual(withoutId, []);
  });

  for (const [locale, templates] of Object.entries({ de, sv, da })) {
    it(`translates every message into ${locale}, with the same placeholders and nothing stale`, () => {
      const ids = Object.keys(templates);
      const missing = [...found.keys()].filter((id) => !ids.includes(id));
      const stale = ids.filter((id) => !found.has(id));
      assert.deepEqual(missing, [], `missing in ${locale}`);
      assert.deepEqual(stale, [], `stale in ${locale}`);
      for (const [id, { placeholders }] of found) {
        assert.equal(placeholdersOf(templates[id as keyof typeof templates]), placeholders, `${locale} ${id} placeholders`);
      }
    });
  }

  it('resolves a locale from tag, language or falls back to English', () => {
    assert.equal(resolveLocale('de'), 'de');
    assert.equal(resolveLocale('sv-SE'), 'sv');
    assert.equal(resolveLocale('DA'), 'da');
    assert.equal(resolveLocale(null, '', 'fr', 'da-DK'), 'da');
    assert.equal(resolveLocale('fr'), 'en');
    assert.equal(resolveLocale(), 'en');
  });

  it('puts the ticket label into sentences per language', () => {
    assert.equal(labelInSentence('Ticket', 'en'), 'ticket');
    assert.equal(labelInSentence('Ärende', 'sv'), 'ärende');
    assert.equal(labelInSentence('Ticket', 'de'), 'Ticket');
    assert.equal(labelInSentence('RMA', 'en'), 'RMA');
  });
});
