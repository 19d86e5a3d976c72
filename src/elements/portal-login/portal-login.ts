import { loadCatalogue, msg, str } from '../../internal/messages.js';
import { html, nothing, type PropertyValues } from 'lit';
import { PortalElement } from '../../internal/portal-element.js';
import { property, state } from 'lit/decorators.js';
import { html as staticHtml } from 'lit/static-html.js';
import type { PortalAdapter } from '../../contract/adapter.js';
import { ForbiddenError, NetworkError, RateLimitedError, UnauthenticatedError, ValidationError } from '../../contract/errors.js';
import type { Session } from '../../contract/session.js';
import type { PublicSettings } from '../../contract/settings.js';
import { PortalContextController } from '../../internal/portal-context.js';
import { tagsFor } from '../../internal/tag-names.js';
import { PortalSignedInEvent } from '../../internal/events.js';
import { renderField } from '../../internal/form-field.js';
import { headingTag } from '../../internal/heading.js';
import { LiveRegionController } from '../../internal/live-region.js';
import { ssoHref } from '../../internal/sso.js';
import { directionOf, resolveLocale } from '../../internal/localization.js';
import { applySettingsAccent } from '../../internal/accent.js';
import {
  consentError, emailError, invalidLinkMessage, localizeServerFieldError, nameError, newPasswordError, passwordError,
  rateLimitedText,
} from './login-messages.js';
import { styles } from './portal-login.styles.js';
import { renderLoadError, renderLoading } from './login-states.js';

export type LoginView = 'sign-in' | 'register' | 'forgot' | 'link' | 'sent' | 'set-password' | 'denied';
type Values = { name: string; email: string; password: string; consent: boolean };

/**
 * Every way into the portal: email and password, self-registration with the admin's consent text, "Forgot
 * password?", one-time sign-in links, single sign-on, setting a password from an invitation or reset link, and
 * the access-denied page. The server decides who gets in; this element asks and explains.
 *
 * @tag portal-login
 * @summary Sign-in, registration and password forms of the portal.
 *
 * @fires portal-signed-in - A session started; `detail.session` says who.
 *
 * @csspart base - The box around the current form.
 * @csspart form - The form element.
 * @csspart submit-button - The form's main button.
 *
 * @cssprop --portal-color-accent - Buttons and links.
 * @cssprop --portal-color-danger - Error messages and invalid fields.
 * @cssprop --portal-login-max-width - Width of the forms (default 30rem).
 */
export class PortalLogin extends PortalElement {
  static override styles = styles;

  /** The form to show first. The portal sets it from the route (`#/reset?token=…`, `#/invite?token=…`). */
  @property({ reflect: true }) view: LoginView = 'sign-in';
  /** Token of an invitation or password-reset link (with `view="set-password"`). */
  @property() token = '';
  /** Whether the set-password form finishes an invitation or a password reset. */
  @property() purpose: 'invite' | 'reset' = 'reset';
  /** A message shown above the form, e.g. why the customer was signed out. */
  @property() notice = '';
  /** Level of the form heading. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** The backend, when the element is used without a `<customer-portal>` around it. */
  @property({ attribute: false }) adapter?: PortalAdapter;
  /** Language when used on its own (inside `<customer-portal>` the portal decides), as `<customer-portal locale>`. */
  @property() override locale = '';
  /** The address the "Check your email" page names (set by the element's own forms). */
  @property() email = '';


  @state() private values: Values = { name: '', email: '', password: '', consent: false };
  @state() private errors: Partial<Record<keyof Values | 'token', string>> = {};
  @state() private formError = '';
  /** What led to "Check your email": a registration (new or known address alike) or a request for a link. */
  @state() private sentAfter: 'register' | 'request' = 'request';
  @state() private busy = false;
  @state() private retryAt = 0;
  @state() private now = Date.now();

  readonly #live = new LiveRegionController(this);
  #focusHeading = false;
  #countdown: ReturnType<typeof setInterval> | undefined;

  /** Inside `<customer-portal>` its settings and services; on its own, settings loaded through `adapter`. */
  readonly #portal = new PortalContextController(this, {
    session: false,
    locale: () => this.locale || this.closest('[lang]')?.getAttribute('lang') || '',
    onStandaloneSettings: async (settings, requested) => {
      if (!settings && requested) await loadCatalogue(resolveLocale(requested));
      if (settings && !requested) {
        this.localization.fallback = settings.defaultLocale;
        await loadCatalogue(this.localization.locale);
      }
    },
  });

  get #adapter() {
    return this.#portal.adapter;
  }

  private get services() {
    return this.#portal.services;
  }

  /** Settings from the surrounding portal (undefined when standing alone). */
  private get contextSettings() {
    return this.#portal.inPortal ? this.#portal.settings : undefined;
  }

  get #settingsTask() {
    return this.#portal.standalone;
  }

  #announce(message: string) {
    if (this.services) this.services.announce(message);
    else this.#live.announce(message);
  }

  #show(view: LoginView) {
    this.view = view;
    this.errors = {};
    this.formError = '';
    this.#focusHeading = true;
  }

  protected override willUpdate(changed: PropertyValues) {
    if (changed.has('retryAt') || changed.has('now')) {
      if (this.retryAt > this.now && !this.#countdown) this.#countdown = setInterval(() => { this.now = Date.now(); }, 1000);
      if (this.retryAt <= this.now && this.#countdown) {
        clearInterval(this.#countdown);
        this.#countdown = undefined;
      }
    }
  }

  protected override updated() {
    // On its own, the element carries the admin's accent on its host (inside a portal, the portal does).
    if (!this.contextSettings) applySettingsAccent(this, this.#settingsTask.value?.theme.accentColor);
    if (this.#focusHeading) {
      this.#focusHeading = false;
      this.renderRoot.querySelector<HTMLElement>('[data-heading]')?.focus();
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.#countdown);
    this.#countdown = undefined;
  }

  #set<K extends keyof Values>(key: K, value: Values[K]) {
    this.values = { ...this.values, [key]: value };
    if (this.errors[key]) this.errors = { ...this.errors, [key]: undefined };
  }

  /** Shows field errors, announces the first, and moves focus to the first bad field. Returns whether all is well. */
  async #check(errors: Partial<Record<keyof Values | 'token', string | undefined>>, order: (keyof Values)[]): Promise<boolean> {
    const bad = order.filter((field) => errors[field]);
    this.errors = Object.fromEntries(Object.entries(errors).filter(([, v]) => v)) as typeof this.errors;
    if (bad.length === 0) return true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${bad[0]}`)?.focus();
    this.#announce(errors[bad[0]] ?? '');
    return false;
  }

  /** Runs a sign-in call; on success the portal takes the session, on failure the user learns why. */
  async #attempt(call: (adapter: PortalAdapter) => Promise<Session | { status: string } | void>, onDone?: (result: unknown) => void) {
    const adapter = this.#adapter;
    if (!adapter || this.busy) return;
    this.busy = true;
    this.formError = '';
    try {
      const result = await call(adapter);
      if (result && 'user' in result) {
        this.values = { ...this.values, password: '' };
        this.services?.setSession(result);
        this.dispatchEvent(new PortalSignedInEvent({ session: result }));
      } else {
        this.localization.speak();
        onDone?.(result);
      }
    } catch (error) {
      await this.#explain(error);
    } finally {
      this.busy = false;
    }
  }

  async #explain(error: unknown) {
    this.localization.speak();
    if (error instanceof ForbiddenError && error.reason !== 'unconfirmed' && (this.view === 'sign-in' || this.view === 'set-password')) {
      this.#show('denied');
      this.#announce(msg("You don't have access to this portal", { id: 'login.denied-heading' }));
      return;
    }
    if (error instanceof RateLimitedError) {
      this.now = Date.now();
      this.retryAt = this.now + error.retryAfterSeconds * 1000;
      this.formError = rateLimitedText(error.retryAfterSeconds);
    } else if (error instanceof ValidationError && error.fieldErrors.length > 0) {
      const errors = Object.fromEntries(error.fieldErrors.map((f) => [f.field, localizeServerFieldError(f.field, f.message)]));
      if (errors.token) this.formError = invalidLinkMessage();
      await this.#check(errors, ['name', 'email', 'password', 'consent']);
      if (!errors.token) return;
    } else if (error instanceof UnauthenticatedError) {
      this.values = { ...this.values, password: '' };
      this.formError = msg('Wrong email or password.', { id: 'login.wrong-credentials' });
    } else if (error instanceof ForbiddenError && error.reason === 'unconfirmed') {
      this.values = { ...this.values, password: '' };
      this.formError = msg('Confirm your email address first: open the link in the email we sent you when you registered.', { id: 'login.unconfirmed' });
    } else if (error instanceof ForbiddenError) {
      this.formError = msg('This is not possible for this portal.', { id: 'login.forbidden' });
    } else if (error instanceof NetworkError) {
      this.formError = msg('We could not reach the portal. Check your connection and try again.', { id: 'portal.unreachable' });
    } else {
      this.formError = msg('Something went wrong. Please try again.', { id: 'login.failed' });
    }
    this.#announce(this.formError);
    await this.updateComplete;
    const target = this.view === 'sign-in' && error instanceof UnauthenticatedError ? '#password' : '.form-error';
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  #signIn = async (event: SubmitEvent) => {
    event.preventDefault();
    const { email, password } = this.values;
    if (!(await this.#check({ email: emailError(email), password: passwordError(password) }, ['email', 'password']))) return;
    await this.#attempt((a) => a.signIn({ email: email.trim(), password }));
  };

  #register = async (event: SubmitEvent) => {
    event.preventDefault();
    const { name, email, password, consent } = this.values;
    const errors = { name: nameError(name), email: emailError(email), password: newPasswordError(password), consent: consentError(consent) };
    if (!(await this.#check(errors, ['name', 'email', 'password', 'consent']))) return;
    await this.#attempt(
      (a) => a.register({ name: name.trim(), email: email.trim(), password, consent: true }),
      () => this.#sent(email.trim(), 'register'),
    );
  };

  #requestEmail = (kind: 'forgot' | 'link') => async (event: SubmitEvent) => {
    event.preventDefault();
    const email = this.values.email.trim();
    if (!(await this.#check({ email: emailError(email) }, ['email']))) return;
    await this.#attempt(
      (a) => (kind === 'forgot' ? a.requestPasswordReset(email) : a.requestSignInLink(email)),
      () => this.#sent(email),
    );
  };

  #sent(email: string, after: 'register' | 'request' = 'request') {
    this.email = email;
    this.sentAfter = after;
    this.#show('sent');
  }

  #setPassword = async (event: SubmitEvent) => {
    event.preventDefault();
    const { password } = this.values;
    if (!(await this.#check({ password: newPasswordError(password) }, ['password']))) return;
    const input = { token: this.token, password };
    await this.#attempt((a) => (this.purpose === 'invite' ? a.acceptInvitation(input) : a.resetPassword(input)));
  };

  #heading(text: string) {
    const tag = headingTag(this.headingLevel);
    return staticHtml`<${tag} data-heading tabindex="-1">${text}</${tag}>`;
  }

  #formError() {
    return this.formError ? html`<p class="form-error" tabindex="-1">${this.formError}</p>` : nothing;
  }

  #submit(label: string) {
    const waiting = this.retryAt > this.now;
    return html`<button class="primary" part="submit-button" type="submit" ?disabled=${this.busy || waiting} aria-busy=${this.busy ? 'true' : 'false'}>${label}</button>`;
  }

  #link(label: string, view: LoginView) {
    return html`<button class="link-button" type="button" @click=${() => this.#show(view)}>${label}</button>`;
  }

  #email(autocomplete = 'username') {
    return renderField({
      name: 'email', label: msg('Email', { id: 'login.email' }), type: 'email', value: this.values.email,
      autocomplete, error: this.errors.email, onInput: (v) => this.#set('email', v),
    });
  }

  protected override render() {
    // On its own, the element speaks (and writes in the direction of) the language it loaded.
    const locale = this.contextSettings ? undefined : this.portalLocale;
    return html`
      <div part="base" lang=${locale ?? nothing} dir=${locale ? directionOf(locale) : nothing}>
        ${this.notice ? html`<p class="notice">${this.notice}</p>` : nothing}
        ${this.contextSettings
          ? this.#renderView(this.contextSettings)
          : this.#settingsTask.render({
            initial: () => renderLoading(),
            pending: () => (this.#settingsTask.value ? this.#renderView(this.#settingsTask.value) : renderLoading()),
            complete: (settings) => (settings ? this.#renderView(settings) : renderLoading()),
            error: (error) => renderLoadError(error, () => this.#settingsTask.run()),
          })}
      </div>
      ${this.services ? nothing : this.#live.render()}
    `;
  }

  #renderView(settings: PublicSettings) {
    switch (this.view) {
      case 'register': return this.#renderRegister(settings);
      case 'forgot': return this.#renderEmailOnly(msg('Reset your password', { id: 'login.forgot-heading' }), msg('We will email you a link to choose a new password.', { id: 'login.forgot-hint' }), msg('Send reset link', { id: 'login.forgot-submit' }), this.#requestEmail('forgot'));
      case 'link': return this.#renderEmailOnly(msg('Get a sign-in link', { id: 'login.link-heading' }), msg('We will email you a link that signs you in once.', { id: 'login.link-hint' }), msg('Email me a sign-in link', { id: 'login.link' }), this.#requestEmail('link'));
      case 'sent': return this.#renderSent();
      case 'set-password': return this.#renderSetPassword();
      case 'denied': return this.#renderDenied();
      default: return this.#renderSignIn(settings);
    }
  }

  #renderSignIn(settings: PublicSettings) {
    const { auth } = settings;
    return html`
      ${this.#heading(msg('Sign in', { id: 'login.sign-in' }))}
      ${auth.password
        ? html`<form part="form" novalidate @submit=${this.#signIn}>
            ${this.#formError()} ${this.#email()}
            ${renderField({ name: 'password', label: msg('Password', { id: 'login.password' }), type: 'password', value: this.values.password, autocomplete: 'current-password', error: this.errors.password, onInput: (v) => this.#set('password', v) })}
            <div class="actions">${this.#submit(msg('Sign in', { id: 'login.sign-in' }))} ${this.#link(msg('Forgot password?', { id: 'login.forgot' }), 'forgot')}</div>
          </form>`
        : nothing}
      ${auth.selfRegistration || auth.magicLink || auth.sso
        ? html`<div class="alternatives">
            ${auth.selfRegistration ? html`<p>${msg('New here?', { id: 'login.new-here' })} ${this.#link(msg('Register here', { id: 'login.register-here' }), 'register')}</p>` : nothing}
            ${auth.magicLink ? this.#link(msg('Email me a sign-in link', { id: 'login.link' }), 'link') : nothing}
            ${auth.sso && ssoHref(auth.sso.startUrl, location.href) ? html`<a class="sso" href=${ssoHref(auth.sso.startUrl, location.href)!}>${msg(str`Sign in with ${auth.sso.label}`, { id: 'login.sso' })}</a>` : nothing}
          </div>`
        : nothing}
    `;
  }

  #renderRegister(settings: PublicSettings) {
    const consentLabel = settings.consent.checkboxLabel || msg('I agree', { id: 'login.consent-default' });
    return html`
      ${this.#heading(msg('Register', { id: 'login.register' }))}
      <form part="form" novalidate @submit=${this.#register}>
        ${this.#formError()}
        ${renderField({ name: 'name', label: msg('Name', { id: 'login.name' }), type: 'text', value: this.values.name, autocomplete: 'name', error: this.errors.name, onInput: (v) => this.#set('name', v) })}
        ${this.#email('email')}
        ${renderField({ name: 'password', label: msg('Password', { id: 'login.password' }), type: 'password', value: this.values.password, autocomplete: 'new-password', hint: msg('At least 10 characters.', { id: 'login.password-hint' }), error: this.errors.password, onInput: (v) => this.#set('password', v) })}
        ${settings.consent.text ? staticHtml`<${tagsFor(this)['portal-consent-text']} class="consent-text" id="consent-text" .text=${settings.consent.text}></${tagsFor(this)['portal-consent-text']}>` : nothing}
        <div class="field">
          <div class="checkbox">
            <input id="consent" type="checkbox" required .checked=${this.values.consent}
              aria-invalid=${this.errors.consent ? 'true' : 'false'}
              aria-describedby=${[settings.consent.text ? 'consent-text' : '', this.errors.consent ? 'consent-error' : ''].filter(Boolean).join(' ') || nothing}
              @change=${(e: Event) => this.#set('consent', (e.target as HTMLInputElement).checked)} />
            <label for="consent">${consentLabel}</label>
          </div>
          ${this.errors.consent ? html`<p class="field-error" id="consent-error">${this.errors.consent}</p>` : nothing}
        </div>
        <div class="actions">${this.#submit(msg('Register', { id: 'login.register' }))} ${this.#link(msg('Back to sign in', { id: 'login.back' }), 'sign-in')}</div>
      </form>
    `;
  }

  #renderEmailOnly(heading: string, hint: string, submit: string, onSubmit: (e: SubmitEvent) => void) {
    return html`
      ${this.#heading(heading)}
      <p>${hint}</p>
      <form part="form" novalidate @submit=${onSubmit}>
        ${this.#formError()} ${this.#email()}
        <div class="actions">${this.#submit(submit)} ${this.#link(msg('Back to sign in', { id: 'login.back' }), 'sign-in')}</div>
      </form>
    `;
  }

  #renderSent() {
    return html`
      ${this.#heading(msg('Check your email', { id: 'login.sent-heading' }))}
      <p>${this.sentAfter === 'register' && this.email
        ? msg(str`We have sent an email to ${this.email} with the next step. Open the link in it to continue; it works once.`, { id: 'login.register-sent' })
        : this.email
        ? msg(str`If ${this.email} belongs to an account of this portal, we have sent an email with the next step. The link in it works once.`, { id: 'login.sent' })
        : msg('If the address belongs to an account of this portal, we have sent an email with the next step. The link in it works once.', { id: 'login.sent-generic' })}</p>
      <div class="actions">${this.#link(msg('Back to sign in', { id: 'login.back' }), 'sign-in')}</div>
    `;
  }

  #renderSetPassword() {
    const heading = this.purpose === 'invite'
      ? msg('Set your password', { id: 'login.invite-heading' })
      : msg('Choose a new password', { id: 'login.reset-heading' });
    return html`
      ${this.#heading(heading)}
      <form part="form" novalidate @submit=${this.#setPassword}>
        ${this.#formError()}
        ${renderField({ name: 'password', label: msg('New password', { id: 'login.new-password' }), type: 'password', value: this.values.password, autocomplete: 'new-password', hint: msg('At least 10 characters.', { id: 'login.password-hint' }), error: this.errors.password, onInput: (v) => this.#set('password', v) })}
        <div class="actions">${this.#submit(msg('Save password', { id: 'login.save-password' }))}</div>
        ${this.formError === invalidLinkMessage() ? this.#link(msg('Forgot password?', { id: 'login.forgot' }), 'forgot') : nothing}
      </form>
    `;
  }

  #renderDenied() {
    return html`
      ${this.#heading(msg("You don't have access to this portal", { id: 'login.denied-heading' }))}
      <p>${msg('Your account is not allowed to use this portal. If you think this is a mistake, contact the company that runs it.', { id: 'login.denied' })}</p>
      <div class="actions">${this.#link(msg('Back to sign in', { id: 'login.back' }), 'sign-in')}</div>
    `;
  }
}

