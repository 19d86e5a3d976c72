import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { testServer, type TestServer } from './helpers.js';

/** Values an attacker could type into a ticket: a formula at the start, after `;`, after a tab, after a comma, after a line break. */
const PAYLOADS = [
  '=HYPERLINK("https://evil.example","x")',
  'Invoice;=cmd|\' /C calc\'!A0',
  'Invoice\t=1+1',
  'Invoice, -2+3',
  'Invoice,+SUM(1)',
  'Line\n@SUM(A1)',
  'a;b;@x',
];
const FORMULA = /^[=+\-@\t\r]/;

describe('CSV export: formula cells are neutralized whatever delimiter opens the file', () => {
  let s: TestServer;
  let anna: string;
  let text = '';
  before(async () => {
    s = await testServer();
    await s.patchSettings((st) => ({ ...st, columns: ['id', 'subject', 'note'] }));
    for (const [i, payload] of PAYLOADS.entries()) {
      const res = await s.admin('POST', '/admin/tickets', { contactId: 1, subject: payload, properties: { note: PAYLOADS[(i + 1) % PAYLOADS.length] } });
      assert.equal(res.status, 201, res.text);
    }
    anna = await s.login();
    const res = await fetch(`${s.url}/api/v1/tickets/export.csv?view=mine&q=`, { headers: { cookie: anna } });
    assert.equal(res.status, 200);
    text = (await res.text()).replace(/^\uFEFF/, '');
  });
  after(() => s.close());

  for (const [name, delimiter] of [['comma', ','], ['semicolon', ';'], ['tab', '\t']] as const) {
    it(`has no cell that starts a formula when parsed with the ${name} delimiter`, () => {
      const records: string[][] = parse(text, { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: true });
      assert.ok(records.length > PAYLOADS.length);
      for (const record of records) for (const cell of record) assert.doesNotMatch(cell, FORMULA, `${name}: ${JSON.stringify(cell)}`);
    });
  }

  it('keeps each payload readable in its own cell with the comma delimiter (only a leading apostrophe added)', () => {
    const records: string[][] = parse(text, { delimiter: ',' });
    const subjects = records.slice(1).map((r) => r[1]);
    for (const payload of PAYLOADS) {
      const shown = subjects.find((cell) => cell.replace(/'/g, '') === payload.replace(/'/g, ''));
      assert.ok(shown !== undefined, `missing ${JSON.stringify(payload)} in ${JSON.stringify(subjects)}`);
    }
  });
});
