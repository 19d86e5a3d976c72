import assert from 'node:assert/strict';
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
import { templates as en } from '../../src/locales/en.js';
import { directionOf, labelInSentence, resolveLocale, TARGET_LOCALES } from '../../src/internal/localization.js';
import { msg, registerPortalTranslations, str, withLocale, loadCatalogue } from '../../src/internal/messages.js';
import { plural } from '../../src/internal/plural.js';
import { checkPortalCatalogue, type PortalTranslations } from '../../src/index.js';
import { sourceMessages } from '../../build/source-messages.js';
import { englishOverrides, swissGerman } from '../fixtures/translations.js';

const catalogues: Record<string, Record<string, string>> = { de, sv, da, fr, es, nl, it: it_, pt, pl, ja, ar };

/** Every `msg(...)` call in src: its id and how many `${…}` placeholders its English text has. */
function messages() {
  const { messages: source, families, withoutId, unreadable, conflicts } = sourceMessages('src');
  assert.deepEqual(unreadable, [], 'every msg() call takes a literal text');
  assert.deepEqual(conflicts, [], 'an id is used for two different texts');
  const found = new Map<string, { placeholders: number; file: string }>();
  for (const [id, { placeholders, file }] of source) {
    const family = [...families].find((f) => id === `${f}.other`);
    if (!family) found.set(id, { placeholders, file });
  }
  for (const family of families) {
    assert.equal(found.get(`${family}.one`)?.placeholders, source.get(`${family}.other`)?.placeholders, `${family}.one goes with the ${family}.<category> forms`);
  }
  return { found, families: new Map([...families].map((f) => [f, source.get(`${f}.other`)!.placeholders])), withoutId, source };
}

const placeholdersOf = (value: unknown): number => new Set(String(value).match(/\{\d+\}/g) ?? []).size;

describe('localization', () => {
  const { found, families, withoutId, source } = messages();

  it('keeps the English catalogue (src/locales/en.ts) current: run `npm run localize:extract`', () => {
    assert.deepEqual(Object.entries(en), [...source].map(([id, { text }]) => [id, text]));
  });

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

  it('checks every shipped catalogue with checkPortalCatalogue, as hosts check theirs', () => {
    for (const [locale, templates] of Object.entries(catalogues)) assert.deepEqual(checkPortalCatalogue(locale, templates), [], locale);
    assert.deepEqual(checkPortalCatalogue('en', en), []);
  });

  it('checks an added language (test/fixtures: Swiss German) and a host\'s overrides like the shipped ones', () => {
    assert.deepEqual(checkPortalCatalogue('de-CH', swissGerman), []);
    assert.deepEqual(checkPortalCatalogue('en', englishOverrides, { partial: true }), []);
    // Not partial: everything else is missing.
    const missing = checkPortalCatalogue('en', englishOverrides);
    assert.equal(missing.length, Object.keys(en).length - 2);
    assert.ok(missing.includes('portal.loading: missing'), missing[0]);
  });

  it('names what is wrong with a catalogue: missing and unknown ids, placeholders, plural categories, empty texts', () => {
    const broken: Record<string, string> = { ...pl, 'portal.back-to-tickets': 'Wróć', 'portal.sign-out': ' ', 'portal.nope': 'x', 'form.problem-count.two': '{0}' };
    delete broken['portal.loading'];
    delete broken['form.problem-count.few'];
    assert.deepEqual(checkPortalCatalogue('pl', broken as PortalTranslations).sort(), [
      'form.problem-count.few: missing',
      'form.problem-count.two: not a message id of the portal (or not a plural category of pl)',
      'portal.back-to-tickets: placeholders "" instead of "{0}"',
      'portal.loading: missing',
      'portal.nope: not a message id of the portal',
      'portal.sign-out: empty',
    ]);
    // Japanese has no singular: a `.one` form is stale there.
    assert.deepEqual(checkPortalCatalogue('ja', { ...ja, 'files.limits.one': '{0} {1}' }), ['files.limits.one: not a message id of the portal (or not a plural category of ja)']);
  });

  it('speaks the language that is current, fills values, and falls back from region to language to English', async () => {
    const back = (label: string) => msg(str`Back to ${label}`, { id: 'portal.back-to-tickets' });
    await loadCatalogue('de');
    assert.equal(withLocale('en', () => back('tickets')), 'Back to tickets');
    assert.equal(withLocale('de', () => back('Tickets')), 'Zurück zu Tickets');
    registerPortalTranslations('de-AT', { 'portal.sign-out': 'Ausloggen' });
    assert.equal(withLocale('de-at', () => msg('Sign out', { id: 'portal.sign-out' })), 'Ausloggen');
    assert.equal(withLocale('de-at', () => back('Tickets')), 'Zurück zu Tickets', 'a region falls back to its language');
    assert.equal(resolveLocale('de-AT'), 'de-at', 'an added region is a language of its own');
    registerPortalTranslations('fi', { 'portal.sign-out': 'Kirjaudu ulos' });
    assert.equal(withLocale('fi', () => msg('Sign out', { id: 'portal.sign-out' })), 'Kirjaudu ulos');
    assert.equal(withLocale('fi', () => msg('Stay signed in', { id: 'portal.stay' })), 'Stay signed in', 'missing texts show in English');
    registerPortalTranslations('en', englishOverrides);
    assert.equal(withLocale('en', () => back('tickets')), 'Return to tickets');
    assert.equal(withLocale('fi', () => back('tickets')), 'Return to tickets', 'English overrides stand in for missing texts');
    assert.equal(withLocale('de', () => msg('Sign out', { id: 'portal.sign-out' })), 'Abmelden', 'other languages keep their texts');
  });
});
