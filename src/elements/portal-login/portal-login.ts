import { loadCatalogue, msg } from '../../internal/messages.js';
import { html, nothing, type PropertyValues } from 'lit';
import { PortalElement } from '../../internal/portal-element.js';
import { property, state } from 'lit/decorators.js';
import type { PortalAdapter } from '../../contract/adapter.js';
import { ForbiddenError, NetworkError, RateLimitedError, UnauthenticatedError, ValidationError } from '../../contract/errors.js';
import type { Session } from '../../contract/session.js';
import type { PublicSettings } from '../../contract/settings.js';
import { PortalContextController } from '../../internal/portal-context.js';
import { tagsFor } from '../../internal/tag-names.js';
import { PortalSignedInEvent } from '../../internal/events.js';
import { LiveRegionController } from '../../internal/live-region.js';
import { directionOf, resolveLocale } from '../../internal/localization.js';
import { applySettingsAccent } from '../../internal/accent.js';
import {
  consentError, emailError, invalidLinkMessage, localizeServerFieldError, nameError, newPasswordError, passwordError,
  rateLimitedText,
} from './login-messages.js';
import { styles } from './portal-login.styles.js';
import { renderLoadError, renderLoading } from './login-states.js';
import { renderLoginView, type LoginForms, type LoginValues, type LoginView } from './login-forms.js';

export type { LoginView };
type Values = LoginValues;

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
  /**
   * With `view="sent"`: what led to "Check your email" — `register` (a registration, new or known address alike,
   * whose email names `email`) or `request` (a reset or sign-in link). Set by the element's own forms.
   */
  @property({ attribute: 'sent-after' }) sentAfter: 'register' | 'request' = 'request';
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

  /** The forms' view of this element. */
  #forms(): LoginForms {
    return {
      view: this.view, purpose: this.purpose, email: this.email, sentAfter: this.sentAfter, values: this.values, errors: this.errors, formError: this.formError,
      busy: this.busy, waiting: this.retryAt > this.now, headingLevel: this.headingLevel, tags: tagsFor(this),
      set: (key, value) => this.#set(key, value), show: (view) => this.#show(view),
      onSignIn: this.#signIn, onRegister: this.#register, onRequestEmail: this.#requestEmail, onSetPassword: this.#setPassword,
    };
  }

  #renderView(settings: PublicSettings) {
    return renderLoginView(this.#forms(), settings);
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
}
