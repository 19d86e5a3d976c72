import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../../src/define.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { RateLimitedError } from '../../../src/contract/errors.js';
import type { Credentials } from '../../../src/contract/session.js';
import { DEMO_SIGN_IN, demoWorld } from '../../../src/domain/demo-world.js';
import type { PortalLogin } from '../../../src/elements/portal-login/portal-login.js';
import type { PortalSignedInEvent } from '../../../src/internal/events.js';
import { setPortalLocale } from '../../../src/internal/localization.js';

const q = <T extends Element = HTMLElement>(el: PortalLogin, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const button = (el: PortalLogin, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === name)!;
const type = (el: PortalLogin, id: string, value: string) => {
  const input = q<HTMLInputElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
};
const ready = async (el: PortalLogin) => waitUntil(() => el.shadowRoot!.querySelector('[data-heading]'), 'login did not render');
async function mount(adapter = new MemoryAdapter(), attrs = '') {
  const el = await fixture<PortalLogin>(html`<portal-login .adapter=${adapter} view=${attrs || 'sign-in'}></portal-login>`);
  await ready(el);
  return el;
}

class ThrottledAdapter extends MemoryAdapter {
  override signIn(_c: Credentials): never {
    throw new RateLimitedError('Too many attempts', 30);
  }
}

describe('portal-login', () => {
  before(() => setPortalLocale('en'));

  it('offers email, password, "Sign in", "Forgot password?" and "Register here", ready for password managers', async () => {
    const el = await mount();
    expect(q(el, '[data-heading]').textContent).to.equal('Sign in');
    expect(q(el, 'label[for="email"]').textContent).to.equal('Email');
    expect(q(el, '#email').getAttribute('autocomplete')).to.equal('username');
    expect(q(el, 'label[for="password"]').textContent).to.equal('Password');
    expect(q(el, '#password').getAttribute('autocomplete')).to.equal('current-password');
    expect(button(el, 'Sign in')).to.exist;
    expect(button(el, 'Forgot password?')).to.exist;
    expect(button(el, 'Register here')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('explains empty fields, marks them invalid and focuses the first', async () => {
    const el = await mount();
    button(el, 'Sign in').click();
    await waitUntil(() => q(el, '#email-error'));
    expect(q(el, '#email').getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, '#email').getAttribute('aria-describedby')).to.equal('email-error');
    expect(q(el, '#email-error').textContent).to.equal('Enter your email address.');
    expect(q(el, '#password-error').textContent).to.equal('Enter your password.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('email');
    type(el, 'email', 'not-an-address');
    button(el, 'Sign in').click();
    await waitUntil(() => q(el, '#email-error')?.textContent?.includes('valid'));
    await expect(el).to.be.accessible();
  });

  it('gives one generic message for wrong credentials, keeps the email and clears only the password', async () => {
    const el = await mount();
    type(el, 'email', DEMO_SIGN_IN.email);
    type(el, 'password', 'wrong-password-123');
    button(el, 'Sign in').click();
    await waitUntil(() => q(el, '.form-error'));
    expect(q(el, '.form-error').textContent).to.equal('Wrong email or password.');
    expect(q<HTMLInputElement>(el, '#email').value).to.equal(DEMO_SIGN_IN.email);
    expect(q<HTMLInputElement>(el, '#password').value).to.equal('');
    expect(el.shadowRoot!.activeElement?.id).to.equal('password');
  });

  it('signs in and fires portal-signed-in', async () => {
    const el = await mount();
    const signedIn = new Promise<PortalSignedInEvent>((resolve) => el.addEventListener('portal-signed-in', resolve, { once: true }));
    type(el, 'email', DEMO_SIGN_IN.email);
    type(el, 'password', DEMO_SIGN_IN.password);
    button(el, 'Sign in').click();
    const event = await signedIn;
    expect(event.detail.session.user.email).to.equal(DEMO_SIGN_IN.email);
    expect(event.bubbles && event.composed).to.be.true;
  });

  it('says when to try again after too many attempts and holds the button until then', async () => {
    const el = await mount(new ThrottledAdapter());
    type(el, 'email', DEMO_SIGN_IN.email);
    type(el, 'password', 'whatever-123');
    button(el, 'Sign in').click();
    await waitUntil(() => q(el, '.form-error'));
    expect(q(el, '.form-error').textContent).to.equal('Too many attempts. Try again in 30 seconds.');
    expect(button(el, 'Sign in').disabled).to.be.true;
  });

  it('registers only with consent, shows the sanitized consent text and keeps what was typed', async () => {
    const world = demoWorld();
    world.settings.consent = {
      text: 'I accept the <a href="https://nordlicht.example/privacy">privacy policy</a><img src=x onerror="window.pwned=1"><script>window.pwned=2</script>',
      checkboxLabel: 'I agree to the processing of my data',
    };
    const adapter = new MemoryAdapter({ world });
    const el = await mount(adapter);
    button(el, 'Register here').click();
    await waitUntil(() => q(el, '[data-heading]').textContent === 'Register');
    expect(el.shadowRoot!.activeElement).to.equal(q(el, '[data-heading]'));
    const consent = q(el, 'portal-consent-text');
    await waitUntil(() => consent.shadowRoot!.querySelector('a'), 'consent text not sanitized');
    const link = consent.shadowRoot!.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://nordlicht.example/privacy');
    expect(link.getAttribute('target')).to.equal('_blank');
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(consent.shadowRoot!.querySelector('script, img[onerror]')).to.be.null;
    expect((window as { pwned?: number }).pwned).to.be.undefined;
    expect(q(el, 'label[for="consent"]').textContent).to.equal('I agree to the processing of my data');
    type(el, 'name', 'Nina Neu');
    type(el, 'email', 'nina@new.example');
    type(el, 'password', 'a-long-password');
    button(el, 'Register').click();
    await waitUntil(() => q(el, '#consent-error'));
    expect(q(el, '#consent-error').textContent).to.equal('Please agree to continue.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('consent');
    expect(q<HTMLInputElement>(el, '#name').value).to.equal('Nina Neu');
    await expect(el).to.be.accessible();
    const signedIn = new Promise<PortalSignedInEvent>((resolve) => el.addEventListener('portal-signed-in', resolve, { once: true }));
    q<HTMLInputElement>(el, '#consent').click();
    button(el, 'Register').click();
    expect((await signedIn).detail.session.user.name).to.equal('Nina Neu');
  });

  it('shows the access-denied page to someone outside the access groups', async () => {
    const world = demoWorld();
    world.settings.access = { ...world.settings.access, mode: 'access-groups', accessGroupIds: [2] };
    const el = await mount(new MemoryAdapter({ world }));
    expect(button(el, 'Register here')).to.be.undefined;
    type(el, 'email', DEMO_SIGN_IN.email);
    type(el, 'password', DEMO_SIGN_IN.password);
    button(el, 'Sign in').click();
    await waitUntil(() => q(el, '[data-heading]').textContent === "You don't have access to this portal");
    await expect(el).to.be.accessible();
  });

  it('never links a start URL that is not http(s)', async () => {
    for (const startUrl of ['javascript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x']) {
      const world = demoWorld();
      world.settings.access = {
        ...world.settings.access, mode: 'sso', magicLink: false,
        sso: { label: 'Nordlicht ID', startUrl, jwt: { secret: 'x'.repeat(32) }, returnToAllowList: [] },
      };
      const el = await mount(new MemoryAdapter({ world }));
      expect([...el.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '').filter((h) => !/^(https?:|#)/.test(h)), startUrl).to.deep.equal([]);
    }
  });

  it('offers single sign-on with the return address, and one-time links when enabled', async () => {
    const world = demoWorld();
    world.settings.access = {
      ...world.settings.access, mode: 'sso', magicLink: false,
      sso: { label: 'Nordlicht ID', startUrl: 'https://id.nordlicht.example/start', jwt: { secret: 'x'.repeat(32) }, returnToAllowList: [] },
    };
    const el = await mount(new MemoryAdapter({ world }));
    const sso = [...el.shadowRoot!.querySelectorAll('a')].find((a) => a.textContent === 'Sign in with Nordlicht ID')!;
    const url = new URL(sso.href);
    expect(url.origin + url.pathname).to.equal('https://id.nordlicht.example/start');
    expect(url.searchParams.get('return_to')).to.equal(location.href);
    expect(el.shadowRoot!.querySelector('#password')).to.be.null;

    const linkWorld = demoWorld();
    linkWorld.settings.access.magicLink = true;
    const withLink = await mount(new MemoryAdapter({ world: linkWorld }));
    button(withLink, 'Email me a sign-in link').click();
    await waitUntil(() => q(withLink, '[data-heading]').textContent === 'Get a sign-in link');
    type(withLink, 'email', 'someone@anywhere.example');
    button(withLink, 'Email me a sign-in link').click();
    await waitUntil(() => q(withLink, '[data-heading]').textContent === 'Check your email');
    expect(withLink.shadowRoot!.textContent).to.contain('If someone@anywhere.example belongs to an account');
  });

  it('answers "Forgot password?" the same way for any address', async () => {
    const el = await mount();
    button(el, 'Forgot password?').click();
    await waitUntil(() => q(el, '[data-heading]').textContent === 'Reset your password');
    type(el, 'email', 'nobody@nowhere.example');
    button(el, 'Send reset link').click();
    await waitUntil(() => q(el, '[data-heading]').textContent === 'Check your email');
    await expect(el).to.be.accessible();
  });

  it('sets a new password from an invitation link, and explains a used link', async () => {
    const adapter = new MemoryAdapter();
    const token = adapter.createLinkToken('lukas@nordlicht.example', 'invite');
    const el = await fixture<PortalLogin>(html`<portal-login .adapter=${adapter} view="set-password" purpose="invite" .token=${token}></portal-login>`);
    await ready(el);
    expect(q(el, '[data-heading]').textContent).to.equal('Set your password');
    expect(q(el, 'label[for="password"]').textContent).to.equal('New password');
    expect(q(el, '#password').getAttribute('autocomplete')).to.equal('new-password');
    type(el, 'password', 'short');
    button(el, 'Save password').click();
    await waitUntil(() => q(el, '#password-error')?.textContent === 'Use at least 10 characters.');
    const signedIn = new Promise<PortalSignedInEvent>((resolve) => el.addEventListener('portal-signed-in', resolve, { once: true }));
    type(el, 'password', 'lukas-new-password');
    button(el, 'Save password').click();
    expect((await signedIn).detail.session.user.email).to.equal('lukas@nordlicht.example');
    const again = await fixture<PortalLogin>(html`<portal-login .adapter=${adapter} view="set-password" purpose="invite" .token=${token}></portal-login>`);
    await ready(again);
    type(again, 'password', 'another-password-1');
    button(again, 'Save password').click();
    await waitUntil(() => q(again, '.form-error')?.textContent === 'This link is invalid or has expired.');
    await expect(again).to.be.accessible();
  });

  it('shows "Check your email" after registering when the portal confirms addresses, the same for a new and a known address', async () => {
    const world = demoWorld();
    world.settings.access = { ...world.settings.access, mode: 'self-registration', registrationConfirmation: 'email' };
    const adapter = new MemoryAdapter({ world });
    const texts: string[] = [];
    for (const email of ['nina@new.example', DEMO_SIGN_IN.email]) {
      const el = await mount(adapter, 'register');
      let signedIn = false;
      el.addEventListener('portal-signed-in', () => { signedIn = true; });
      type(el, 'name', 'Nina Neu');
      type(el, 'email', email);
      type(el, 'password', 'a-long-password');
      q<HTMLInputElement>(el, '#consent').click();
      button(el, 'Register').click();
      await waitUntil(() => q(el, '[data-heading]').textContent === 'Check your email', 'no "Check your email"');
      const text = q(el, '[data-heading] + p').textContent!;
      expect(text).to.equal(`We have sent an email to ${email} with the next step. Open the link in it to continue; it works once.`);
      texts.push(text.replace(email, '…'));
      expect(signedIn).to.be.false;
      await expect(el).to.be.accessible();
    }
    expect(texts[0]).to.equal(texts[1]);
    // Signing in before confirming says what is missing (not "wrong password", not the access-denied page).
    const el = await mount(adapter);
    type(el, 'email', 'nina@new.example');
    type(el, 'password', 'a-long-password');
    button(el, 'Sign in').click();
    await waitUntil(() => q(el, '.form-error'), 'no message');
    expect(q(el, '.form-error').textContent).to.equal('Confirm your email address first: open the link in the email we sent you when you registered.');
    expect(q(el, '[data-heading]').textContent).to.equal('Sign in');
    await expect(el).to.be.accessible();
  });

  it('says "Check your email" after registering in every shipped language', async () => {
    const world = demoWorld();
    world.settings.access = { ...world.settings.access, mode: 'self-registration', registrationConfirmation: 'email' };
    const expected: Record<string, string> = {
      de: 'Wir haben eine E-Mail mit dem nächsten Schritt an x@new.example gesendet.', ja: 'x@new.example に次の手順を記載したメールを送信しました。', ar: 'أرسلنا رسالة بالخطوة التالية إلى x@new.example.',
    };
    for (const locale of ['de', 'sv', 'da', 'fr', 'es', 'nl', 'it', 'pt', 'pl', 'ja', 'ar']) {
      const el = await fixture<PortalLogin>(html`<portal-login locale=${locale} view="register" .adapter=${new MemoryAdapter({ world: structuredClone(world) })}></portal-login>`);
      await ready(el);
      await waitUntil(() => q(el, '[data-heading]').textContent !== 'Register', `not ${locale}`);
      type(el, 'name', 'X');
      type(el, 'email', 'x@new.example');
      type(el, 'password', 'a-long-password');
      q<HTMLInputElement>(el, '#consent').click();
      el.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
      await waitUntil(() => el.shadowRoot!.querySelector('[data-heading] + p')?.textContent?.includes('x@new.example'), `no "check your email" in ${locale}`);
      const text = q(el, '[data-heading] + p').textContent!;
      expect(text, locale).not.to.contain('We have sent');
      if (expected[locale]) expect(text.startsWith(expected[locale]), `${locale}: ${text}`).to.be.true;
    }
  });

  it('speaks the language of its locale attribute, or of the page', async () => {
    try {
      const el = await fixture<PortalLogin>(html`<portal-login locale="de" .adapter=${new MemoryAdapter()}></portal-login>`);
      await ready(el);
      await waitUntil(() => q(el, '[data-heading]').textContent === 'Anmelden', 'not German');
      expect(q(el, 'label[for="password"]').textContent).to.equal('Passwort');
      expect(button(el, 'Passwort vergessen?')).to.exist;
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="da"><portal-login .adapter=${new MemoryAdapter()}></portal-login></div>`);
      const da = wrapper.querySelector('portal-login')!;
      await waitUntil(() => da.shadowRoot!.querySelector('[data-heading]')?.textContent === 'Log ind', 'not Danish');
    } finally {
      await setPortalLocale('en');
    }
  });
});

describe('portal-login with the keyboard only', () => {
  before(() => setPortalLocale('en'));

  it('signs in by typing and pressing Enter, and reaches every control with Tab', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    const el = await mount();
    q(el, '#email').focus();
    await sendKeys({ type: DEMO_SIGN_IN.email });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('password');
    await sendKeys({ type: DEMO_SIGN_IN.password });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Sign in');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Forgot password?');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Register here');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => q(el, '[data-heading]').textContent === 'Register');
    expect(el.shadowRoot!.activeElement).to.equal(q(el, '[data-heading]'));
    button(el, 'Back to sign in').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => q(el, '[data-heading]').textContent === 'Sign in');
    const signedIn = new Promise<PortalSignedInEvent>((resolve) => el.addEventListener('portal-signed-in', resolve, { once: true }));
    expect(q<HTMLInputElement>(el, '#password').value, 'typed values survive switching forms').to.equal(DEMO_SIGN_IN.password);
    q(el, '#password').focus();
    await sendKeys({ press: 'Enter' });
    expect((await signedIn).detail.session.user.email).to.equal(DEMO_SIGN_IN.email);
  });
});
