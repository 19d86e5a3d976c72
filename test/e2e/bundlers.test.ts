import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { collectPageErrors, launchChromium } from '../support/chromium.js';
import { BUNDLERS, bundle, bundleBytes, contentType, createApp, packTarball, type Tarball } from '../support/bundle-app.js';
import { startTestServer } from '../support/server.js';

/**
 * The package as a user gets it: `npm pack`, installed into a throw-away app, each entry bundled with Vite,
 * esbuild and webpack, every bundle loaded in Chromium against the reference server.
 */
const ALL_TAGS = ['customer-portal', 'portal-email-preference', 'portal-login', 'portal-consent-text', 'ticket-list', 'view-switcher', 'ticket-detail',
  'portal-message-body', 'portal-reply-box', 'support-form'];

/** Each package entry and the tags importing it must define. */
const ENTRIES: Record<string, string[]> = {
  define: ALL_TAGS,
  'customer-portal': ['customer-portal', 'portal-email-preference'],
  'portal-login': ['portal-login', 'portal-consent-text'],
  'ticket-list': ['ticket-list', 'view-switcher'],
  'view-switcher': ['view-switcher'],
  'ticket-detail': ['ticket-detail', 'portal-message-body', 'portal-reply-box'],
  'support-form': ['support-form'],
  // The knowledge-base link defines no element; it must still bundle and load.
  'portal-link': [],
};

/** The app's source files: one file per entry, and a page that uses `<portal-login>` alone with an adapter. */
const APP_FILES: Record<string, string> = {
  ...Object.fromEntries(Object.keys(ENTRIES).map((entry) => [`entry-${entry}.js`, `import 'customer-portal-elements/${entry}';\n`])),
  'login-app.js': [
    `import 'customer-portal-elements/portal-login';`,
    `import { HttpAdapter } from 'customer-portal-elements';`,
    `const login = document.createElement('portal-login');`,
    `login.adapter = new HttpAdapter({ baseUrl: '/api/v1' });`,
    `document.body.append(login);`,
  ].join('\n'),
  // The shell of one copy of the library, with a text the host changed through that copy.
  'mixed-shell.js': [
    `import 'customer-portal-elements/customer-portal';`,
    `import { registerPortalTranslations } from 'customer-portal-elements';`,
    `registerPortalTranslations('en', { 'login.sign-in': 'Enter the help center' });`,
  ].join('\n'),
  // A Lit app that localizes itself with @lit/localize (configured after the portal's modules loaded), showing a
  // German portal and a Swedish sign-in form beside its own French text.
  'lit-host.js': [
    `import { LitElement, html } from 'lit';`,
    `import { configureLocalization, msg } from '@lit/localize';`,
    `import 'customer-portal-elements/define';`,
    `import { HttpAdapter } from 'customer-portal-elements';`,
    `const { setLocale } = configureLocalization({`,
    `  sourceLocale: 'en', targetLocales: ['fr'], loadLocale: async () => ({ templates: { 'host.greeting': 'Bonjour' } }),`,
    `});`,
    `const adapter = new HttpAdapter({ baseUrl: '/api/v1' });`,
    `class HostApp extends LitElement {`,
    `  render() {`,
    `    return html\`<p id="greeting">\${msg('Hello', { id: 'host.greeting' })}</p>`,
    `      <customer-portal api-base="/api/v1" locale="de" routing="none"></customer-portal>`,
    `      <portal-login id="standalone" locale="sv" .adapter=\${adapter}></portal-login>\`;`,
    `  }`,
    `}`,
    `customElements.define('host-app', HostApp);`,
    `window.hostSetLocale = async (locale) => { await setLocale(locale); document.querySelector('host-app').requestUpdate(); };`,
    `setLocale('fr').then(() => document.body.append(document.createElement('host-app')));`,
  ].join('\n'),
};

describe('the packed package in a throw-away app, bundled by Vite, esbuild and webpack', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let work: string;
  let app: string;
  let tarball: Tarball;
  const measured: Record<string, Record<string, { tags: number; mainBytes: number; totalBytes: number }>> = {};

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'portal-bundles-'));
    tarball = packTarball(work);
    app = createApp(tarball.file, APP_FILES, ['@lit/localize@^0.12']);
    server = await startTestServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
    if (app) rmSync(app, { recursive: true, force: true });
  });

  it('packs LICENSE, CHANGELOG, the library, the CDN build, the React wrappers and the editor data', () => {
    const listing = JSON.parse(readFileSync(join(app, 'node_modules/customer-portal-elements/package.json'), 'utf8'));
    assert.equal(listing.license, 'MIT');
    assert.ok(listing.repository?.url, 'repository');
    assert.ok(listing.keywords?.length > 0, 'keywords');
    assert.equal(listing.unpkg, './dist/cdn/define.js');
    assert.equal(listing.jsdelivr, './dist/cdn/define.js');
    const installed = join(app, 'node_modules/customer-portal-elements');
    assert.equal(listing.customElements, './dist/custom-elements.json');
    assert.equal(listing['web-types'], './dist/web-types.json');
    for (const file of ['LICENSE', 'CHANGELOG.md', 'dist/define.js', 'dist/cdn/define.js', 'dist/types/index.d.ts', 'dist/react.js',
      'dist/types/react/index.d.ts', 'dist/custom-elements.json', 'dist/web-types.json', 'dist/vscode.html-custom-data.json']) {
      assert.ok(readFileSync(join(installed, file)).length > 0, `${file} is in the tarball`);
    }
    assert.ok(tarball.files > 0 && tarball.bytes > 0);
  });

  /** Serves the bundles under `<server>/app/…` on the server's origin, so `/api/v1` is the real API. */
  async function openBundle(dir: string, script: string): Promise<{ page: Page; problems: ReturnType<typeof collectPageErrors> }> {
    const page = await browser.newPage();
    const problems = collectPageErrors(page);
    await page.route(`${server.url}/app/**`, (route) => {
      const path = decodeURIComponent(new URL(route.request().url()).pathname.slice('/app/'.length));
      return route.fulfill({ body: readFileSync(join(work, path)), contentType: contentType(path) });
    });
    writeFileSync(join(work, dir, 'index.html'), `<!doctype html><html lang="en"><head><title>App</title></head><body>${script}</body></html>`);
    await page.goto(`${server.url}/app/${dir}/index.html`);
    return { page, problems };
  }

  const scriptTag = (bundler: string) => bundler === 'webpack' ? '<script defer src="main.js"></script>' : '<script type="module" src="main.js"></script>';

  for (const bundler of BUNDLERS) {
    it(`${bundler}: every entry defines its tags; the sign-in form renders in the portal, on its own, and in a Lit app using @lit/localize`, async () => {
      measured[bundler] = {};
      for (const [entry, tags] of Object.entries(ENTRIES)) {
        const dir = `${bundler}/${entry}`;
        await bundle(bundler, app, `entry-${entry}.js`, join(work, dir), `/app/${dir}/`);
        const shell = entry === 'define' ? '<customer-portal api-base="/api/v1"></customer-portal>' : '';
        const { page, problems } = await openBundle(dir, shell + scriptTag(bundler));
        await page.waitForFunction((expected) => expected.every((tag) => customElements.get(tag)), tags, { timeout: 10_000 })
          .catch(() => undefined);
        const defined = await page.evaluate((all) => all.filter((tag) => customElements.get(tag)), ALL_TAGS);
        assert.deepEqual(defined.sort(), [...tags].sort(), `${bundler} bundle of customer-portal-elements/${entry}`);
        if (entry === 'define') {
          await page.getByLabel('Email', { exact: true }).waitFor();
          await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
        }
        assert.deepEqual(problems.errors, [], `${bundler} ${entry}: console errors`);
        assert.deepEqual(problems.failedResponses, [], `${bundler} ${entry}: failed requests`);
        await page.close();
        const bytes = bundleBytes(join(work, dir));
        measured[bundler][entry] = { tags: defined.length, mainBytes: bytes.main, totalBytes: bytes.total };
      }

      const dir = `${bundler}/login-app`;
      await bundle(bundler, app, 'login-app.js', join(work, dir), `/app/${dir}/`);
      const { page, problems } = await openBundle(dir, scriptTag(bundler));
      await page.getByLabel('Email', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
      assert.deepEqual(problems.errors, []);
      assert.deepEqual(problems.failedResponses, []);
      await page.close();

      // Inside a Lit app that configured @lit/localize for itself: each speaks its own language.
      const host = `${bundler}/lit-host`;
      await bundle(bundler, app, 'lit-host.js', join(work, host), `/app/${host}/`);
      const hosted = await openBundle(host, scriptTag(bundler));
      const portal = hosted.page.locator('customer-portal');
      const standalone = hosted.page.locator('#standalone');
      await hosted.page.locator('#greeting', { hasText: 'Bonjour' }).waitFor();
      await portal.getByRole('button', { name: 'Anmelden', exact: true }).waitFor();
      await portal.getByLabel('E-Mail', { exact: true }).waitFor();
      await standalone.getByRole('button', { name: 'Logga in', exact: true }).waitFor();
      // The host switches its own language; the portals keep theirs.
      await hosted.page.evaluate(() => (window as unknown as { hostSetLocale(l: string): Promise<void> }).hostSetLocale('en'));
      await hosted.page.locator('#greeting', { hasText: 'Hello' }).waitFor();
      assert.equal(await portal.getByRole('button', { name: 'Anmelden', exact: true }).count(), 1);
      assert.equal(await standalone.getByRole('button', { name: 'Logga in', exact: true }).count(), 1);
      assert.deepEqual(hosted.problems.errors, [], `${bundler}: the host's @lit/localize and the portal get along`);
      assert.deepEqual(hosted.problems.failedResponses, []);
      await hosted.page.close();
    });
  }

  it('two copies of the library on one page share the portal context and the host\'s texts (the shell from one bundle, the sign-in from another)', async () => {
    await bundle('vite', app, 'mixed-shell.js', join(work, 'mixed/shell'), '/app/mixed/shell/');
    await bundle('esbuild', app, 'entry-portal-login.js', join(work, 'mixed/login'), '/app/mixed/login/');
    const { page, problems } = await openBundle('mixed', '<customer-portal api-base="/api/v1"></customer-portal>'
      + '<script type="module" src="shell/main.js"></script><script type="module" src="login/main.js"></script>');
    await page.getByLabel('Email', { exact: true }).waitFor();
    // The sign-in form comes from the other copy and still shows the text registered through the shell's copy.
    await page.getByRole('button', { name: 'Enter the help center', exact: true }).waitFor();
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.failedResponses, []);
    await page.close();
  });

  it('reports the measurements', (t) => {
    t.diagnostic(`tarball: ${tarball.files} files, ${tarball.bytes} bytes packed, ${tarball.unpackedBytes} bytes unpacked`);
    for (const [bundler, entries] of Object.entries(measured)) {
      for (const [entry, m] of Object.entries(entries)) {
        t.diagnostic(`${bundler} ${entry}: ${m.tags} tags, main.js ${m.mainBytes} B, all chunks ${m.totalBytes} B`);
      }
    }
    assert.equal(Object.keys(measured).length, BUNDLERS.length);
  });
});
