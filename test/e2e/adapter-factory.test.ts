import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { build } from 'esbuild';

/**
 * `<customer-portal>` gets its HttpAdapter from an injected factory: an app that registers the element class itself
 * and passes its own `adapter` bundles no HTTP client (ky). Bundled with esbuild from the built npm package
 * (`dist/`), the way a host's bundler sees it.
 */
const root = resolve(import.meta.dirname, '../..');

/** The bytes each package contributes to a minified bundle of `source` (an app's entry module). */
async function bundledPackages(source: string): Promise<{ bytes: number; ky: number; portal: boolean }> {
  const result = await build({
    stdin: { contents: source, resolveDir: root, sourcefile: 'app.js' },
    bundle: true, write: false, format: 'esm', minify: true, metafile: true, logLevel: 'silent',
  });
  const [output] = Object.values(result.metafile.outputs);
  const inputs = Object.entries(output.inputs);
  const ky = inputs.filter(([path]) => /node_modules[\\/]ky[\\/]/.test(path)).reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
  const text = result.outputFiles[0].text;
  return { bytes: output.bytes, ky, portal: text.includes('Portal navigation') };
}

describe('adapter factory: passing an adapter does not bundle ky', () => {
  before(() => assert.ok(existsSync(resolve(root, 'dist/index.js')), 'run `npm run build` first'));

  it('an app that registers CustomerPortal itself (with the views it shows) bundles the whole portal without ky', async () => {
    const app = await bundledPackages([
      ...['portal-login', 'ticket-list', 'ticket-detail', 'support-form'].map((entry) => `import './dist/${entry}.js';`),
      `import { CustomerPortal, MemoryAdapter, PortalEmailPreference } from './dist/index.js';`,
      `customElements.define('customer-portal', CustomerPortal);`,
      `customElements.define('portal-email-preference', PortalEmailPreference);`,
      `document.body.append(Object.assign(document.createElement('customer-portal'), { adapter: new MemoryAdapter() }));`,
    ].join('\n'));
    assert.ok(app.portal, 'the shell itself is in the bundle');
    assert.equal(app.ky, 0, `ky contributes ${app.ky} bytes`);
  });

  it('the registering entry wires the HttpAdapter factory, so api-base works there (and ky comes with it)', async () => {
    const entry = await bundledPackages(`import './dist/customer-portal.js';`);
    assert.ok(entry.portal);
    assert.ok(entry.ky > 1000, `ky contributes only ${entry.ky} bytes`);
    const injected = await bundledPackages([
      `import { CustomerPortal, httpAdapterFactory } from './dist/index.js';`,
      `CustomerPortal.adapterFactory = httpAdapterFactory;`,
      `customElements.define('customer-portal', CustomerPortal);`,
    ].join('\n'));
    assert.ok(injected.ky > 1000, `ky contributes only ${injected.ky} bytes`);
  });
});
