import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { build } from 'esbuild';

/**
 * `<customer-portal>` gets its HttpAdapter from an injected factory: an app that registers the element class itself
 * and passes its own `adapter` bundles no HTTP client (the HttpAdapter and its fetch client). Bundled with esbuild
 * from the built npm package (`dist/`), the way a host's bundler sees it.
 */
const root = resolve(import.meta.dirname, '../..');

/**
 * A minified bundle of `source` (an app's entry module): its bytes, how many of the HTTP client's marks it holds
 * (literals minification keeps: the fetch client's timeout message, the CSRF header the HttpAdapter sends) and
 * whether the shell is in it.
 */
async function bundledPackages(source: string): Promise<{ bytes: number; http: number; portal: boolean }> {
  const result = await build({
    stdin: { contents: source, resolveDir: root, sourcefile: 'app.js' },
    bundle: true, write: false, format: 'esm', minify: true, metafile: true, logLevel: 'silent',
  });
  const [output] = Object.values(result.metafile.outputs);
  const text = result.outputFiles[0].text;
  const http = ['No answer in time', 'X-Portal-Request'].filter((mark) => text.includes(mark)).length;
  return { bytes: output.bytes, http, portal: text.includes('Portal navigation') };
}

describe('adapter factory: passing an adapter does not bundle the HTTP client', () => {
  before(() => assert.ok(existsSync(resolve(root, 'dist/index.js')), 'run `npm run build` first'));

  it('an app that registers CustomerPortal itself (with the views it shows) bundles the whole portal without the HTTP client', async () => {
    const app = await bundledPackages([
      ...['portal-login', 'ticket-list', 'ticket-detail', 'support-form'].map((entry) => `import './dist/${entry}.js';`),
      `import { CustomerPortal, MemoryAdapter, PortalEmailPreference } from './dist/index.js';`,
      `customElements.define('customer-portal', CustomerPortal);`,
      `customElements.define('portal-email-preference', PortalEmailPreference);`,
      `document.body.append(Object.assign(document.createElement('customer-portal'), { adapter: new MemoryAdapter() }));`,
    ].join('\n'));
    assert.ok(app.portal, 'the shell itself is in the bundle');
    assert.equal(app.http, 0, 'the HttpAdapter or its fetch client is in the bundle');
  });

  it('the registering entry wires the HttpAdapter factory, so api-base works there (and the HTTP client comes with it)', async () => {
    const entry = await bundledPackages(`import './dist/customer-portal.js';`);
    assert.ok(entry.portal);
    assert.equal(entry.http, 2, 'the HttpAdapter or its fetch client is missing');
    const injected = await bundledPackages([
      `import { CustomerPortal, httpAdapterFactory } from './dist/index.js';`,
      `CustomerPortal.adapterFactory = httpAdapterFactory;`,
      `customElements.define('customer-portal', CustomerPortal);`,
    ].join('\n'));
    assert.equal(injected.http, 2, 'the HttpAdapter or its fetch client is missing');
  });
});
