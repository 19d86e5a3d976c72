import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FormField } from '../../../src/contract/form.js';
import { effectiveColumns } from '../../../src/domain/columns.js';
import { DEFAULT_COLUMNS } from '../../../src/contract/settings.js';
import { ticketPartsFromForm } from '../../../src/domain/form-core-fields.js';
import { definitionProblems } from '../../../src/domain/form-validation.js';

const SUBJECT: FormField = { name: 'subject', label: 'Subject', type: 'text', required: true };
const CONTENT: FormField = { name: 'content', label: 'Description', type: 'textarea', required: true };
const PRIORITY: FormField = { name: 'priority', label: 'Urgency', type: 'select', options: [{ value: 'high', label: 'Blocked' }] };

describe('customer-settable core fields', () => {
  it('a form may ask for the priority as a choice; system fields stay reserved', () => {
    assert.deepEqual(definitionProblems([SUBJECT, CONTENT, PRIORITY]), []);
    assert.deepEqual(definitionProblems([SUBJECT, CONTENT, { ...PRIORITY, type: 'radio' }]), []);
    assert.deepEqual(definitionProblems([SUBJECT, CONTENT, { ...PRIORITY, type: 'text', options: undefined }]).map((p) => p.path), ['fields.2.type']);
    for (const name of ['id', 'ownerId', 'contactId', 'companyId', 'createdAt', 'lastActivityAt', 'pipeline', 'stage']) {
      assert.deepEqual(definitionProblems([SUBJECT, CONTENT, { name, label: name, type: 'text' }]).map((p) => p.path), ['fields.2.name'], name);
    }
  });

  it('the pipeline only when the admin marks it customer-settable', () => {
    const PIPELINE: FormField = { name: 'pipeline', label: 'Topic', type: 'radio', options: [{ value: 'billing', label: 'Invoices' }] };
    assert.deepEqual(definitionProblems([SUBJECT, CONTENT, PIPELINE]).map((p) => p.path), ['fields.2.name']);
    assert.deepEqual(definitionProblems([SUBJECT, CONTENT, PIPELINE], ['pipeline']), []);
    assert.deepEqual(definitionProblems([SUBJECT, CONTENT, { ...PIPELINE, type: 'text' }], ['pipeline']).map((p) => p.path), ['fields.2.type']);
  });

  it('the priority answer becomes the ticket\'s priority, not a property', () => {
    const parts = ticketPartsFromForm({ subject: 'S', content: 'C', priority: 'high', products: ['a', 'b'] }, 'Support');
    assert.deepEqual(parts, { subject: 'S', content: 'C', priority: 'high', pipeline: null, properties: { products: 'a;b', inbox: 'Support' } });
    assert.equal(ticketPartsFromForm({ subject: 'S', content: 'C', pipeline: 'billing' }, 'Support').pipeline, 'billing');
    assert.equal(ticketPartsFromForm({ subject: 'S', content: 'C' }, 'Support').priority, null);
  });

  it('an empty column list means the default columns', () => {
    assert.deepEqual(effectiveColumns([]), DEFAULT_COLUMNS);
    assert.deepEqual(effectiveColumns(['subject']), ['subject']);
  });
});
