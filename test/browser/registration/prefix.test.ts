import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { DEMO_SIGN_IN, demoWorld } from '../../../src/domain/demo-world.js';
import type { CustomerPortal } from '../../../src/elements/customer-portal/customer-portal.js';
import { setPortalLocale } from '../../../src/internal/localization.js';
import { PORTAL_TAGS } from '../../../src/internal/tag-names.js';
import { definePortalElements } from '../../../src/register.js';

const world0 = demoWorld();
const annasTicket = world0.tickets.find((t) => t.contactId === world0.contacts[0].id)!;
const sr = (el: Element | null | undefined) => el?.shadowRoot;

function mount(adapter: MemoryAdapter, hash = '') {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const el = document.createElement('acme-customer-portal') as CustomerPortal;
  el.locale = 'en';
  el.adapter = adapter;
  document.body.append(el);
  return el;
}

describe('definePortalElements({ prefix })', () => {
  before(async () => {
    await setPortalLocale('en');
    definePortalElements({ prefix: 'acme-' });
  });
  afterEach(() => {
    for (const el of document.querySelectorAll('acme-customer-portal')) el.remove();
    history.replaceState(null, '', location.pathname + location.search);
    localStorage.clear();
  });

  it('registers every element, the internal ones too, under the prefix and nothing under the default names', () => {
    for (const tag of PORTAL_TAGS) {
      expect(customElements.get(`acme-${tag}`), `acme-${tag}`).to.not.equal(undefined);
      expect(customElements.get(tag), tag).to.equal(undefined);
    }
  });

  it('the shell renders the prefixed list and view switcher', async () => {
    const el = mount(new MemoryAdapter({ signedInAs: DEMO_SIGN_IN.email }), '#/tickets');
    await waitUntil(() => sr(sr(el)?.querySelector('acme-ticket-list'))?.querySelector('tbody tr[data-id]'), 'no prefixed list');
    expect(sr(el)!.querySelector('ticket-list')).to.equal(null);
    expect(sr(sr(el)!.querySelector('acme-ticket-list'))!.querySelector('acme-view-switcher')).to.not.equal(null);
  });

  it('the ticket view renders prefixed message bodies and reply box', async () => {
    const el = mount(new MemoryAdapter({ signedInAs: DEMO_SIGN_IN.email }), `#/tickets/${annasTicket.id}`);
    await waitUntil(() => sr(sr(el)?.querySelector('acme-ticket-detail'))?.querySelector('acme-portal-message-body'), 'no prefixed detail');
    const detail = sr(sr(el)!.querySelector('acme-ticket-detail'))!;
    expect(detail.querySelector('portal-message-body')).to.equal(null);
    expect(detail.querySelector('acme-portal-reply-box, .notice')).to.not.equal(null);
  });

  it('a signed-out visitor sees the prefixed sign-in form', async () => {
    const el = mount(new MemoryAdapter(), '#/tickets');
    await waitUntil(() => sr(sr(el)?.querySelector('acme-portal-login'))?.querySelector('input[type="email"]'), 'no prefixed sign-in');
  });

  it('refuses a prefix that would not make valid tag names', () => {
    expect(() => definePortalElements({ prefix: 'Acme' })).to.throw(/prefix/);
  });
});
