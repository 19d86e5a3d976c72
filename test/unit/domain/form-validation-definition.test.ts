import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FormField } from '../../../src/contract/form.js';
import { defaultSettings } from '../../../src/domain/default-settings.js';
import { demoWorld } from '../../../src/domain/demo-world.js';
import { definitionProblems, validateForm } from '../../../src/domain/form-validation.js';

const SUBJECT: FormField = { name: 'subject', label: 'Subject', type: 'text', required: true };
const CONTENT: FormField = { name: 'content', label: 'Description', type: 'textarea', required: true };
const paths = (fields: FormField[]) => definitionProblems(fields).map((p) => p.path);
const withField = (field: FormField) => paths([SUBJECT, CONTENT, field]);

describe('definitionProblems', () => {
  it('accepts the default and the demo form', () => {
    assert.deepEqual(definitionProblems(defaultSettings().supportForm.fields), []);
    assert.deepEqual(definitionProblems(demoWorld().settings.supportForm.fields), []);
  });
  it('the demo form uses every field type', () => {
    const types = new Set(demoWorld().settings.supportForm.fields.map((f) => f.type));
    assert.deepEqual([...types].sort(), ['checkbox', 'checkboxes', 'date', 'email', 'file', 'number', 'radio', 'select', 'text', 'textarea']);
  });
  it('needs required, unconditional subject and content fields', () => {
    assert.deepEqual(paths([SUBJECT]), ['fields']);
    assert.deepEqual(paths([]), ['fields', 'fields']);
    assert.deepEqual(paths([{ ...SUBJECT, required: false }, CONTENT]), ['fields.0.required']);
    assert.deepEqual(paths([SUBJECT, { ...CONTENT, type: 'number' }]), ['fields.1.type']);
    assert.deepEqual(paths([{ ...SUBJECT, visibleWhen: { field: 'content' } }, CONTENT]), ['fields.0.visibleWhen', 'fields.0.visibleWhen.field']);
  });
  it('refuses duplicate and reserved names', () => {
    assert.deepEqual(paths([SUBJECT, CONTENT, { ...SUBJECT, label: 'Again' }]), ['fields.2.name']);
    for (const name of ['pipeline', 'stage', 'ownerId', 'createdAt', 'id', 'inbox', 'files']) {
      assert.deepEqual(withField({ name, label: name, type: 'text' }), ['fields.2.name'], name);
    }
  });
  it('choice fields need options, without duplicates or blank values', () => {
    assert.deepEqual(withField({ name: 'c', label: 'C', type: 'select' }), ['fields.2.options']);
    assert.deepEqual(withField({ name: 'c', label: 'C', type: 'radio', options: [] }), ['fields.2.options']);
    assert.deepEqual(withField({ name: 'c', label: 'C', type: 'checkboxes', options: [{ value: 'a', label: 'A' }, { value: 'a', label: 'B' }] }), ['fields.2.options.1.value']);
    assert.deepEqual(withField({ name: 'c', label: 'C', type: 'select', options: [{ value: ' ', label: 'A' }] }), ['fields.2.options.0.value']);
  });
  it('refuses contradicting limits and misplaced rules', () => {
    assert.deepEqual(withField({ name: 't', label: 'T', type: 'text', minLength: 5, maxLength: 2 }), ['fields.2.minLength']);
    assert.deepEqual(withField({ name: 'n', label: 'N', type: 'number', min: 5, max: 2 }), ['fields.2.min']);
    assert.deepEqual(withField({ name: 'n', label: 'N', type: 'number', maxLength: 3 }), ['fields.2.maxLength']);
    assert.deepEqual(withField({ name: 'd', label: 'D', type: 'date', min: 20260230 }), ['fields.2.min']);
    assert.deepEqual(withField({ name: 'd', label: 'D', type: 'date', max: 2026 }), ['fields.2.max']);
    assert.deepEqual(withField({ name: 'd', label: 'D', type: 'date', min: 20240101, max: 20261231 }), []);
  });
  it('refuses patterns that do not compile', () => {
    assert.deepEqual(withField({ name: 't', label: 'T', type: 'text', pattern: '([a-z' }), ['fields.2.pattern']);
    assert.deepEqual(withField({ name: 't', label: 'T', type: 'text', pattern: '[a-z]+' }), []);
    assert.deepEqual(withField({ name: 'n', label: 'N', type: 'number', pattern: '[0-9]+' }), ['fields.2.pattern']);
  });
  it('allows one file field', () => {
    const file: FormField = { name: 'f', label: 'F', type: 'file' };
    assert.deepEqual(paths([SUBJECT, CONTENT, file, { ...file, name: 'g' }]), ['fields.3.type']);
  });
  it('visibleWhen must point to an earlier field, not to itself, an unknown or a file field', () => {
    const cat: FormField = { name: 'cat', label: 'Cat', type: 'select', options: [{ value: 'a', label: 'A' }] };
    assert.deepEqual(paths([SUBJECT, CONTENT, { name: 'x', label: 'X', type: 'text', visibleWhen: { field: 'x' } }]), ['fields.2.visibleWhen.field']);
    assert.deepEqual(paths([SUBJECT, CONTENT, { name: 'x', label: 'X', type: 'text', visibleWhen: { field: 'nope' } }]), ['fields.2.visibleWhen.field']);
    assert.deepEqual(paths([SUBJECT, CONTENT, { name: 'x', label: 'X', type: 'text', visibleWhen: { field: 'cat' } }, cat]), ['fields.2.visibleWhen.field']);
    assert.deepEqual(paths([SUBJECT, CONTENT, { name: 'f', label: 'F', type: 'file' }, { name: 'x', label: 'X', type: 'text', visibleWhen: { field: 'f' } }]), ['fields.3.visibleWhen.field']);
    assert.deepEqual(paths([SUBJECT, CONTENT, cat, { name: 'x', label: 'X', type: 'text', visibleWhen: { field: 'cat', equals: 'a', in: ['a'] } }]), ['fields.3.visibleWhen']);
    assert.deepEqual(paths([SUBJECT, CONTENT, cat, { name: 'x', label: 'X', type: 'text', visibleWhen: { field: 'cat', equals: 'zz' } }]), ['fields.3.visibleWhen.equals']);
    assert.deepEqual(paths([SUBJECT, CONTENT, cat, { name: 'x', label: 'X', type: 'text', visibleWhen: { field: 'cat', in: ['a', 'q'] } }]), ['fields.3.visibleWhen.in.1']);
  });
});

describe('the demo form', () => {
  const { fields } = demoWorld().settings.supportForm;
  it('asks for the order number only for billing, and checks its pattern', () => {
    const base = { subject: 'Invoice wrong', content: 'The amount is wrong.', category: 'billing', impact: 'me' };
    const missing = validateForm(fields, base);
    assert.deepEqual(!missing.ok && missing.issues.map((i) => i.field), ['orderNumber']);
    const bad = validateForm(fields, { ...base, orderNumber: 'ORD-12' });
    assert.deepEqual(!bad.ok && bad.issues[0], { field: 'orderNumber', key: 'pattern', message: 'Use the order number from your invoice, e.g. ORD-123456.' });
    const good = validateForm(fields, { ...base, orderNumber: 'ORD-123456', products: ['api'], mayAccessAccount: 'on' });
    assert.deepEqual(good, { ok: true, values: { ...base, orderNumber: 'ORD-123456', products: ['api'], mayAccessAccount: true } });
  });
});
