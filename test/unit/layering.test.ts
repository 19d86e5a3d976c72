import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  importsOf, KNOWN_CROSS_ELEMENT_IMPORTS, KNOWN_LAYER_EXCEPTIONS, layeringViolations, ruleBroken,
} from '../support/layering.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const at = (path: string) => join(root, path);

describe('layering: elements → internal, contract, domain; adapters and server → contract, domain; domain → contract', () => {
  it('no import in src/ or server/ breaks a rule', () => {
    const violations = layeringViolations(root);
    assert.deepEqual(violations.map((v) => `${v.file}: ${v.specifier} (${v.rule})`), []);
  });

  it('refuses every forbidden arrow, including the reverse ones', () => {
    const forbidden: [string, string][] = [
      ['src/domain/access.ts', '../internal/files.js'],
      ['src/domain/access.ts', '../adapters/memory-adapter.js'],
      ['src/contract/tickets.ts', '../domain/world.js'],
      ['src/contract/tickets.ts', '../elements/ticket-list/columns.js'],
      ['src/adapters/http-adapter.ts', '../internal/files.js'],
      ['src/adapters/http-adapter.ts', '../elements/ticket-list/list-state.js'],
      ['server/routes/tickets.ts', '../../src/internal/files.js'],
      ['server/routes/tickets.ts', '../../src/adapters/query-params.js'],
      ['src/elements/ticket-list/list-state.ts', '../../adapters/http-adapter.js'],
      ['src/elements/ticket-list/ticket-table.ts', '../ticket-detail/conversation.js'],
      ['src/internal/files.ts', '../elements/ticket-list/columns.js'],
      ['src/internal/files.ts', '../../server/http/file-types.js'],
      ['src/domain/access.ts', 'lit'],
      ['src/contract/tickets.ts', 'node:crypto'],
      ['src/elements/ticket-list/ticket-list.ts', 'ky'],
      ['src/adapters/http-adapter.ts', 'lit'],
    ];
    for (const [from, specifier] of forbidden) assert.ok(ruleBroken(root, at(from), specifier), `${from} → ${specifier} must be refused`);
  });

  it('allows the permitted arrows', () => {
    const allowed: [string, string][] = [
      ['src/elements/ticket-list/ticket-list.ts', '../../internal/files.js'],
      ['src/elements/ticket-list/ticket-list.ts', '../../domain/columns.js'],
      ['src/elements/ticket-list/define.ts', '../view-switcher/define.js'],
      ['src/adapters/http-adapter.ts', '../contract/list-query.js'],
      ['server/routes/tickets.ts', '../../src/contract/list-query.js'],
      ['server/routes/tickets.ts', '../http/problem.js'],
      ['src/domain/access.ts', '../contract/settings.js'],
      ['src/internal/localization.ts', '../locales/de.js'],
    ];
    for (const [from, specifier] of allowed) assert.equal(ruleBroken(root, at(from), specifier), null, `${from} → ${specifier}`);
  });

  it('reads static, re-exported, dynamic and type-only imports', () => {
    const text = "import a from './a.js';\nexport { b } from './b.js';\nconst c = await import('./c.js');\nimport type { D } from './d.js';";
    assert.deepEqual(importsOf(text).sort(), ['./a.js', './b.js', './c.js', './d.js']);
  });

  it('keeps the allow-lists honest: every listed import still exists (remove an entry once it is fixed)', () => {
    for (const entry of [...KNOWN_CROSS_ELEMENT_IMPORTS, ...KNOWN_LAYER_EXCEPTIONS]) {
      const [from, to] = entry.split(' -> ');
      assert.ok(existsSync(at(from)), entry);
      const targets = importsOf(readFileSync(at(from), 'utf8')).map((s) => join(at(from), '..', s).replace(/\.js$/, '.ts'));
      assert.ok(targets.includes(at(to)), `${entry} is no longer imported: remove it from the list`);
    }
  });
});
