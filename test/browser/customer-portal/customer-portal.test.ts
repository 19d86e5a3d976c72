import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../../src/define.js';
import type { CustomerPortal } from '../../../src/elements/customer-portal/customer-portal.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { NetworkError } from '../../../src/contract/errors.js';
import { demoWorld } from '../../../src/domain/demo-world.js';
import { ControlledAdapter } from '../helpers/controlled-adapter.js';

const shadow = (el: CustomerPortal) => el.shadowRoot!;
const text = (el: CustomerPortal) => shadow(el).textContent?.replace(/\s+/g, ' ').trim() ?? '';
const settled = async (el: CustomerPortal) => {
  await waitUntil(() => el.settings !== undefined || shadow(el).querySelector('[role="alert"]'), 'portal did not settle');
  await el.updateComplete;
};

describe('customer-portal', () => {
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('shows a loading state of reserved height until the settings arrive', async () => {
    const adapter = new ControlledAdapter({ signedInAs: 'anna@nordlicht.example' });
    const held = adapter.hold('getSettings');
    const el = await fixture<CustomerPortal>(html`<customer-portal .adapter=${adapter}></customer-portal>`);
    await held.called;
    expect(shadow(el).querySelector('[aria-busy="true"]')).to.exist;
    expect(text(el)).to.contain('Loading the portal');
    const heightWhileLoading = el.getBoundingClientRect().height;
    expect(heightWhileLoading).to.be.greaterThan(300);
    await expect(el).to.be.accessible();
    held.resolve(await new MemoryAdapter().getSettings());
    await settled(el);
    expect(shadow(el).querySelector('[part="title"]')?.textContent).to.equal('Nordlicht Help Center');
  });

  it('renders the portal name as heading and a navigation with the ticket label', async () => {
    const el = await fixture<CustomerPortal>(html`<customer-portal .adapter=${new MemoryAdapter({ signedInAs: 'anna@nordlicht.example' })}></customer-portal>`);
    await settled(el);
    const title = shadow(el).querySelector('h2[part="title"]');
    expect(title?.textContent).to.equal('Nordlicht Help Center');
    const nav = shadow(el).querySelector('nav')!;
    expect(nav.getAttribute('aria-label')).to.equal('Portal navigation');
    const links = [...nav.querySelectorAll('a')].map((a) => a.textContent?.trim());
    expect(links).to.deep.equal(['Tickets', 'Submit a ticket']);
    await expect(el).to.be.accessible();
  });

  it('uses the admin ticket label everywhere', async () => {
    const world = demoWorld();
    world.settings.ticketLabel = { singular: 'Case', plural: 'Cases' };
    world.settings.translations = {};
    world.settings.supportForm.menuText = 'Open a case';
    const el = await fixture<CustomerPortal>(html`<customer-portal .adapter=${new MemoryAdapter({ world, signedInAs: 'anna@nordlicht.example' })}></customer-portal>`);
    await settled(el);
    const links = [...shadow(el).querySelectorAll('nav a')].map((a) => a.textContent?.trim());
    expect(links).to.deep.equal(['Cases', 'Open a case']);
    expect(shadow(el).querySelector('[data-view-heading]')?.textContent).to.equal('Cases');
  });

  it('says clearly when the server cannot be reached and loads again on "Try again"', async () => {
    const adapter = new ControlledAdapter();
    adapter.hold('getSettings').reject(new NetworkError('offline'));
    const errors: Event[] = [];
    const el = await fixture<CustomerPortal>(html`<customer-portal .adapter=${adapter} @portal-error=${(e: Event) => errors.push(e)}></customer-portal>`);
    await settled(el);
    const alert = shadow(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('We could not reach the portal. Check your connection and try again.');
    expect(errors).to.have.length(1);
    await expect(el).to.be.accessible();
    const retry = [...alert.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Try again')!;
    retry.click();
    await waitUntil(() => shadow(el).querySelector('h2[part="title"]')?.textContent === 'Nordlicht Help Center', 'did not recover');
    expect(shadow(el).querySelector('[role="alert"]')).to.be.null;
  });

  it('says when no backend is configured', async () => {
    const el = await fixture<CustomerPortal>(html`<customer-portal></customer-portal>`);
    await settled(el);
    expect(text(el)).to.contain('the "api-base" attribute or an adapter is missing');
  });

  it('shows "This portal is not available" when the portal is switched off', async () => {
    const world = demoWorld();
    world.settings.enabled = false;
    const el = await fixture<CustomerPortal>(html`<customer-portal .adapter=${new MemoryAdapter({ world })}></customer-portal>`);
    await settled(el);
    expect(shadow(el).querySelector('[part="title"]')?.textContent).to.equal('This portal is not available');
    expect(shadow(el).querySelector('nav')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('follows hash routes, moves focus to the new view heading and keeps the back button working', async () => {
    const el = await fixture<CustomerPortal>(html`<customer-portal .adapter=${new MemoryAdapter({ signedInAs: 'anna@nordlicht.example' })}></customer-portal>`);
    await settled(el);
    expect(document.activeElement).to.not.equal(el); // no focus theft on load
    location.hash = '#/tickets/42';
    await waitUntil(() => shadow(el).querySelector('[data-view-heading]')?.textContent === 'Ticket #42', 'ticket route not shown');
    await el.updateComplete;
    expect(shadow(el).activeElement?.textContent).to.equal('Ticket #42');
    expect(shadow(el).querySelector('ticket-detail')?.getAttribute('ticket-id')).to.equal('42');
    location.hash = '#/new';
    await waitUntil(() => shadow(el).querySelector('[data-view-heading]')?.textContent === 'How can we help?', 'form route not shown');
    expect(shadow(el).querySelector('nav a[aria-current="page"]')?.textContent).to.equal('Submit a ticket');
    history.back();
    await waitUntil(() => shadow(el).querySelector('[data-view-heading]')?.textContent === 'Ticket #42', 'back did not work');
    location.hash = '#/nowhere';
    await waitUntil(() => shadow(el).querySelector('[data-view-heading]')?.textContent === 'This page does not exist.', 'no not-found view');
    await expect(el).to.be.accessible();
  });

  it('keeps the page hash untouched with routing="none"', async () => {
    const el = await fixture<CustomerPortal>(html`<customer-portal routing="none" .adapter=${new MemoryAdapter({ signedInAs: 'anna@nordlicht.example' })}></customer-portal>`);
    await settled(el);
    (shadow(el).querySelector('nav a[href="#/new"]') as HTMLAnchorElement).click();
    await el.updateComplete;
    expect(location.hash).to.equal('');
    expect(shadow(el).querySelector('[data-view-heading]')?.textContent).to.equal('How can we help?');
  });

  for (const [locale, unavailable, nav] of [
    ['de', 'Dieses Portal ist nicht verfügbar', 'Portal-Navigation'],
    ['sv', 'Den här portalen är inte tillgänglig', 'Portalnavigering'],
    ['da', 'Denne portal er ikke tilgængelig', 'Portalnavigation'],
  ] as const) {
    it(`speaks ${locale}, including the admin's translated texts`, async () => {
      const el = await fixture<CustomerPortal>(html`<customer-portal locale=${locale} .adapter=${new MemoryAdapter()}></customer-portal>`);
      await settled(el);
      expect(shadow(el).querySelector('nav')?.getAttribute('aria-label')).to.equal(nav);
      expect(shadow(el).querySelector('[part="base"]')?.getAttribute('lang')).to.equal(locale);
      const world = demoWorld();
      world.settings.enabled = false;
      const off = await fixture<CustomerPortal>(html`<customer-portal locale=${locale} .adapter=${new MemoryAdapter({ world })}></customer-portal>`);
      await settled(off);
      expect(shadow(off).querySelector('[part="title"]')?.textContent).to.equal(unavailable);
    });
  }

  it('takes the language from the page when no locale is set', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="sv-SE"><customer-portal .adapter=${new MemoryAdapter()}></customer-portal></div>`);
    const el = wrapper.querySelector('customer-portal')!;
    await settled(el);
    expect(shadow(el).querySelector('[part="title"]')?.textContent).to.equal('Nordlicht Hjälpcenter');
    expect(shadow(el).querySelector('nav a')?.textContent?.trim()).to.equal('Ärenden');
  });

  it('sets the page title to the portal name with manage-title while signed in, and restores it', async () => {
    document.title = 'Knowledge base';
    const el = await fixture<CustomerPortal>(html`<customer-portal manage-title locale="en" .adapter=${new MemoryAdapter({ signedInAs: 'anna@nordlicht.example' })}></customer-portal>`);
    await settled(el);
    expect(document.title).to.equal('Nordlicht Help Center');
    el.remove();
    expect(document.title).to.equal('Knowledge base');
  });

  it('switches color scheme with theme and lets host CSS variables win', async () => {
    const el = await fixture<CustomerPortal>(html`<customer-portal theme="dark" locale="en" style="--portal-color-accent: rgb(255, 200, 100)" .adapter=${new MemoryAdapter()}></customer-portal>`);
    await settled(el);
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    const link = shadow(el).querySelector('nav a:not([aria-current])')!;
    expect(getComputedStyle(link).color).to.equal("rgb(255, 200, 100)");
    await expect(el).to.be.accessible();
  });

  it('keeps the built-in views when the tag holds only whitespace, and steps aside for placed elements', async () => {
    const adapter = new MemoryAdapter({ signedInAs: 'anna@nordlicht.example' });
    const el = await fixture<CustomerPortal>(html`<customer-portal locale="en" .adapter=${adapter}>
      </customer-portal>`);
    await settled(el);
    await waitUntil(() => shadow(el).querySelector('ticket-list'), 'built-in list hidden by whitespace');
    const own = await fixture<CustomerPortal>(html`<customer-portal locale="en" .adapter=${adapter}>
      <p id="mine">Host content</p>
    </customer-portal>`);
    await settled(own);
    await waitUntil(() => !shadow(own).querySelector('ticket-list'), 'built-in views did not step aside');
  });

  it('never reads the page hash with routing="none"', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#/new`);
    const el = await fixture<CustomerPortal>(html`<customer-portal routing="none" locale="en" .adapter=${new MemoryAdapter({ signedInAs: 'anna@nordlicht.example' })}></customer-portal>`);
    await settled(el);
    expect(shadow(el).querySelector('[data-view-heading]')?.textContent).to.equal('Tickets');
  });
});
