import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readdirSync } from 'node:fs';
import { build, type Metafile, type Plugin } from 'esbuild';

/**
 * The browser entries check answers and input with the contract's plain rules (`src/contract/check.ts`,
 * `list-rules.ts`, `account-rules.ts`, `src/domain/form-*.ts`); zod stays on the server (and in the in-browser
 * demo's MemoryAdapter). Bundling the entries the way a host's bundler does shows what they really pull in.
 */
const ELEMENT_DEFINES = readdirSync('src/elements', { withFileTypes: true })
  .filter((d) => d.isDirectory() && readdirSync(`src/elements/${d.name}`).includes('define.ts'))
  .map((d) => `src/elements/${d.name}/define.ts`);

/** The MemoryAdapter (the demo world) may keep zod: it is left out of the library index's bundle. */
const withoutMemoryAdapter: Plugin = {
  name: 'without-memory-adapter',
  setup(b) {
    b.onResolve({ filter: /memory-adapter\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

async function metafileOf(entryPoints: string[], plugins: Plugin[] = []): Promise<Metafile> {
  const result = await build({
    entryPoints, bundle: true, format: 'esm', splitting: true, minify: true, write: false, metafile: true,
    outdir: 'bundle-check', logLevel: 'silent', plugins,
  });
  return result.metafile;
}

/** Every project module that imports zod, with what it imports. */
function zodImports(meta: Metafile): string[] {
  return Object.entries(meta.inputs)
    .filter(([path]) => !path.startsWith('node_modules/'))
    .flatMap(([path, input]) => input.imports.filter((i) => /node_modules\/zod\//.test(i.path)).map(() => path))
    .filter((path, i, all) => all.indexOf(path) === i);
}

const zodInputs = (meta: Metafile) => Object.keys(meta.inputs).filter((path) => path.startsWith('node_modules/zod/'));

describe('no zod in the browser bundles', () => {
  it('define, the shell and every element entry bundle without a file of node_modules/zod', async () => {
    const meta = await metafileOf(['src/define.ts', 'src/customer-portal.ts', ...ELEMENT_DEFINES]);
    assert.ok(Object.keys(meta.inputs).includes('src/adapters/http-adapter.ts'), 'the HttpAdapter is part of the bundle');
    assert.deepEqual(zodImports(meta), [], 'project modules importing zod');
    assert.deepEqual(zodInputs(meta), []);
  });

  it('the library index without the MemoryAdapter bundles without zod', async () => {
    const meta = await metafileOf(['src/index.ts'], [withoutMemoryAdapter]);
    assert.ok(Object.keys(meta.inputs).includes('src/contract/errors.ts'));
    assert.deepEqual(zodImports(meta), [], 'project modules importing zod');
    assert.deepEqual(zodInputs(meta), []);
  });

  it('notices zod when a bundled module imports it (the MemoryAdapter does)', async () => {
    const meta = await metafileOf(['src/adapters/memory-adapter.ts']);
    assert.ok(zodInputs(meta).length > 0);
    assert.ok(zodImports(meta).length > 0);
  });
});
