import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { CustomerPortal } from '../../../src/elements/customer-portal/customer-portal.js';
import { SCOPED_REGISTRIES } from '../../../src/internal/scoped-registry.js';

/** The host page's own elements under two of the portal's internal tag names, defined before the portal loads. */
class HostList extends HTMLElement {}
class HostLogin extends HTMLElement {}
customElements.define('ticket-list', HostList);
customElements.define('portal-login', HostLogin);

const sr = (el: Element | null | undefined) => el?.shadowRoot;

describe('scoped custom element registry for the shell\'s internal elements', () => {
  let MemoryAdapter: typeof import('../../../src/adapters/memory-adapter.js').MemoryAdapter;
  let DEMO_SIGN_IN: typeof import('../../../src/domain/demo-world.js').DEMO_SIGN_IN;
  const warn = console.warn;

  before(async () => {
    console.warn = () => {};
    try {
      await import('../../../src/define.js');
    } finally {
      console.warn = warn;
    }
    ({ MemoryAdapter } = await import('../../../src/adapters/memory-adapter.js'));
    ({ DEMO_SIGN_IN } = await import('../../../src/domain/demo-world.js'));
    const { setPortalLocale } = await import('../../../src/internal/localization.js');
    await setPortalLocale('en');
  });
  afterEach(() => {
    for (const el of document.querySelectorAll('customer-portal')) el.remove();
    history.replaceState(null, '', location.pathname + location.search);
  });

  function mount(signedIn: boolean) {
    const el = document.createElement('customer-portal') as CustomerPortal;
    el.locale = 'en';
    el.adapter = new MemoryAdapter(signedIn ? { signedInAs: DEMO_SIGN_IN.email } : {});
    document.body.append(el);
    return el;
  }

  it('is supported by the Chromium the tests run in (else the global registry is the fallback)', () => {
    expect(SCOPED_REGISTRIES).to.equal(true);
  });

  it('the page keeps its own <ticket-list> and <portal-login>', () => {
    expect(customElements.get('ticket-list')).to.equal(HostList);
    expect(customElements.get('portal-login')).to.equal(HostLogin);
  });

  it('the shell still shows the sign-in form from its own registry', async () => {
    const el = mount(false);
    await waitUntil(() => sr(sr(el)?.querySelector('portal-login'))?.querySelector('input[type="email"]'), 'no sign-in form');
    expect(sr(el)!.querySelector('portal-login')).to.not.be.instanceOf(HostLogin);
  });

  it('the shell still shows the ticket list, and the list its view switcher', async () => {
    const el = mount(true);
    await waitUntil(() => sr(sr(el)?.querySelector('ticket-list'))?.querySelector('tbody tr[data-id]'), 'no ticket list');
    const list = sr(el)!.querySelector('ticket-list')!;
    expect(list).to.not.be.instanceOf(HostList);
    expect(sr(list)!.querySelector('view-switcher')?.shadowRoot).to.not.equal(null);
  });
});
