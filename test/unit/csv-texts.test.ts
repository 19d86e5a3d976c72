import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { COLUMN_TEXT_IDS, STATUS_TEXT_IDS } from '../../src/domain/ticket-csv.js';
import { templates as english } from '../../src/locales/en.js';
import { SHIPPED_CATALOGUES } from '../../src/locales/shipped.js';
import { shippedTexts } from '../../src/locales/texts.js';

/** The CSV export and the list element name columns and statuses with one set of texts: the portal's catalogues. */
describe('CSV texts: the list\'s words in every shipped language', () => {
  it('uses the message ids the list element renders its headers and status words with', () => {
    const listSource = readFileSync('src/internal/ui/columns.ts', 'utf8');
    for (const id of [...Object.values(COLUMN_TEXT_IDS), ...Object.values(STATUS_TEXT_IDS)]) {
      assert.ok(listSource.includes(`id: '${id}'`), `the list renders ${id}`);
      assert.equal(typeof english[id as keyof typeof english], 'string', `${id} is an English text`);
    }
  });

  it('loads a shipped language over English, a region as its language, anything else as English', async () => {
    const { templates: de } = await SHIPPED_CATALOGUES.de();
    assert.equal((await shippedTexts('de-AT'))['list.col.subject'], de['list.col.subject']);
    assert.equal((await shippedTexts('fi'))['list.col.subject'], english['list.col.subject']);
    assert.equal((await shippedTexts())['list.open'], english['list.open']);
  });

  it('gives the MemoryAdapter\'s export the same words as the server\'s', async () => {
    const adapter = new MemoryAdapter({ signedInAs: 'anna@nordlicht.example' });
    const csv = await (await adapter.exportTickets({ view: 'mine', q: '', status: 'all', sort: 'lastActivityAt', order: 'desc', page: 1, pageSize: 25, filters: {} }, { locale: 'pl' })).text();
    const { templates: pl } = await SHIPPED_CATALOGUES.pl();
    assert.ok(csv.split('\r\n')[0].includes(pl['list.col.subject'] as string), csv.split('\r\n')[0]);
  });
});
