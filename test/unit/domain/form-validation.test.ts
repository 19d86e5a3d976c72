import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FormField } from '../../../src/contract/form.js';
import {
  fileFieldIssue, isFieldVisible, validateForm, visibleFields, type RawFormValues,
} from '../../../src/domain/form-validation.js';

const SUBJECT: FormField = { name: 'subject', label: 'Subject', type: 'text', required: true, maxLength: 200 };
const CONTENT: FormField = { name: 'content', label: 'Description', type: 'textarea', required: true };
const OPTIONS = [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }, { value: 'billing', label: 'Billing' }];

/** The verdict on one field (with subject/content filled in). */
function verdict(field: FormField, value: string | string[] | undefined) {
  const result = validateForm([SUBJECT, field, CONTENT], { subject: 'Hi', content: 'Body', [field.name]: value });
  return result.ok ? { value: result.values[field.name] } : { issue: result.issues[0] };
}
const keyOf = (field: FormField, value: string | string[] | undefined) => verdict(field, value).issue?.key;
const valueOf = (field: FormField, value: string | string[] | undefined) => {
  const v = verdict(field, value);
  assert.equal(v.issue, undefined, `unexpected issue ${JSON.stringify(v.issue)}`);
  return v.value;
};

describe('validateForm: text fields', () => {
  const text: FormField = { name: 'note', label: 'Note', type: 'text', minLength: 3, maxLength: 5 };
  it('trims, and counts lengths in code points (an emoji is one)', () => {
    assert.equal(valueOf(text, '  abc  '), 'abc');
    assert.equal(valueOf(text, '😀😀😀'), '😀😀😀');
    assert.equal(valueOf(text, 'ééééé'), 'ééééé');
    assert.deepEqual(verdict(text, '😀😀😀😀😀😀').issue, { field: 'note', key: 'too-long', params: { max: 5 }, message: 'Use at most 5 characters.' });
    assert.deepEqual(verdict(text, 'ab').issue, { field: 'note', key: 'too-short', params: { min: 3 }, message: 'Use at least 3 characters.' });
  });
  it('treats whitespace-only input as empty: required fails, optional is left out', () => {
    assert.equal(keyOf({ ...text, required: true }, ' \n\t '), 'required');
    assert.equal(verdict({ ...text, required: true }, '   ').issue?.message, 'This field is required.');
    assert.equal(valueOf(text, '   '), undefined);
    assert.equal(valueOf(text, undefined), undefined);
  });
  it('caps text without maxLength (1 000, textarea 50 000 code points) and counts CRLF as one', () => {
    const plain: FormField = { name: 'plain', label: 'P', type: 'text' };
    assert.equal(keyOf(plain, 'x'.repeat(1001)), 'too-long');
    assert.equal(valueOf(plain, 'x'.repeat(1000))?.toString().length, 1000);
    const long: FormField = { name: 'long', label: 'L', type: 'textarea', maxLength: 3 };
    assert.equal(valueOf(long, 'a\r\nb'), 'a\nb');
    assert.equal(keyOf({ name: 'big', label: 'B', type: 'textarea' }, 'y'.repeat(50_001)), 'too-long');
  });
  it('matches a pattern against the whole value, with the admin message', () => {
    const code: FormField = { name: 'code', label: 'Code', type: 'text', pattern: 'ORD-[0-9]{3}', patternMessage: 'Use ORD-123.' };
    assert.equal(valueOf(code, ' ORD-123 '), 'ORD-123');
    assert.deepEqual(verdict(code, 'xORD-123').issue, { field: 'code', key: 'pattern', message: 'Use ORD-123.' });
    assert.equal(verdict({ ...code, patternMessage: undefined }, 'ORD-1').issue?.message, 'Use the requested format.');
  });
  it('checks emails with the contract rule', () => {
    const email: FormField = { name: 'cc', label: 'CC', type: 'email' };
    assert.equal(valueOf(email, ' ana@example.com '), 'ana@example.com');
    assert.equal(keyOf(email, 'ana@'), 'email');
    assert.equal(keyOf(email, 'not an email'), 'email');
  });
  it('takes the last of repeated values for a single-value field', () => {
    assert.equal(valueOf(text, ['xxx', 'yyy']), 'yyy');
  });
});

describe('validateForm: numbers', () => {
  const n: FormField = { name: 'seats', label: 'Seats', type: 'number', min: 1, max: 100 };
  it('reads decimal strings, trimmed', () => {
    assert.equal(valueOf(n, '12'), 12);
    assert.equal(valueOf(n, ' 12 '), 12);
    assert.equal(valueOf(n, '1.5'), 1.5);
    assert.equal(valueOf({ ...n, min: -5 }, '-.5'), -0.5);
  });
  it('refuses what is not plainly a number: 12abc, exponents, commas, Infinity, hex', () => {
    for (const bad of ['12abc', '1e3', '1,5', 'Infinity', '0x10', '--1', '.', '1 000']) assert.equal(keyOf(n, bad), 'number', bad);
    assert.equal(verdict(n, 'abc').issue?.message, 'Enter a number.');
  });
  it('treats "" as empty (left out unless required)', () => {
    assert.equal(valueOf(n, ''), undefined);
    assert.equal(keyOf({ ...n, required: true }, ' '), 'required');
  });
  it('applies min and max', () => {
    assert.deepEqual(verdict(n, '0').issue, { field: 'seats', key: 'too-small', params: { min: 1 }, message: 'Enter 1 or more.' });
    assert.deepEqual(verdict(n, '101').issue, { field: 'seats', key: 'too-large', params: { max: 100 }, message: 'Enter 100 or less.' });
    assert.equal(valueOf(n, '100'), 100);
  });
  it('refuses numbers too long to be exact', () => {
    assert.equal(keyOf({ name: 'x', label: 'X', type: 'number' }, '9'.repeat(400)), 'number');
  });
});

describe('validateForm: dates', () => {
  const d: FormField = { name: 'day', label: 'Day', type: 'date', min: 20240101, max: 20261231 };
  it('accepts real calendar dates as YYYY-MM-DD', () => {
    assert.equal(valueOf(d, '2024-02-29'), '2024-02-29');
    assert.equal(valueOf(d, ' 2026-12-31 '), '2026-12-31');
  });
  it('refuses impossible and malformed dates', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2025-02-29', '2026-1-5', '05/01/2026', '2026-00-10', 'tomorrow']) {
      assert.equal(keyOf(d, bad), 'date', bad);
    }
  });
  it('reads min and max as YYYYMMDD', () => {
    assert.deepEqual(verdict(d, '2023-12-31').issue, { field: 'day', key: 'too-small', params: { min: '2024-01-01' }, message: 'Choose 2024-01-01 or later.' });
    assert.deepEqual(verdict(d, '2027-01-01').issue, { field: 'day', key: 'too-large', params: { max: '2026-12-31' }, message: 'Choose 2026-12-31 or earlier.' });
  });
});

describe('validateForm: choices', () => {
  const select: FormField = { name: 'kind', label: 'Kind', type: 'select', required: true, options: OPTIONS };
  it('select and radio take one of the option values', () => {
    assert.equal(valueOf(select, 'b'), 'b');
    assert.equal(valueOf({ ...select, type: 'radio' }, 'a'), 'a');
    assert.deepEqual(verdict(select, 'c').issue, { field: 'kind', key: 'option', message: 'Choose one of the listed options.' });
    assert.equal(keyOf({ ...select, type: 'radio' }, 'A'), 'option');
    assert.deepEqual(verdict(select, '').issue, { field: 'kind', key: 'required', message: 'Choose an option.' });
  });
  it('checkboxes: each one of the options, deduplicated, in option order; required = at least one', () => {
    const boxes: FormField = { name: 'tags', label: 'Tags', type: 'checkboxes', options: OPTIONS };
    assert.deepEqual(valueOf(boxes, ['b', 'a', 'b']), ['a', 'b']);
    assert.deepEqual(valueOf(boxes, 'a'), ['a']);
    assert.equal(valueOf(boxes, []), undefined);
    assert.equal(keyOf(boxes, ['a', 'zzz']), 'option');
    assert.deepEqual(verdict({ ...boxes, required: true }, []).issue, { field: 'tags', key: 'required', message: 'Choose at least one option.' });
  });
  it('checkbox: a boolean; required means it must be checked', () => {
    const box: FormField = { name: 'agree', label: 'Agree', type: 'checkbox' };
    assert.equal(valueOf(box, 'on'), true);
    assert.equal(valueOf(box, 'true'), true);
    assert.equal(valueOf(box, undefined), false);
    assert.equal(valueOf(box, 'false'), false);
    assert.equal(keyOf(box, 'maybe'), 'option');
    assert.deepEqual(verdict({ ...box, required: true }, undefined).issue, { field: 'agree', key: 'required', message: 'Check this box to continue.' });
  });
});

describe('visibility', () => {
  const fields: FormField[] = [
    SUBJECT,
    { name: 'category', label: 'Category', type: 'select', options: OPTIONS },
    { name: 'order', label: 'Order', type: 'text', required: true, visibleWhen: { field: 'category', equals: 'billing' } },
    { name: 'invoice', label: 'Invoice', type: 'text', required: true, visibleWhen: { field: 'order' } },
    { name: 'urgent', label: 'Urgent', type: 'checkbox' },
    { name: 'why', label: 'Why', type: 'text', visibleWhen: { field: 'urgent', equals: true } },
    { name: 'ab', label: 'AB', type: 'text', visibleWhen: { field: 'category', in: ['a', 'b'] } },
    CONTENT,
  ];
  const base: RawFormValues = { subject: 'S', content: 'C' };
  it('shows a field when the controlling value equals / is in the list; checkboxes compare checked state', () => {
    const names = (raw: RawFormValues) => visibleFields(fields, { ...base, ...raw }).map((f) => f.name);
    assert.deepEqual(names({}), ['subject', 'category', 'urgent', 'content']);
    assert.deepEqual(names({ category: 'billing' }), ['subject', 'category', 'order', 'urgent', 'content']);
    assert.deepEqual(names({ category: 'billing', order: 'x', urgent: 'on' }), ['subject', 'category', 'order', 'invoice', 'urgent', 'why', 'content']);
    assert.deepEqual(names({ category: 'b' }), ['subject', 'category', 'urgent', 'ab', 'content']);
  });
  it('hides a field whose controlling field is hidden (chains), even when values were smuggled in', () => {
    assert.equal(isFieldVisible(fields[3], { ...base, category: 'a', order: 'ORD' }, fields), false);
    const result = validateForm(fields, { ...base, category: 'a', order: 'ORD', invoice: 'x', why: 'smuggled', hacker: 'x' });
    assert.deepEqual(result, { ok: true, values: { subject: 'S', category: 'a', urgent: false, content: 'C' } });
  });
  it('validates a conditional field only while it is visible', () => {
    const result = validateForm(fields, { ...base, category: 'billing' });
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.issues.map((i) => [i.field, i.key]), [['order', 'required']]);
  });
  it('a rule pointing at an unknown field hides the field; cycles do not loop', () => {
    const odd: FormField[] = [
      { name: 'x', label: 'X', type: 'text', visibleWhen: { field: 'y' } },
      { name: 'y', label: 'Y', type: 'text', visibleWhen: { field: 'x' } },
      { name: 'z', label: 'Z', type: 'text', visibleWhen: { field: 'nope' } },
    ];
    assert.deepEqual(visibleFields(odd, { x: '1', y: '1', z: '1' }), []);
  });
});

describe('validateForm', () => {
  const fields: FormField[] = [SUBJECT, { name: 'n', label: 'N', type: 'number' }, { name: 'f', label: 'F', type: 'file', required: true }, CONTENT];
  it('lists issues in field order, one per field, each with its message key, parameters and English text', () => {
    const result = validateForm(fields, { content: '', n: 'x', subject: '' });
    assert.deepEqual(!result.ok && result.issues.map((i) => `${i.field}:${i.key}`), ['subject:required', 'n:number', 'content:required']);
    const short = validateForm([{ ...SUBJECT, minLength: 5 }], { subject: 'abc' });
    assert.deepEqual(short, { ok: false, issues: [{ field: 'subject', key: 'too-short', params: { min: 5 }, message: 'Use at least 5 characters.' }] });
  });
  it('leaves file fields to fileFieldIssue: required file, files without a visible file field', () => {
    assert.deepEqual(validateForm(fields, { subject: 'S', content: 'C' }), { ok: true, values: { subject: 'S', content: 'C' } });
    assert.deepEqual(fileFieldIssue(fields, {}, 0), { field: 'f', key: 'required', message: 'Attach at least one file.' });
    assert.equal(fileFieldIssue(fields, {}, 2), null);
    assert.equal(fileFieldIssue([SUBJECT, CONTENT], {}, 1)?.key, 'not-allowed');
  });
  it('ignores unknown keys, inherited names included', () => {
    assert.deepEqual(validateForm([SUBJECT], { subject: 'S', __proto__: 'x', constructor: 'y' } as RawFormValues), { ok: true, values: { subject: 'S' } });
  });
});
