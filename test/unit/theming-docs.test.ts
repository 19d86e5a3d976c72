import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { aliasesOf, OWN_PARTS, partsOf, PART_PREFIXES } from '../../src/internal/parts.js';

/**
 * Every part and every public custom property is documented where designers look: in the element's JSDoc
 * (`@csspart`, `@cssprop`, which the manifest is generated from) and in the README.
 */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const sources = files('src').filter((f) => !f.includes('/locales/'));
const readme = readFileSync('README.md', 'utf8');

/** The source file of each element's class (its JSDoc feeds the manifest). */
const SOURCE: Record<keyof typeof OWN_PARTS, string> = {
  'customer-portal': 'src/elements/customer-portal/customer-portal.ts',
  'portal-login': 'src/elements/portal-login/portal-login.ts',
  'ticket-list': 'src/elements/ticket-list/ticket-list.ts',
  'view-switcher': 'src/elements/view-switcher/view-switcher.ts',
  'ticket-detail': 'src/elements/ticket-detail/ticket-detail.ts',
  'support-form': 'src/elements/support-form/support-form.ts',
  'portal-reply-box': 'src/elements/ticket-detail/reply-box.ts',
  'portal-message-body': 'src/elements/ticket-detail/message-body.ts',
  'portal-email-preference': 'src/elements/customer-portal/email-preference.ts',
};
const jsdocOf = (tag: keyof typeof OWN_PARTS) => readFileSync(SOURCE[tag], 'utf8');

describe('theming documentation', () => {
  for (const tag of Object.keys(OWN_PARTS) as (keyof typeof OWN_PARTS)[]) {
    it(`documents every part of <${tag}> with @csspart`, () => {
      const text = jsdocOf(tag);
      const documented = new Set([...text.matchAll(/@csspart ([a-z-]+)/g)].map((m) => m[1]));
      const missing = [...partsOf(tag), ...aliasesOf(tag)].filter((part) => !documented.has(part));
      assert.deepEqual(missing, []);
      const stale = [...documented].filter((part) => !partsOf(tag).includes(part) && !aliasesOf(tag).includes(part));
      assert.deepEqual(stale, [], 'documented parts that do not exist');
    });
  }

  it('lists every own part and every forwarding prefix in the README', () => {
    for (const [tag, parts] of Object.entries(OWN_PARTS)) {
      if (tag.startsWith('portal-') && tag !== 'portal-login') continue;
      for (const part of parts) assert.ok(readme.includes(`\`${part}\``), `README: part ${part} of ${tag}`);
    }
    for (const prefix of new Set(Object.values(PART_PREFIXES).flatMap((p) => Object.values(p)))) {
      assert.ok(readme.includes(`\`${prefix}-\``), `README: prefix ${prefix}-`);
    }
  });

  it('documents every public custom property in the README and in some @cssprop', () => {
    const used = new Set<string>();
    const documented = new Set<string>();
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/var\((--[a-z][a-z0-9-]*)/g)) used.add(m[1]);
      for (const m of text.matchAll(/@cssprop (--[a-z][a-z0-9-]*)/g)) documented.add(m[1]);
    }
    assert.ok(used.size >= 15, `found only ${used.size} custom properties`);
    assert.deepEqual([...used].filter((p) => !documented.has(p)), [], 'without @cssprop');
    assert.deepEqual([...used].filter((p) => !readme.includes(`\`${p}\``)), [], 'not in the README');
    assert.deepEqual([...documented].filter((p) => !used.has(p)), [], '@cssprop for a property nothing uses');
  });
});
