import { msg, str } from '../../internal/messages.js';
import { html, nothing } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import type { PublicSettings } from '../../contract/settings.js';
import { renderField } from '../../internal/form-field.js';
import { headingTag } from '../../internal/heading.js';
import { ssoHref } from '../../internal/sso.js';
import type { Tags } from '../../internal/tag-names.js';
import { invalidLinkMessage } from './login-messages.js';

export type LoginView = 'sign-in' | 'register' | 'forgot' | 'link' | 'sent' | 'set-password' | 'denied';
export type LoginValues = { name: string; email: string; password: string; consent: boolean };

/** What the sign-in element's forms show and what their controls do. */
export interface LoginForms {
  view: LoginView;
  purpose: 'invite' | 'reset';
  /** The address the "Check your email" page names. */
  email: string;
  /** What led to "Check your email": a registration or a request for a link. */
  sentAfter: 'register' | 'request';
  values: LoginValues;
  errors: Partial<Record<keyof LoginValues | 'token', string>>;
  formError: string;
  busy: boolean;
  /** Too many attempts: the submit button waits until the server allows the next. */
  waiting: boolean;
  headingLevel: number;
  tags: Tags;
  set<K extends keyof LoginValues>(key: K, value: LoginValues[K]): void;
  show(view: LoginView): void;
  onSignIn(event: SubmitEvent): void;
  onRegister(event: SubmitEvent): void;
  onRequestEmail(kind: 'forgot' | 'link'): (event: SubmitEvent) => void;
  onSetPassword(event: SubmitEvent): void;
}

function heading(f: LoginForms, text: string) {
  const tag = headingTag(f.headingLevel);
  return staticHtml`<${tag} data-heading tabindex="-1">${text}</${tag}>`;
}

function formError(f: LoginForms) {
  return f.formError ? html`<p class="form-error" tabindex="-1">${f.formError}</p>` : nothing;
}

function submit(f: LoginForms, label: string) {
  const waiting = f.waiting;
  return html`<button class="primary" part="submit-button" type="submit" ?disabled=${f.busy || waiting} aria-busy=${f.busy ? 'true' : 'false'}>${label}</button>`;
}

function link(f: LoginForms, label: string, view: LoginView) {
  return html`<button class="link-button" type="button" @click=${() => f.show(view)}>${label}</button>`;
}

function email(f: LoginForms, autocomplete = 'username') {
  return renderField({
    name: 'email', label: msg('Email', { id: 'login.email' }), type: 'email', value: f.values.email,
    autocomplete, error: f.errors.email, onInput: (v) => f.set('email', v),
  });
}

/** The current form of the sign-in element. */
export function renderLoginView(f: LoginForms, settings: PublicSettings) {
  switch (f.view) {
    case 'register': return renderRegister(f, settings);
    case 'forgot': return renderEmailOnly(f, msg('Reset your password', { id: 'login.forgot-heading' }), msg('We will email you a link to choose a new password.', { id: 'login.forgot-hint' }), msg('Send reset link', { id: 'login.forgot-submit' }), f.onRequestEmail('forgot'));
    case 'link': return renderEmailOnly(f, msg('Get a sign-in link', { id: 'login.link-heading' }), msg('We will email you a link that signs you in once.', { id: 'login.link-hint' }), msg('Email me a sign-in link', { id: 'login.link' }), f.onRequestEmail('link'));
    case 'sent': return renderSent(f);
    case 'set-password': return renderSetPassword(f);
    case 'denied': return renderDenied(f);
    default: return renderSignIn(f, settings);
  }
}

function renderSignIn(f: LoginForms, settings: PublicSettings) {
  const { auth } = settings;
  return html`
    ${heading(f, msg('Sign in', { id: 'login.sign-in' }))}
    ${auth.password
      ? html`<form part="form" novalidate @submit=${f.onSignIn}>
          ${formError(f)} ${email(f)}
          ${renderField({ name: 'password', label: msg('Password', { id: 'login.password' }), type: 'password', value: f.values.password, autocomplete: 'current-password', error: f.errors.password, onInput: (v) => f.set('password', v) })}
          <div class="actions">${submit(f, msg('Sign in', { id: 'login.sign-in' }))} ${link(f, msg('Forgot password?', { id: 'login.forgot' }), 'forgot')}</div>
        </form>`
      : nothing}
    ${auth.selfRegistration || auth.magicLink || auth.sso
      ? html`<div class="alternatives">
          ${auth.selfRegistration ? html`<p>${msg('New here?', { id: 'login.new-here' })} ${link(f, msg('Register here', { id: 'login.register-here' }), 'register')}</p>` : nothing}
          ${auth.magicLink ? link(f, msg('Email me a sign-in link', { id: 'login.link' }), 'link') : nothing}
          ${auth.sso && ssoHref(auth.sso.startUrl, location.href) ? html`<a class="sso button-look" href=${ssoHref(auth.sso.startUrl, location.href)!}>${msg(str`Sign in with ${auth.sso.label}`, { id: 'login.sso' })}</a>` : nothing}
        </div>`
      : nothing}
  `;
}

function renderRegister(f: LoginForms, settings: PublicSettings) {
  const consentLabel = settings.consent.checkboxLabel || msg('I agree', { id: 'login.consent-default' });
  return html`
    ${heading(f, msg('Register', { id: 'login.register' }))}
    <form part="form" novalidate @submit=${f.onRegister}>
      ${formError(f)}
      ${renderField({ name: 'name', label: msg('Name', { id: 'login.name' }), type: 'text', value: f.values.name, autocomplete: 'name', error: f.errors.name, onInput: (v) => f.set('name', v) })}
      ${email(f, 'email')}
      ${renderField({ name: 'password', label: msg('Password', { id: 'login.password' }), type: 'password', value: f.values.password, autocomplete: 'new-password', hint: msg('At least 10 characters.', { id: 'login.password-hint' }), error: f.errors.password, onInput: (v) => f.set('password', v) })}
      ${settings.consent.text ? staticHtml`<${f.tags['portal-consent-text']} class="consent-text" id="consent-text" .text=${settings.consent.text}></${f.tags['portal-consent-text']}>` : nothing}
      <div class="field">
        <div class="checkbox">
          <input id="consent" type="checkbox" required .checked=${f.values.consent}
            aria-invalid=${f.errors.consent ? 'true' : 'false'}
            aria-describedby=${[settings.consent.text ? 'consent-text' : '', f.errors.consent ? 'consent-error' : ''].filter(Boolean).join(' ') || nothing}
            @change=${(e: Event) => f.set('consent', (e.target as HTMLInputElement).checked)} />
          <label for="consent">${consentLabel}</label>
        </div>
        ${f.errors.consent ? html`<p class="field-error" id="consent-error">${f.errors.consent}</p>` : nothing}
      </div>
      <div class="actions">${submit(f, msg('Register', { id: 'login.register' }))} ${link(f, msg('Back to sign in', { id: 'login.back' }), 'sign-in')}</div>
    </form>
  `;
}

function renderEmailOnly(f: LoginForms, title: string, hint: string, submitLabel: string, onSubmit: (e: SubmitEvent) => void) {
  return html`
    ${heading(f, title)}
    <p>${hint}</p>
    <form part="form" novalidate @submit=${onSubmit}>
      ${formError(f)} ${email(f)}
      <div class="actions">${submit(f, submitLabel)} ${link(f, msg('Back to sign in', { id: 'login.back' }), 'sign-in')}</div>
    </form>
  `;
}

function renderSent(f: LoginForms) {
  return html`
    ${heading(f, msg('Check your email', { id: 'login.sent-heading' }))}
    <p>${f.sentAfter === 'register' && f.email
      ? msg(str`We have sent an email to ${f.email} with the next step. Open the link in it to continue; it works once.`, { id: 'login.register-sent' })
      : f.email
      ? msg(str`If ${f.email} belongs to an account of this portal, we have sent an email with the next step. The link in it works once.`, { id: 'login.sent' })
      : msg('If the address belongs to an account of this portal, we have sent an email with the next step. The link in it works once.', { id: 'login.sent-generic' })}</p>
    <div class="actions">${link(f, msg('Back to sign in', { id: 'login.back' }), 'sign-in')}</div>
  `;
}

function renderSetPassword(f: LoginForms) {
  const title = f.purpose === 'invite'
    ? msg('Set your password', { id: 'login.invite-heading' })
    : msg('Choose a new password', { id: 'login.reset-heading' });
  return html`
    ${heading(f, title)}
    <form part="form" novalidate @submit=${f.onSetPassword}>
      ${formError(f)}
      ${renderField({ name: 'password', label: msg('New password', { id: 'login.new-password' }), type: 'password', value: f.values.password, autocomplete: 'new-password', hint: msg('At least 10 characters.', { id: 'login.password-hint' }), error: f.errors.password, onInput: (v) => f.set('password', v) })}
      <div class="actions">${submit(f, msg('Save password', { id: 'login.save-password' }))}</div>
      ${f.formError === invalidLinkMessage() ? link(f, msg('Forgot password?', { id: 'login.forgot' }), 'forgot') : nothing}
    </form>
  `;
}

function renderDenied(f: LoginForms) {
  return html`
    ${heading(f, msg("You don't have access to this portal", { id: 'login.denied-heading' }))}
    <p>${msg('Your account is not allowed to use this portal. If you think this is a mistake, contact the company that runs it.', { id: 'login.denied' })}</p>
    <div class="actions">${link(f, msg('Back to sign in', { id: 'login.back' }), 'sign-in')}</div>
  `;
}
