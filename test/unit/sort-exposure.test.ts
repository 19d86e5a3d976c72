import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSettings } from '../../src/domain/default-settings.js';
import { customerMaySortBy, hiddenSortField, sortableAmong } from '../../src/domain/exposed-properties.js';

describe('which columns customers may sort by', () => {
  const settings = defaultSettings();
  settings.columns = ['subject', 'product', 'status'];
  settings.supportForm = { ...settings.supportForm, fields: [
    { name: 'category', label: 'Category', type: 'text' },
    { name: 'screenshot', label: 'Screenshot', type: 'file' },
  ] };

  it('allows core fields, derived columns, columns and non-file form fields', () => {
    for (const column of ['createdAt', 'lastActivityAt', 'id', 'priority', 'requester', 'owner', 'status', 'product', 'category']) {
      assert.ok(customerMaySortBy(column, settings), column);
      assert.equal(hiddenSortField({ sort: column }, settings), null, column);
    }
  });

  it('refuses hidden and unknown properties alike, naming sort', () => {
    for (const column of ['churnRisk', 'screenshot', 'nothing']) {
      assert.equal(customerMaySortBy(column, settings), false, column);
      assert.deepEqual(hiddenSortField({ sort: column }, settings), { field: 'sort', message: `Tickets cannot be sorted by "${column}".` });
    }
  });

  it('given only the columns (as the ticket list knows them), allows no more than the full rule', () => {
    for (const column of ['createdAt', 'owner', 'product', 'category', 'churnRisk', 'nothing']) {
      assert.ok(!sortableAmong(column, settings.columns) || customerMaySortBy(column, settings), column);
    }
    assert.equal(sortableAmong('category', settings.columns), false);
    assert.equal(sortableAmong('product', settings.columns), true);
  });
});
