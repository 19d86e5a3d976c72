import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

/** The README's React, Vue, Angular and Svelte snippets are `docs/snippets/*`, type-checked against the built types. */
describe('framework snippets', () => {
  const snippets = readdirSync('docs/snippets').filter((f) => /\.(ts|tsx)$/.test(f));

  it('covers React, Vue, Angular and Svelte, each shown in the README as it is', () => {
    assert.deepEqual(snippets.sort(), ['angular.ts', 'react.tsx', 'svelte.ts', 'vue.ts']);
    const readme = readFileSync('README.md', 'utf8');
    for (const file of snippets) {
      assert.ok(readme.includes(readFileSync(`docs/snippets/${file}`, 'utf8').trimEnd()), `README shows docs/snippets/${file}`);
    }
  });

  it('type-check against the package as published (dist/types)', () => {
    assert.ok(existsSync('dist/types/react/index.d.ts'), 'run `npm run build` first');
    try {
      execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'docs/snippets/tsconfig.json'], { encoding: 'utf8' });
    } catch (error) {
      assert.fail(`tsc -p docs/snippets: ${(error as { stdout?: string }).stdout}`);
    }
  });
});
