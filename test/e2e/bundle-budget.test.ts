import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { measureEntries, measureUnion } from '../../bench/bundle-size.js';

/**
 * Byte budgets of the self-contained build (`dist/cdn`, every dependency bundled), min+gzip. They guard against
 * growth; the design goal for sign-in + list is 30 kB and is not reached yet (see docs/performance.md).
 */
const BUDGETS_GZIP: Record<string, number> = {
  // The portal's own parts (email switch, logo, knowledge-base link, sign-in reasons, server-sent events), then
  // the responsive list (cards, "Sort by", filters disclosure), plural forms, parts forwarding and right to left.
  'customer-portal + portal-login + ticket-list + view-switcher': 62_500,
  // Measured after merging issue 10 (context controller, tag map, scoped registry): 46,404 bytes.
  'portal-login + ticket-list + view-switcher': 47_000,
  'ticket-detail': 31_000,
  'support-form': 35_000,
  define: 80_500,
};

describe('bundle budgets (dist/cdn, min+gzip)', () => {
  for (const [name, budget] of Object.entries(BUDGETS_GZIP)) {
    it(`${name} stays within ${(budget / 1000).toFixed(1)} kB`, () => {
      const entries = name.split(' + ');
      const size = entries.length > 1 ? measureUnion('dist/cdn', entries) : measureEntries('dist/cdn', entries)[0];
      assert.ok(size.gzipBytes <= budget, `${name}: ${size.gzipBytes} bytes > ${budget}`);
    });
  }

  it('keeps DOMPurify out of everything but the ticket detail', () => {
    for (const entry of ['customer-portal', 'portal-login', 'ticket-list', 'support-form']) {
      const { files } = measureEntries('dist/cdn', [entry])[0];
      assert.ok(!files.some((f) => /purify/i.test(f)), `${entry} loads DOMPurify up front: ${files.join(', ')}`);
    }
  });
});
