import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import type { Credentials } from '../../../src/contract/session.js';
import type { CallOptions } from '../../../src/contract/adapter.js';
import { DEMO_SIGN_IN } from '../../../src/domain/demo-world.js';
import type { CustomerPortal } from '../../../src/elements/customer-portal/customer-portal.js';
import type { PortalLogin } from '../../../src/elements/portal-login/portal-login.js';
import type { TicketList } from '../../../src/elements/ticket-list/ticket-list.js';
import { registerPortalTranslations } from '../../../src/index.js';
import { setPortalLocale } from '../../../src/internal/localization.js';
import { templates as ar } from '../../../src/locales/ar.js';
import { templates as de } from '../../../src/locales/de.js';
import { templates as sv } from '../../../src/locales/sv.js';
import { swissGerman } from '../../fixtures/translations.js';

const sr = (el: Element | null | undefined) => el?.shadowRoot ?? undefined;
const login = (portal: CustomerPortal) => sr(portal)?.querySelector<PortalLogin>('portal-login');
const submitText = (host: Element | null | undefined) => sr(host)?.querySelector('form button[type="submit"]')?.textContent?.trim();
const navLabel = (portal: CustomerPortal) => sr(portal)?.querySelector('nav')?.getAttribute('aria-label');
const base = (portal: CustomerPortal) => sr(portal)?.querySelector<HTMLElement>('[part="base"]');

/** A MemoryAdapter whose sign-in answers only when the test lets it. */
class GatedAdapter extends MemoryAdapter {
  release!: () => void;
  override async signIn(credentials: Credentials, options?: CallOptions) {
    await new Promise<void>((resolve) => { this.release = resolve; });
    return super.signIn(credentials, options);
  }
}

function type(root: ShadowRoot, id: string, value: string) {
  const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

describe('each portal speaks its own language (nothing page-global)', () => {
  before(() => setPortalLocale('en'));

  it('shows a German, a Swedish and an Arabic portal on one page, the Arabic one right to left', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <customer-portal locale="de" routing="none" .adapter=${new MemoryAdapter()}></customer-portal>
      <customer-portal locale="sv" routing="none" .adapter=${new MemoryAdapter()}></customer-portal>
      <customer-portal locale="ar" routing="none" .adapter=${new MemoryAdapter()}></customer-portal>
    </div>`);
    const [german, swedish, arabic] = [...page.querySelectorAll<CustomerPortal>('customer-portal')];
    await waitUntil(() => submitText(login(german)) && submitText(login(swedish)) && submitText(login(arabic)), 'three sign-in forms');
    expect(submitText(login(german))).to.equal(de['login.sign-in']);
    expect(submitText(login(swedish))).to.equal(sv['login.sign-in']);
    expect(submitText(login(arabic))).to.equal(ar['login.sign-in']);
    expect(navLabel(german)).to.equal(de['portal.nav-label']);
    expect(navLabel(swedish)).to.equal(sv['portal.nav-label']);
    expect([base(german)?.dir, base(swedish)?.dir, base(arabic)?.dir]).to.deep.equal(['ltr', 'ltr', 'rtl']);
    expect([base(german)?.lang, base(swedish)?.lang, base(arabic)?.lang]).to.deep.equal(['de', 'sv', 'ar']);
    expect(getComputedStyle(sr(login(arabic))!.querySelector('form')!).direction).to.equal('rtl');
    expect(getComputedStyle(sr(login(german))!.querySelector('form')!).direction).to.equal('ltr');
  });

  it('switches one portal without touching the other, down to the elements inside it', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <customer-portal locale="de" routing="none" .adapter=${new MemoryAdapter({ signedInAs: DEMO_SIGN_IN.email })}></customer-portal>
      <customer-portal locale="da" routing="none" .adapter=${new MemoryAdapter()}></customer-portal>
    </div>`);
    const [german, other] = [...page.querySelectorAll<CustomerPortal>('customer-portal')];
    const caption = () => sr(sr(german)?.querySelector('ticket-list'))?.textContent ?? '';
    await waitUntil(() => caption().includes('Ihre ') && submitText(login(other)), 'a German list and a Danish sign-in');
    other.locale = 'sv';
    await waitUntil(() => submitText(login(other)) === sv['login.sign-in'], 'the second portal speaks Swedish');
    expect(caption()).to.include('Ihre ');
    expect(navLabel(german)).to.equal(de['portal.nav-label']);
  });

  it('gives two elements on their own two languages, from their locale attribute', async () => {
    const adapter = new MemoryAdapter({ signedInAs: DEMO_SIGN_IN.email });
    const page = await fixture<HTMLElement>(html`<div>
      <ticket-list locale="de" .adapter=${adapter}></ticket-list>
      <ticket-list locale="sv" .adapter=${adapter}></ticket-list>
      <portal-login locale="ar" .adapter=${new MemoryAdapter()}></portal-login>
    </div>`);
    const [german, swedish] = [...page.querySelectorAll<TicketList>('ticket-list')];
    const text = (list: TicketList) => sr(list)?.textContent ?? '';
    await waitUntil(() => text(german).includes('Ihre ') && text(swedish).includes('Dina '), 'German and Swedish lists');
    const arabic = page.querySelector<PortalLogin>('portal-login')!;
    await waitUntil(() => submitText(arabic) === ar['login.sign-in'], 'an Arabic sign-in form');
    expect(sr(arabic)!.querySelector<HTMLElement>('[part="base"]')!.dir).to.equal('rtl');
  });

  it('answers in the language of the portal that asked, even when another portal was used in between', async () => {
    const gated = new GatedAdapter();
    const page = await fixture<HTMLElement>(html`<div>
      <customer-portal locale="de" routing="none" .adapter=${gated}></customer-portal>
      <customer-portal locale="sv" routing="none" .adapter=${new MemoryAdapter()}></customer-portal>
    </div>`);
    const [german, swedish] = [...page.querySelectorAll<CustomerPortal>('customer-portal')];
    await waitUntil(() => submitText(login(german)) && submitText(login(swedish)), 'sign-in forms');
    const form = sr(login(german))!;
    type(form, 'email', DEMO_SIGN_IN.email);
    type(form, 'password', 'not the password');
    await login(german)!.updateComplete;
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => gated.release, 'the sign-in request is under way');
    // Meanwhile the customer types into the Swedish portal.
    type(sr(login(swedish))!, 'email', 'someone@example.com');
    sr(login(swedish))!.querySelector<HTMLInputElement>('#email')!.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    await login(swedish)!.updateComplete;
    gated.release();
    await waitUntil(() => form.querySelector('.form-error')?.textContent?.trim(), 'the error');
    expect(form.querySelector('.form-error')!.textContent!.trim()).to.equal(de['login.wrong-credentials']);
  });
});

describe('translations a host registers', () => {
  before(() => setPortalLocale('en'));

  it('overrides one text of a shipped language, and the rest stays as shipped', async () => {
    registerPortalTranslations('sv', { 'login.sign-in': 'Logga in här' });
    const portal = await fixture<CustomerPortal>(html`<customer-portal locale="sv" routing="none" .adapter=${new MemoryAdapter()}></customer-portal>`);
    await waitUntil(() => submitText(login(portal)) === 'Logga in här', 'the host\'s text');
    expect(navLabel(portal)).to.equal(sv['portal.nav-label']);
    registerPortalTranslations('sv', { 'login.sign-in': sv['login.sign-in'] });
    await waitUntil(() => submitText(login(portal)) === sv['login.sign-in'], 'an element already shown updates at once');
  });

  it('overrides an English text with a value', async () => {
    registerPortalTranslations('en', { 'portal.nav-label': 'Help center menu' });
    try {
      const portal = await fixture<CustomerPortal>(html`<customer-portal locale="en" routing="none" .adapter=${new MemoryAdapter()}></customer-portal>`);
      await waitUntil(() => navLabel(portal) === 'Help center menu', 'the host\'s English text');
      expect(submitText(login(portal))).to.equal('Sign in');
    } finally {
      registerPortalTranslations('en', { 'portal.nav-label': 'Portal navigation' });
    }
  });

  it('adds a language (Swiss German from test/fixtures) that portals and elements on their own speak', async () => {
    registerPortalTranslations('de-CH', swissGerman);
    const page = await fixture<HTMLElement>(html`<div>
      <customer-portal locale="de-CH" routing="none" .adapter=${new MemoryAdapter()}></customer-portal>
      <portal-login locale="de-ch" .adapter=${new MemoryAdapter()}></portal-login>
    </div>`);
    const portal = page.querySelector<CustomerPortal>('customer-portal')!;
    await waitUntil(() => submitText(login(portal)) === swissGerman['login.sign-in'], 'the added language in the portal');
    expect(base(portal)?.lang).to.equal('de-ch');
    await waitUntil(() => submitText(page.querySelector('portal-login')) === swissGerman['login.sign-in'], 'and on its own');
    // The fixture differs from German where German writes "ß".
    const id = Object.keys(de).find((key) => de[key as keyof typeof de].includes('ß')) as keyof typeof de;
    expect(swissGerman[id]).to.not.include('ß');
  });
});
