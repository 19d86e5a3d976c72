import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/define.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { DEMO_SIGN_IN, demoWorld } from '../../../src/domain/demo-world.js';
import type { CustomerPortal } from '../../../src/elements/customer-portal/customer-portal.js';
import { setPortalLocale } from '../../../src/internal/localization.js';

/**
 * The portal at phone widths (WCAG 1.4.10 reflow, 2.5.8 target size): no horizontal scrolling of the page at 320
 * and 360 px, every control at least 24 × 24 px, and the ticket list as cards with "Sort by" and folded filters.
 */

/** Every element inside `root`, through open shadow roots. */
function deepAll(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...deepAll(el.shadowRoot));
  }
  return out;
}

const TARGETS = 'a[href], button, select, input:not([type="hidden"]), textarea, summary, [role="button"], [role="radio"], [tabindex]:not([tabindex="-1"])';

/** Controls smaller than 24 × 24 px (visible ones; links inside running text are exempt by WCAG 2.5.8). */
function smallTargets(root: Element) {
  return deepAll(root.shadowRoot ?? root)
    .filter((el) => el.matches(TARGETS))
    .filter((el) => {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) return false;
      if (el.matches('input[type="radio"], input[type="checkbox"]') && el.closest('label')) {
        const label = el.closest('label')!.getBoundingClientRect();
        return label.width < 24 || label.height < 24;
      }
      const inText = el.localName === 'a' && getComputedStyle(el).display === 'inline' && el.parentElement?.localName === 'p';
      return !inText && (rect.width < 23.5 || rect.height < 23.5);
    })
    .map((el) => `${el.localName}[${el.getAttribute("type") ?? ""}].${el.className} "${el.textContent?.trim().slice(0, 30)}" ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`);
}

const shadow = (el: Element) => el.shadowRoot!;
const listOf = (portal: CustomerPortal) => shadow(portal).querySelector('ticket-list')!;

async function signedInPortal(locale = 'en', hash = '') {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const adapter = new MemoryAdapter({ world: demoWorld(), signedInAs: DEMO_SIGN_IN.email });
  const el = await fixture<CustomerPortal>(html`<customer-portal locale=${locale} .adapter=${adapter}></customer-portal>`);
  await waitUntil(() => listOf(el)?.shadowRoot?.querySelector('tbody tr[data-id]') && !listOf(el).shadowRoot!.querySelector('[aria-busy="true"]'), 'list did not load', { timeout: 5000 });
  await (listOf(el) as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

const noPageScroll = () => {
  const { scrollWidth, clientWidth } = document.documentElement;
  return { scrollWidth, clientWidth };
};

describe('responsive layout', () => {
  before(() => setPortalLocale('en'));
  afterEach(async () => {
    history.replaceState(null, '', location.pathname + location.search);
    localStorage.clear();
    await setViewport({ width: 1280, height: 800 });
  });

  for (const width of [320, 360]) {
    it(`shows the list as cards at ${width} px: no page scroll, targets of 24 px, "Sort by", folded filters`, async () => {
      await setViewport({ width, height: 800 });
      const el = await signedInPortal();
      const list = listOf(el);
      const sr = shadow(list);
      const { scrollWidth, clientWidth } = noPageScroll();
      expect(scrollWidth, `page scrolls sideways at ${width} px`).to.be.at.most(clientWidth);
      expect(smallTargets(el)).to.deep.equal([]);
      // Cards: no column headers, the labels stand before the values, the subject link leads.
      expect(getComputedStyle(sr.querySelector('thead')!).display).to.equal('none');
      const card = sr.querySelector<HTMLElement>('tbody tr[data-id]')!;
      expect(getComputedStyle(card).display).to.equal('grid');
      const subject = card.querySelector<HTMLElement>('td.link')!;
      const requester = card.querySelector<HTMLElement>('td.col-requester')!;
      expect(subject.getBoundingClientRect().top, 'subject first').to.be.below(requester.getBoundingClientRect().top);
      expect(getComputedStyle(requester, '::before').content).to.equal('"Requested by"');
      expect(card.getBoundingClientRect().right).to.be.at.most(clientWidth);
      // "Sort by" instead of header buttons.
      const sortBy = sr.querySelector<HTMLSelectElement>('#sort-by')!;
      expect(sortBy.checkVisibility()).to.equal(true);
      sortBy.value = 'subject:asc';
      sortBy.dispatchEvent(new Event('change'));
      await waitUntil(() => location.hash.includes('sort=subject') && location.hash.includes('order=asc'), 'Sort by did not sort');
      // Filters fold into a disclosure.
      const toggle = sr.querySelector<HTMLButtonElement>('.filters-toggle')!;
      const status = sr.querySelector<HTMLSelectElement>('#status')!;
      expect(toggle.checkVisibility()).to.equal(true);
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(status.checkVisibility(), 'filters folded').to.equal(false);
      toggle.click();
      await waitUntil(() => status.checkVisibility(), 'filters did not unfold');
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(smallTargets(el)).to.deep.equal([]);
      expect(noPageScroll().scrollWidth).to.be.at.most(clientWidth);
      await expect(el).to.be.accessible();
    });
  }

  it('keeps the table with header sort buttons and inline filters in a wide container', async () => {
    await setViewport({ width: 1280, height: 800 });
    const el = await signedInPortal();
    const sr = shadow(listOf(el));
    expect(getComputedStyle(sr.querySelector('thead')!).display).to.equal('table-header-group');
    expect(sr.querySelector<HTMLElement>('#sort-by')!.checkVisibility()).to.equal(false);
    expect(sr.querySelector<HTMLElement>('.filters-toggle')!.checkVisibility()).to.equal(false);
    expect(sr.querySelector<HTMLElement>('#status')!.checkVisibility()).to.equal(true);
    expect(smallTargets(el)).to.deep.equal([]);
  });

  it('follows the container, not the viewport: a narrow sidebar shows cards on a wide screen', async () => {
    await setViewport({ width: 1280, height: 800 });
    const adapter = new MemoryAdapter({ world: demoWorld(), signedInAs: DEMO_SIGN_IN.email });
    const wrap = await fixture<HTMLElement>(html`<div style="inline-size: 340px"><customer-portal locale="en" .adapter=${adapter}></customer-portal></div>`);
    const el = wrap.querySelector<CustomerPortal>('customer-portal')!;
    await waitUntil(() => listOf(el)?.shadowRoot?.querySelector('tbody tr[data-id]'), 'list did not load');
    expect(getComputedStyle(shadow(listOf(el)).querySelector('thead')!).display).to.equal('none');
  });

  it('disables the pager buttons at the ends', async () => {
    await setViewport({ width: 1280, height: 800 });
    const el = await signedInPortal('en', '#/tickets?size=100');
    const buttons = [...shadow(listOf(el)).querySelectorAll<HTMLButtonElement>('.pager button')];
    expect(buttons.map((b) => b.disabled)).to.deep.equal([true, true]);
    // Disabled looks disabled: not the accent color of an active button.
    expect(getComputedStyle(buttons[0]).cursor).to.equal('not-allowed');
    expect(getComputedStyle(buttons[0]).borderStyle).to.equal('dashed');
  });

  for (const width of [320, 360]) {
    it(`fits the sign-in form, the ticket detail and the support form at ${width} px`, async () => {
      await setViewport({ width, height: 800 });
      const world = demoWorld();
      const ticket = world.tickets.find((t) => t.contactId === world.contacts[0].id)!;
      for (const [hash, ready] of [
        [`#/tickets/${ticket.id}`, (el: CustomerPortal) => shadow(el).querySelector('ticket-detail')?.shadowRoot?.querySelector('[part="subject"]')],
        ['#/new', (el: CustomerPortal) => shadow(el).querySelector('support-form')?.shadowRoot?.querySelector('form')],
      ] as const) {
        history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
        const el = await fixture<CustomerPortal>(html`<customer-portal locale="en" .adapter=${new MemoryAdapter({ world, signedInAs: DEMO_SIGN_IN.email })}></customer-portal>`);
        await waitUntil(() => ready(el), `${hash} did not load`, { timeout: 5000 });
        expect(noPageScroll().scrollWidth, `${hash} scrolls sideways`).to.be.at.most(noPageScroll().clientWidth);
        expect(smallTargets(el), hash).to.deep.equal([]);
      }
      const login = await fixture<CustomerPortal>(html`<customer-portal locale="en" .adapter=${new MemoryAdapter({ world })}></customer-portal>`);
      await waitUntil(() => shadow(login).querySelector('portal-login')?.shadowRoot?.querySelector('form'), 'sign-in did not load');
      expect(noPageScroll().scrollWidth).to.be.at.most(noPageScroll().clientWidth);
      expect(smallTargets(login)).to.deep.equal([]);
    });
  }
});
