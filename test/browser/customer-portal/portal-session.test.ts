import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../../src/define.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { DEMO_SIGN_IN } from '../../../src/domain/demo-world.js';
import type { CustomerPortal } from '../../../src/elements/customer-portal/customer-portal.js';
import type { PortalLogin } from '../../../src/elements/portal-login/portal-login.js';
import type { PortalSignedOutEvent } from '../../../src/internal/events.js';
import { loadDraft, saveDraft } from '../../../src/internal/drafts.js';
import { setPortalLocale } from '../../../src/internal/localization.js';

const root = (el: Element) => el.shadowRoot!;
const login = (el: CustomerPortal) => root(el).querySelector<PortalLogin>('portal-login');
const byText = <T extends HTMLElement>(scope: ParentNode, selector: string, text: string) =>
  [...scope.querySelectorAll<T>(selector)].find((n) => n.textContent?.trim() === text);

async function signIn(el: CustomerPortal) {
  await waitUntil(() => login(el)?.shadowRoot?.querySelector('#email'), 'no sign-in form');
  const form = login(el)!.shadowRoot!;
  for (const [id, value] of [['email', DEMO_SIGN_IN.email], ['password', DEMO_SIGN_IN.password]]) {
    const input = form.querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
  byText<HTMLButtonElement>(form, 'button', 'Sign in')!.click();
  await waitUntil(() => el.session, 'not signed in');
  await el.updateComplete;
}

describe('customer-portal sessions', () => {
  before(() => setPortalLocale('en'));
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('shows sign-in when signed out, the views after sign-in, and signs out from the navigation', async () => {
    const el = await fixture<CustomerPortal>(html`<customer-portal locale="en" .adapter=${new MemoryAdapter()}></customer-portal>`);
    await signIn(el);
    expect(login(el)).to.be.null;
    expect(root(el).activeElement?.textContent).to.equal('Tickets');
    const signOut = byText<HTMLButtonElement>(root(el), 'nav button', 'Sign out')!;
    await expect(el).to.be.accessible();
    const ended = new Promise<PortalSignedOutEvent>((resolve) => el.addEventListener('portal-signed-out', resolve, { once: true }));
    signOut.click();
    expect((await ended).detail.reason).to.equal('sign-out');
    await waitUntil(() => login(el));
    expect(byText(root(el), 'nav button', 'Sign out')).to.be.undefined;
  });

  it('shows the set-password form for an invitation link even when signed out', async () => {
    const adapter = new MemoryAdapter();
    location.hash = `#/invite?token=${adapter.createLinkToken('lukas@nordlicht.example', 'invite')}`;
    const el = await fixture<CustomerPortal>(html`<customer-portal locale="en" .adapter=${adapter}></customer-portal>`);
    await waitUntil(() => login(el)?.shadowRoot?.querySelector('[data-heading]')?.textContent === 'Set your password');
  });

  it('warns before the idle timeout, stays signed in on request, and signs out with a message at expiry', async function () {
    // Seconds, not milliseconds: a loaded machine must not end the session before the test clicks.
    this.timeout(30_000);
    const adapter = new MemoryAdapter({ signedInAs: DEMO_SIGN_IN.email, idleTimeoutSeconds: 6 });
    const expiring: Event[] = [];
    const el = await fixture<CustomerPortal>(html`<customer-portal locale="en" .adapter=${adapter} @portal-session-expiring=${(e: Event) => expiring.push(e)}></customer-portal>`);
    await waitUntil(() => el.session);
    const dialog = () => root(el).querySelector<HTMLDialogElement>('dialog')!;
    await waitUntil(() => dialog().open, 'no warning', { timeout: 10_000 });
    expect(expiring).to.have.length(1);
    expect(root(el).activeElement?.textContent?.trim()).to.equal('Stay signed in');
    // Answer the warning at once (the session ends 3 s after it shows): the slow axe run comes at the next warning.
    const before = el.session!.expiresAt;
    byText<HTMLButtonElement>(dialog(), 'button', 'Stay signed in')!.click();
    await waitUntil(() => el.session!.expiresAt !== before && !dialog().open, 'not extended', { timeout: 10_000 });
    const ended = new Promise<PortalSignedOutEvent>((resolve) => el.addEventListener('portal-signed-out', resolve, { once: true }));
    await waitUntil(() => dialog().open, 'no warning for the extended session', { timeout: 10_000 });
    expect(expiring).to.have.length(2);
    await expect(el).to.be.accessible();
    expect((await ended).detail.reason).to.equal('expired');
    await waitUntil(() => login(el)?.shadowRoot?.querySelector('.notice'));
    expect(login(el)!.shadowRoot!.querySelector('.notice')!.textContent).to.equal('You were signed out after a period of inactivity.');
    expect(await adapter.getSession()).to.be.null;
  });

  it('ends the session with a clear message when the access settings no longer admit the customer', async () => {
    const adapter = new MemoryAdapter({ signedInAs: DEMO_SIGN_IN.email });
    // The admin limited the portal to another access group after Anna signed in.
    adapter.world.settings.access = { ...adapter.world.settings.access, mode: 'access-groups', accessGroupIds: [2] };
    const el = await fixture<CustomerPortal>(html`<customer-portal locale="de" .adapter=${adapter}></customer-portal>`);
    const ended = new Promise<PortalSignedOutEvent>((resolve) => el.addEventListener('portal-signed-out', resolve, { once: true }));
    expect((await ended).detail.reason).to.equal('access-revoked');
    await waitUntil(() => login(el)?.shadowRoot?.querySelector('.notice'));
    expect(login(el)!.shadowRoot!.querySelector('.notice')!.textContent).to.equal('Ihr Zugang zu diesem Portal hat sich geändert. Bitte melden Sie sich erneut an.');
    await expect(el).to.be.accessible();
    await setPortalLocale('en');
  });

  it('clears drafts at an idle sign-out', async function () {
    this.timeout(30_000);
    const adapter = new MemoryAdapter({ signedInAs: DEMO_SIGN_IN.email, idleTimeoutSeconds: 2 });
    const anna = adapter.world.contacts.find((c) => c.email === DEMO_SIGN_IN.email)!;
    // Stored before the portal starts, so the draft cannot come after the (short) session has already ended.
    saveDraft(anna.id, 'reply:1', { html: '<p>Private text</p>', savedAt: new Date().toISOString(), fileNames: [] });
    const el = await fixture<CustomerPortal>(html`<customer-portal locale="en" .adapter=${adapter}></customer-portal>`);
    const ended = new Promise<PortalSignedOutEvent>((resolve) => el.addEventListener('portal-signed-out', resolve, { once: true }));
    await waitUntil(() => el.session, 'not signed in', { timeout: 10_000 });
    expect(el.session!.user.id).to.equal(anna.id);
    expect(loadDraft(anna.id, 'reply:1'), 'kept while signed in').to.not.be.null;
    expect((await ended).detail.reason).to.equal('expired');
    expect(loadDraft(anna.id, 'reply:1')).to.be.null;
  });

  it('stays signed out when an activity ping answers after sign-out', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    class SlowPing extends MemoryAdapter {
      /** The answer of the last ping, held back until `release()`. */
      answer?: Promise<unknown>;
      override extendSession() {
        this.answer = super.extendSession().then(async (session) => { await released; return session; });
        return this.answer as ReturnType<MemoryAdapter['extendSession']>;
      }
    }
    const adapter = new SlowPing({ signedInAs: DEMO_SIGN_IN.email, idleTimeoutSeconds: 600 });
    const el = await fixture<CustomerPortal>(html`<customer-portal locale="en" .adapter=${adapter}></customer-portal>`);
    await waitUntil(() => el.session);
    await el.updateComplete;
    const stay = (root(el).querySelector('dialog') as HTMLDialogElement);
    // "Stay signed in" pings at once; the answer is held back until after sign-out.
    byText<HTMLButtonElement>(stay, 'button', 'Stay signed in')!.click();
    await el.signOut();
    release();
    // The portal awaited the answer before this test did: once the test's turn comes, the portal has handled it.
    await adapter.answer;
    await el.updateComplete;
    expect(el.session).to.equal(null);
    expect(login(el) !== null, 'sign-in form shown').to.equal(true);
  });

  it('signs out every portal of the site together', async () => {
    const adapter = new MemoryAdapter({ signedInAs: DEMO_SIGN_IN.email });
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <customer-portal routing="none" locale="en" .adapter=${adapter}></customer-portal>
      <customer-portal routing="none" locale="en" .adapter=${adapter}></customer-portal></div>`);
    const [first, second] = [...wrapper.querySelectorAll('customer-portal')];
    await waitUntil(() => first.session && second.session);
    const ended = new Promise<PortalSignedOutEvent>((resolve) => second.addEventListener('portal-signed-out', resolve, { once: true }));
    await first.signOut();
    expect((await ended).detail.reason).to.equal('other-tab');
    await waitUntil(() => login(second), 'other portal still signed in');
  });
});

describe('customer-portal with the keyboard only', () => {
  before(() => setPortalLocale('en'));
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('navigates with Tab and Enter and moves focus to the new view heading', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    const el = await fixture<CustomerPortal>(html`<customer-portal locale="en" .adapter=${new MemoryAdapter({ signedInAs: DEMO_SIGN_IN.email })}></customer-portal>`);
    await waitUntil(() => el.session);
    await el.updateComplete;
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('nav a')];
    links[0].focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.textContent?.trim()).to.equal('Submit a ticket');
    await sendKeys({ press: 'Tab' });
    // The "Email me when the support team answers" switch.
    expect(root(el).activeElement?.localName).to.equal('portal-email-preference');
    expect(root(el).activeElement?.shadowRoot?.activeElement?.getAttribute('type')).to.equal('checkbox');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.textContent?.trim()).to.equal('Sign out');
    links[1].focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).activeElement?.textContent === 'How can we help?', 'focus did not move to the view heading');
  });
});
