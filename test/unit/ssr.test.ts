import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { DEMO_SIGN_IN } from '../../src/domain/demo-world.js';
import { PORTAL_TAGS } from '../../src/internal/tag-names.js';

/** Every element, the shell included, renders on the server (Lit SSR's DOM shim, no browser). */
describe('Lit SSR', () => {
  before(async () => {
    // After `@lit-labs/ssr` installed its DOM shim: registering the elements needs `customElements`.
    await import('../../src/define.js');
  });

  for (const tag of PORTAL_TAGS) {
    it(`renders <${tag}> with a declarative shadow root`, async () => {
      const t = unsafeStatic(tag);
      const out = await collectResult(render(staticHtml`<${t} locale="en"></${t}>`));
      assert.match(out, new RegExp(`<${tag}[^>]*>\\s*<template shadowroot(mode)?="open"`), out.slice(0, 300));
    });
  }

  it('renders the shell with an adapter, routing and a language without touching browser globals', async () => {
    const adapter = new MemoryAdapter({ signedInAs: DEMO_SIGN_IN.email });
    const out = await collectResult(render(html`<customer-portal locale="de" routing="hash" manage-title .adapter=${adapter}></customer-portal>`));
    assert.match(out, /<customer-portal[^>]*locale="de"/);
    assert.match(out, /shadowroot/);
  });

  it('renders the standalone elements with an adapter', async () => {
    const adapter = new MemoryAdapter({ signedInAs: DEMO_SIGN_IN.email });
    const out = await collectResult(render(html`
      <ticket-list .adapter=${adapter}></ticket-list>
      <ticket-detail ticket-id="1" .adapter=${adapter}></ticket-detail>
      <support-form .adapter=${adapter}></support-form>
      <portal-login .adapter=${adapter}></portal-login>`));
    for (const tag of ['ticket-list', 'ticket-detail', 'support-form', 'portal-login']) assert.match(out, new RegExp(`<${tag}`));
  });
});
