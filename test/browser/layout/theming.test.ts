import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../../src/define.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { DEMO_SIGN_IN, demoWorld } from '../../../src/domain/demo-world.js';
import type { CustomerPortal } from '../../../src/elements/customer-portal/customer-portal.js';
import { setPortalLocale } from '../../../src/internal/localization.js';
import { aliasesOf, partsOf } from '../../../src/internal/parts.js';

/**
 * Host CSS reaches every part of every nested element through `<customer-portal>` (exportparts), and each
 * element's own styles sit in `@layer portal`.
 */

/** Every element with a `part` attribute under `root`, through shadow roots. */
function partElements(root: ParentNode, out: Element[] = []): Element[] {
  for (const el of root.querySelectorAll('*')) {
    if (el.hasAttribute('part')) out.push(el);
    if (el.shadowRoot) partElements(el.shadowRoot, out);
  }
  return out;
}

/** Every shadow root under (and of) an element. */
function shadowRoots(el: Element, out: ShadowRoot[] = []): ShadowRoot[] {
  if (el.shadowRoot) {
    out.push(el.shadowRoot);
    for (const inner of el.shadowRoot.querySelectorAll('*')) shadowRoots(inner, out);
  }
  return out;
}

const PROBE = '13px';
let probe: HTMLStyleElement;

async function portalAt(hash: string, signedIn: boolean, ready: (el: CustomerPortal) => unknown) {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const adapter = new MemoryAdapter({ world: demoWorld(), signedInAs: signedIn ? DEMO_SIGN_IN.email : undefined });
  const el = await fixture<CustomerPortal>(html`<customer-portal locale="en" .adapter=${adapter}></customer-portal>`);
  await waitUntil(() => ready(el), `${hash} did not load`, { timeout: 5000 });
  return el;
}

const deep = (el: Element, selector: string): Element | null => {
  for (const root of shadowRoots(el)) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
};

describe('theming through parts and layers', () => {
  before(async () => {
    await setPortalLocale('en');
    // One probe rule per documented part name of the portal: every rendered part must match one.
    probe = document.createElement('style');
    probe.textContent = [...partsOf('customer-portal'), ...aliasesOf('customer-portal')]
      .map((name) => `customer-portal::part(${name}) { scroll-margin-top: ${PROBE}; }`).join('\n');
    document.head.append(probe);
  });
  after(() => probe.remove());
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  const world = demoWorld();
  const ticket = world.tickets.find((t) => t.contactId === world.contacts[0].id)!;
  const views = [
    ['sign-in', '', false, (el: CustomerPortal) => deep(el, 'portal-login [part="form"]') ?? deep(el, '[part="form"]')],
    ['ticket list', '#/tickets', true, (el: CustomerPortal) => deep(el, '[part="row"]') && deep(el, '[part="option"]')],
    ['ticket detail', `#/tickets/${ticket.id}`, true, (el: CustomerPortal) => deep(el, '[part="send-button"]') && deep(el, '[part="body"]')],
    ['support form', '#/new', true, (el: CustomerPortal) => deep(el, '[part="submit-button"]')],
  ] as const;

  for (const [view, hash, signedIn, ready] of views) {
    it(`reaches every rendered part of the ${view} from <customer-portal>`, async () => {
      const el = await portalAt(hash, signedIn, ready);
      const parts = partElements(el.shadowRoot!);
      expect(parts.length).to.be.greaterThan(3);
      const unreachable = parts
        .filter((part) => getComputedStyle(part).scrollMarginTop !== PROBE)
        .map((part) => `${(part.getRootNode() as ShadowRoot).host.localName}::part(${part.getAttribute('part')})`);
      expect(unreachable).to.deep.equal([]);
    });
  }

  it('styles a nested part by its prefixed and its plain name', async () => {
    const style = document.createElement('style');
    style.textContent = `
      customer-portal::part(row) { outline: 3px solid rgb(1, 2, 3); }
      customer-portal::part(list-row) { outline-offset: 4px; }
      customer-portal::part(submit-button) { border-radius: 17px; }
      customer-portal::part(detail-reply-send-button) { letter-spacing: 2px; }`;
    document.head.append(style);
    try {
      const list = await portalAt('#/tickets', true, (el) => deep(el, '[part="row"]'));
      const row = deep(list, '[part="row"]')!;
      expect(getComputedStyle(row).outlineColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(row).outlineOffset).to.equal('4px');
      const login = await portalAt('', false, (el) => deep(el, '[part="submit-button"]'));
      expect(getComputedStyle(deep(login, '[part="submit-button"]')!).borderTopLeftRadius).to.equal('17px');
      const detail = await portalAt(`#/tickets/${ticket.id}`, true, (el) => deep(el, '[part="send-button"]'));
      expect(getComputedStyle(deep(detail, '[part="send-button"]')!).letterSpacing).to.equal('2px');
    } finally {
      style.remove();
    }
  });

  it('keeps every element style in @layer portal, so an unlayered sheet added later wins', async () => {
    const el = await portalAt('#/tickets', true, (portal) => deep(portal, '[part="row"]') && deep(portal, '[part="option"]'));
    const roots = shadowRoots(el);
    expect(roots.length).to.be.greaterThan(2);
    for (const root of roots) {
      for (const sheet of root.adoptedStyleSheets) {
        const rules = [...sheet.cssRules];
        expect(rules.every((rule) => rule instanceof CSSLayerBlockRule && rule.name === 'portal'), `${root.host.localName}: every rule layered`).to.equal(true);
      }
    }
    const list = el.shadowRoot!.querySelector('ticket-list')!;
    const link = list.shadowRoot!.querySelector<HTMLElement>('td a')!;
    const extra = new CSSStyleSheet();
    // Lower specificity than the element's own `td a` rule, and still it wins: the element's rules are layered.
    extra.replaceSync('a { color: rgb(9, 8, 7); }');
    list.shadowRoot!.adoptedStyleSheets = [...list.shadowRoot!.adoptedStyleSheets, extra];
    expect(getComputedStyle(link).color).to.equal('rgb(9, 8, 7)');
  });
});
