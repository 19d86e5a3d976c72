import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../../src/define.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import type { CallOptions } from '../../../src/contract/adapter.js';
import type { TicketQuery } from '../../../src/contract/tickets.js';
import { DEMO_SIGN_IN, demoWorld } from '../../../src/domain/demo-world.js';
import type { CustomerPortal } from '../../../src/elements/customer-portal/customer-portal.js';
import type { PortalLogin } from '../../../src/elements/portal-login/portal-login.js';
import type { SupportForm } from '../../../src/elements/support-form/support-form.js';
import type { TicketDetail } from '../../../src/elements/ticket-detail/ticket-detail.js';
import type { TicketList } from '../../../src/elements/ticket-list/ticket-list.js';
import { setPortalLocale } from '../../../src/internal/localization.js';

const world0 = demoWorld();
const anna = world0.contacts[0];
const annasTicket = world0.tickets.find((t) => t.contactId === anna.id)!;

/** The MemoryAdapter, counting the loads the elements make. */
class CountingAdapter extends MemoryAdapter {
  readonly counts: Record<string, number> = {};
  #count(name: string) {
    this.counts[name] = (this.counts[name] ?? 0) + 1;
  }
  override getSettings(options?: CallOptions & { locale?: string }) {
    this.#count('getSettings');
    return super.getSettings(options);
  }
  override getSession(options?: CallOptions) {
    this.#count('getSession');
    return super.getSession(options);
  }
  override listTickets(query: TicketQuery, options?: CallOptions) {
    this.#count('listTickets');
    return super.listTickets(query, options);
  }
  override ticketFacets(view: TicketQuery['view'], options?: CallOptions) {
    this.#count('ticketFacets');
    return super.ticketFacets(view, options);
  }
  override getTicket(id: number, options?: CallOptions) {
    this.#count('getTicket');
    return super.getTicket(id, options);
  }
  override listMessages(id: number, options?: CallOptions) {
    this.#count('listMessages');
    return super.listMessages(id, options);
  }
  override getSupportForm(options?: CallOptions) {
    this.#count('getSupportForm');
    return super.getSupportForm(options);
  }
}

const signedIn = () => new CountingAdapter({ signedInAs: DEMO_SIGN_IN.email });
const sr = (el: Element) => el.shadowRoot!;

describe('elements on their own (only .adapter, no <customer-portal>)', () => {
  before(() => setPortalLocale('en'));
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
    localStorage.clear();
  });

  it('<ticket-list> loads settings and session itself and shows the tickets', async () => {
    const adapter = signedIn();
    const list = await fixture<TicketList>(html`<ticket-list .adapter=${adapter}></ticket-list>`);
    await waitUntil(() => sr(list).querySelector('tbody tr[data-id]'), 'no rows');
    expect(adapter.counts.getSettings).to.equal(1);
    expect(adapter.counts.getSession).to.equal(1);
    await expect(list).to.be.accessible();
  });

  it('<ticket-detail> shows the ticket', async () => {
    const adapter = signedIn();
    const detail = await fixture<TicketDetail>(html`<ticket-detail ticket-id=${annasTicket.id} .adapter=${adapter}></ticket-detail>`);
    await waitUntil(() => sr(detail).querySelector('.subject'), 'no ticket');
    expect(sr(detail).querySelector('.subject')!.textContent).to.contain(annasTicket.subject);
  });

  it('<support-form> shows the form', async () => {
    const adapter = signedIn();
    const form = await fixture<SupportForm>(html`<support-form .adapter=${adapter}></support-form>`);
    await waitUntil(() => sr(form).querySelector('form'), 'no form');
    expect(sr(form).querySelectorAll('form label').length).to.be.greaterThan(0);
  });

  it('<portal-login> shows the sign-in form without loading a session', async () => {
    const adapter = new CountingAdapter();
    const login = await fixture<PortalLogin>(html`<portal-login .adapter=${adapter}></portal-login>`);
    await waitUntil(() => sr(login).querySelector('input[type="email"]'), 'no sign-in form');
    expect(adapter.counts.getSettings).to.equal(1);
    expect(adapter.counts.getSession).to.equal(undefined);
  });
});

describe('elements inside <customer-portal> use the portal\'s settings and session', () => {
  before(() => setPortalLocale('en'));
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
    localStorage.clear();
  });

  async function portal(hash: string, ready: (el: CustomerPortal) => unknown) {
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
    const adapter = signedIn();
    const el = await fixture<CustomerPortal>(html`<customer-portal locale="en" .adapter=${adapter}></customer-portal>`);
    await waitUntil(() => ready(el), `${hash} did not load`);
    return { el, adapter };
  }

  /** What the portal's live region says right now. */
  const spoken = (el: CustomerPortal) => sr(el).querySelector('[role="status"]')?.textContent ?? '';

  /** The shell replaces its session object on every activity ping; nested elements must not react to that. */
  async function refreshSession(el: CustomerPortal, adapter: CountingAdapter, nested: Element & { updateComplete: Promise<boolean> }) {
    const before = el.session;
    el.session = await adapter.extendSession();
    expect(el.session).to.not.equal(before);
    await el.updateComplete;
    await nested.updateComplete;
  }

  it('the list loads once; a session refresh reloads nothing and announces nothing', async () => {
    const { el, adapter } = await portal('#/tickets', (p) => sr(p).querySelector('ticket-list')?.shadowRoot?.querySelector('tbody tr[data-id]'));
    const list = sr(el).querySelector<TicketList>('ticket-list')!;
    expect(adapter.counts.getSettings, 'only the portal loads settings').to.equal(1);
    expect(adapter.counts.getSession, 'only the portal loads the session').to.equal(1);
    const loads = { ...adapter.counts };
    const said = spoken(el);
    await refreshSession(el, adapter, list);
    expect(adapter.counts).to.deep.equal(loads);
    expect(spoken(el)).to.equal(said);
  });

  it('the open ticket loads once; a session refresh reloads nothing', async () => {
    const { el, adapter } = await portal(`#/tickets/${annasTicket.id}`,
      (p) => sr(p).querySelector('ticket-detail')?.shadowRoot?.querySelector('.subject'));
    const detail = sr(el).querySelector<TicketDetail>('ticket-detail')!;
    expect(adapter.counts.getTicket).to.equal(1);
    const loads = { ...adapter.counts };
    await refreshSession(el, adapter, detail);
    expect(adapter.counts).to.deep.equal(loads);
  });

  it('the form definition loads once; a session refresh reloads nothing', async () => {
    const { el, adapter } = await portal('#/new', (p) => sr(p).querySelector('support-form')?.shadowRoot?.querySelector('form'));
    const form = sr(el).querySelector<SupportForm>('support-form')!;
    expect(adapter.counts.getSupportForm).to.equal(1);
    const loads = { ...adapter.counts };
    await refreshSession(el, adapter, form);
    expect(adapter.counts).to.deep.equal(loads);
  });
});
