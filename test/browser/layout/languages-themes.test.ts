import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../../src/define.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { DEMO_SIGN_IN, demoWorld } from '../../../src/domain/demo-world.js';
import type { CustomerPortal } from '../../../src/elements/customer-portal/customer-portal.js';
import type { PortalLogin } from '../../../src/elements/portal-login/portal-login.js';
import { setPortalLocale } from '../../../src/internal/localization.js';

/** Right to left (Arabic), the other new languages, theme="auto" and the admin's accent on every element. */

const shadow = (el: Element) => el.shadowRoot!;
const listOf = (portal: CustomerPortal) => shadow(portal).querySelector('ticket-list')!;

async function signedIn(locale: string, world = demoWorld()) {
  const adapter = new MemoryAdapter({ world, signedInAs: DEMO_SIGN_IN.email });
  const el = await fixture<CustomerPortal>(html`<customer-portal locale=${locale} .adapter=${adapter}></customer-portal>`);
  await waitUntil(() => listOf(el)?.shadowRoot?.querySelector('tbody tr[data-id]') && !listOf(el).shadowRoot!.querySelector('[aria-busy="true"]'), 'list did not load', { timeout: 5000 });
  return el;
}

describe('languages, direction and theme', () => {
  afterEach(async () => {
    history.replaceState(null, '', location.pathname + location.search);
    localStorage.clear();
    await setPortalLocale('en');
  });

  it('mirrors the portal in Arabic: dir="rtl", Arabic texts and digits, controls from the right', async () => {
    const el = await signedIn('ar');
    const base = shadow(el).querySelector<HTMLElement>('[part="base"]')!;
    expect(base.getAttribute('lang')).to.equal('ar');
    expect(base.getAttribute('dir')).to.equal('rtl');
    const list = listOf(el);
    expect(getComputedStyle(list).direction).to.equal('rtl');
    const sr = shadow(list);
    expect(sr.querySelector('label[for="search"]')?.textContent).to.equal('بحث');
    expect(shadow(el).querySelector('[part="title"]')?.textContent).to.equal('مركز مساعدة نوردليشت');
    // The first column starts at the right edge.
    const table = sr.querySelector('table')!.getBoundingClientRect();
    const firstHeader = sr.querySelector('thead th')!.getBoundingClientRect();
    expect(Math.abs(firstHeader.right - table.right)).to.be.below(2);
    // Numbers through Intl, in the language's order ("التذاكر: 14").
    const total = sr.querySelectorAll('tbody tr[data-id]').length;
    expect(sr.querySelector('.pager .position')?.textContent).to.contain(`التذاكر: ${new Intl.NumberFormat('ar').format(total)}`);
    // The search field sits at the inline start (right) of the toolbar.
    const toolbar = sr.querySelector('.toolbar')!.getBoundingClientRect();
    const search = sr.querySelector('#search')!.getBoundingClientRect();
    expect(search.right).to.be.greaterThan(toolbar.left + toolbar.width / 2);
    await expect(el).to.be.accessible();
  });

  it('flips the icons that point along the line in right to left', async () => {
    const wrap = await fixture<HTMLElement>(html`<div style="inline-size: 340px"></div>`);
    const adapter = new MemoryAdapter({ world: demoWorld(), signedInAs: DEMO_SIGN_IN.email });
    const el = document.createElement('customer-portal') as CustomerPortal;
    el.setAttribute('locale', 'ar');
    el.adapter = adapter;
    wrap.append(el);
    await waitUntil(() => listOf(el)?.shadowRoot?.querySelector('.filters-toggle .disclosure-icon'), 'list did not load', { timeout: 5000 });
    const icon = listOf(el).shadowRoot!.querySelector('.filters-toggle .disclosure-icon')!;
    expect(getComputedStyle(icon, '::before').transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
  });

  it('speaks every shipped language, with plural forms and sizes from Intl', async () => {
    const expected: Record<string, string> = {
      fr: 'Rechercher', es: 'Buscar', nl: 'Zoeken', it: 'Cerca', pt: 'Pesquisar', pl: 'Szukaj', ja: '検索', ar: 'بحث',
    };
    for (const [locale, search] of Object.entries(expected)) {
      const el = await signedIn(locale);
      const label = shadow(listOf(el)).querySelector('label[for="search"]')?.textContent;
      expect(label, locale).to.equal(search);
      expect(shadow(el).querySelector('[part="base"]')?.getAttribute('dir'), locale).to.equal(locale === 'ar' ? 'rtl' : 'ltr');
      el.remove();
    }
  });

  it('applies the admin accent on the host: the shell\'s "Sign out" and a standalone sign-in button', async () => {
    const world = demoWorld();
    world.settings.theme = { ...world.settings.theme, accentColor: '#7a1fa2' };
    const el = await signedIn('en', world);
    const signOut = shadow(el).querySelector<HTMLElement>('[part="sign-out-button"]')!;
    expect(getComputedStyle(signOut).color).to.equal('rgb(122, 31, 162)');
    expect(getComputedStyle(shadow(listOf(el)).querySelector('td a')!).color).to.equal('rgb(122, 31, 162)');
    const login = await fixture<PortalLogin>(html`<portal-login locale="en" .adapter=${new MemoryAdapter({ world })}></portal-login>`);
    await waitUntil(() => shadow(login).querySelector('[part="submit-button"]'), 'sign-in did not load');
    await login.updateComplete;
    expect(getComputedStyle(shadow(login).querySelector('[part="submit-button"]')!).backgroundColor).to.equal('rgb(122, 31, 162)');
    // Host CSS still wins over the admin's accent.
    login.style.setProperty('--portal-color-accent', 'rgb(0, 100, 0)');
    expect(getComputedStyle(shadow(login).querySelector('[part="submit-button"]')!).backgroundColor).to.equal('rgb(0, 100, 0)');
  });

  it('follows the host page with theme="auto" (the default)', async () => {
    const wrap = await fixture<HTMLElement>(html`<div style="color-scheme: dark"><customer-portal locale="en" .adapter=${new MemoryAdapter({ world: demoWorld() })}></customer-portal></div>`);
    const el = wrap.querySelector<CustomerPortal>('customer-portal')!;
    await waitUntil(() => shadow(el).querySelector('portal-login')?.shadowRoot?.querySelector('form'), 'sign-in did not load');
    expect(el.theme).to.equal('auto');
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    expect(getComputedStyle(el).color).to.equal('rgb(232, 234, 240)');
    wrap.style.colorScheme = 'light';
    expect(getComputedStyle(el).color).to.equal('rgb(29, 35, 48)');
    el.theme = 'dark';
    await el.updateComplete;
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
  });
});
