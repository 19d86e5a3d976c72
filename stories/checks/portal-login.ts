import type { PortalSignedInEvent } from '../../src/internal/events.js';
import { whenHeld } from '../support/adapters.js';
import { CONSENT_WITH_LINK, IDLE_NOTICE, LINK_CONTACT, SSO_LABEL } from '../support/login.js';
import { buttonIn, checked, expect, nextEvent, shadow, text, waitUntil } from './play.js';

/** Checks of the `<portal-login>` stories (`stories/portal-login.stories.ts`). */

/** Its form (or page) heading. */
const heading = (el: Element) => shadow(el).querySelector('[data-heading]')?.textContent?.trim();
const button = (el: Element, name: string) => buttonIn(shadow(el), name);
const typeInto = (el: Element, id: string, value: string) => {
  const input = shadow(el).querySelector<HTMLInputElement>(`#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
};

/** The settings arrived and a form (or page) heading is shown. */
export const loginSettled = (el: HTMLElement) => !!heading(el);

/** The set-password stories carry a valid link token: saving a new password signs the link's contact in. */
async function savesPasswordFromLink(el: HTMLElement) {
  expect(el.getAttribute('view')).to.equal('set-password');
  expect((el as HTMLElement & { token: string }).token, 'a link token').to.have.length.greaterThan(20);
  expect(shadow(el).querySelector('label[for="password"]')?.textContent).to.equal('New password');
  const signedIn = nextEvent<PortalSignedInEvent>(el, 'portal-signed-in');
  typeInto(el, 'password', 'a-new-password-2026');
  button(el, 'Save password')!.click();
  expect((await signedIn).detail.session.user.email).to.equal(LINK_CONTACT);
}

/** The sign-in form in a locale (the strings load asynchronously after the first render). */
const speaks = (lang: string, signIn: string, password: string, registerHere: string) => checked((el) => {
  expect(el.closest('[lang]')?.getAttribute('lang')).to.equal(lang);
  expect(shadow(el).querySelector('label[for="password"]')?.textContent).to.equal(password);
  expect(button(el, registerHere), `"${registerHere}"`).to.exist;
}, (el) => heading(el) === signIn);

export const checks = {
  SignIn: checked((el) => {
    expect(heading(el)).to.equal('Sign in');
    expect(shadow(el).querySelector('#email'), 'email field').to.exist;
    expect(shadow(el).querySelector('#password'), 'password field').to.exist;
    expect(button(el, 'Forgot password?')).to.exist;
    expect(button(el, 'Register here')).to.exist;
    expect(button(el, 'Email me a sign-in link'), 'no one-time links by default').to.be.undefined;
  }),

  // The consent text is sanitized asynchronously: wait for its link so axe sees it too.
  Register: checked((el) => {
    const link = shadow(el).querySelector('portal-consent-text')!.shadowRoot!.querySelector('a')!;
    expect(CONSENT_WITH_LINK).to.contain(link.getAttribute('href'));
    expect(link.getAttribute('target')).to.equal('_blank');
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(shadow(el).querySelector('label[for="consent"]')?.textContent).to.equal('I agree to the processing of my data');
    expect(shadow(el).querySelector('#consent')?.getAttribute('aria-describedby')).to.equal('consent-text');
  }, (el) => heading(el) === 'Register' && !!shadow(el).querySelector('portal-consent-text')?.shadowRoot?.querySelector('a')),

  RegisterConsentError: checked(async (el) => {
    expect(heading(el)).to.equal('Register');
    typeInto(el, 'name', 'Nina Neu');
    typeInto(el, 'email', 'nina@new.example');
    typeInto(el, 'password', 'a-long-password');
    button(el, 'Register')!.click();
    await waitUntil(() => shadow(el).querySelector('#consent-error'), 'no consent error');
    expect(shadow(el).querySelector('#consent-error')?.textContent).to.equal('Please agree to continue.');
    const box = shadow(el).querySelector('#consent')!;
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    expect(box.getAttribute('aria-describedby')).to.contain('consent-error');
    expect(shadow(el).activeElement, 'focus on the checkbox').to.equal(box);
    expect(shadow(el).querySelector<HTMLInputElement>('#name')?.value, 'keeps what was typed').to.equal('Nina Neu');
    await expect(el).to.be.accessible();
  }),

  Forgot: checked((el) => {
    expect(heading(el)).to.equal('Reset your password');
    expect(shadow(el).querySelector('#email')).to.exist;
    expect(shadow(el).querySelector('#password')).to.be.null;
    expect(button(el, 'Send reset link')).to.exist;
  }),

  SignInLink: checked(async (el) => {
    expect(heading(el)).to.equal('Sign in');
    button(el, 'Email me a sign-in link')!.click();
    await waitUntil(() => heading(el) === 'Get a sign-in link', 'no sign-in link form');
  }),

  EmailSent: checked((el) => {
    expect(heading(el)).to.equal('Check your email');
    expect(text(el)).to.contain('The link in it works once.');
    expect(button(el, 'Back to sign in')).to.exist;
  }),

  RegisterSent: checked((el) => {
    expect(heading(el)).to.equal('Check your email');
    expect(text(el)).to.contain('We have sent an email to nina@new.example with the next step. Open the link in it to continue; it works once.');
    expect(button(el, 'Back to sign in')).to.exist;
  }),

  Unconfirmed: checked(async (el) => {
    expect(heading(el)).to.equal('Register');
    typeInto(el, 'name', 'Nina Neu');
    typeInto(el, 'email', 'nina@new.example');
    typeInto(el, 'password', 'a-long-password');
    const consent = shadow(el).querySelector<HTMLInputElement>('#consent')!;
    consent.click();
    button(el, 'Register')!.click();
    await waitUntil(() => heading(el) === 'Check your email', 'no "Check your email" after registering');
    expect(text(el)).to.contain('We have sent an email to nina@new.example with the next step.');
    button(el, 'Back to sign in')!.click();
    await waitUntil(() => heading(el) === 'Sign in', 'not back at sign in');
    typeInto(el, 'email', 'nina@new.example');
    typeInto(el, 'password', 'a-long-password');
    button(el, 'Sign in')!.click();
    await waitUntil(() => shadow(el).querySelector('.form-error')?.textContent?.trim(), 'no refusal');
    expect(shadow(el).querySelector('.form-error')?.textContent?.trim())
      .to.equal('Confirm your email address first: open the link in the email we sent you when you registered.');
    expect(shadow(el).querySelector<HTMLInputElement>('#password')?.value, 'the password field is cleared').to.equal('');
    expect(shadow(el).querySelector<HTMLInputElement>('#email')?.value, 'keeps the address').to.equal('nina@new.example');
    await expect(el).to.be.accessible();
  }),

  SetPasswordInvite: checked(async (el) => {
    expect(heading(el)).to.equal('Set your password');
    await savesPasswordFromLink(el);
  }),

  SetPasswordReset: checked(async (el) => {
    expect(heading(el)).to.equal('Choose a new password');
    await savesPasswordFromLink(el);
  }),

  AccessDenied: checked((el) => {
    expect(heading(el)).to.equal("You don't have access to this portal");
    expect(shadow(el).querySelector('form')).to.be.null;
    expect(button(el, 'Back to sign in')).to.exist;
  }),

  AccessGroupsMode: checked((el) => {
    expect(heading(el)).to.equal('Sign in');
    expect(shadow(el).querySelector('#password')).to.exist;
    expect(button(el, 'Register here'), 'no self-registration').to.be.undefined;
    expect(text(el)).to.not.contain('New here?');
  }),

  SsoOnly: checked((el) => {
    const sso = [...shadow(el).querySelectorAll('a')].find((a) => a.textContent?.trim() === `Sign in with ${SSO_LABEL}`);
    expect(sso, `"Sign in with ${SSO_LABEL}"`).to.exist;
    expect(new URL(sso!.href).searchParams.get('return_to')).to.equal(location.href);
    expect(shadow(el).querySelector('#password'), 'no password field').to.be.null;
    expect(shadow(el).querySelector('form'), 'no password form').to.be.null;
    expect(button(el, 'Register here')).to.be.undefined;
  }),

  WithNotice: checked((el) => {
    expect(shadow(el).querySelector('.notice')?.textContent).to.equal(IDLE_NOTICE);
    expect(heading(el)).to.equal('Sign in');
  }),

  Loading: checked(async (el) => {
    // The settings request was made and never answers: after the element's next update it still waits.
    await whenHeld((el as HTMLElement & { adapter?: unknown }).adapter);
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(shadow(el).querySelector('[data-heading]'), 'no heading while the settings load').to.be.null;
    expect(shadow(el).querySelector('form')).to.be.null;
    expect(shadow(el).querySelector('[aria-busy="true"]')?.textContent).to.contain('Loading the portal');
    expect(el.getBoundingClientRect().height, 'space is reserved').to.be.greaterThan(200);
  }, (el) => !!el.shadowRoot),

  LoadError: checked(async (el) => {
    const alert = shadow(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('We could not reach the portal. Check your connection and try again.');
    buttonIn(alert, 'Try again')!.click();
    await waitUntil(() => heading(el) === 'Sign in', 'did not recover');
  }, (el) => !!el.shadowRoot?.querySelector('[role="alert"]')),

  Dark: checked((el) => {
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    // The element's text color follows `light-dark()` to its dark value.
    expect(getComputedStyle(el).color).to.equal('rgb(232, 234, 240)');
    expect(heading(el)).to.equal('Sign in');
  }),

  German: speaks('de', 'Anmelden', 'Passwort', 'Hier registrieren'),
  Swedish: speaks('sv', 'Logga in', 'Lösenord', 'Registrera dig här'),
  Danish: speaks('da', 'Log ind', 'Adgangskode', 'Registrer dig her'),
};
