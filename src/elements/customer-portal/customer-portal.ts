import { provide } from '@lit/context';
import { msg } from '../../internal/messages.js';
import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { PortalElement } from '../../internal/portal-element.js';
import { property, state } from 'lit/decorators.js';
import { HttpAdapter } from '../../adapters/http-adapter.js';
import type { PortalAdapter } from '../../contract/adapter.js';
import { PortalError, UnauthenticatedError, UnavailableError } from '../../contract/errors.js';
import type { Session } from '../../contract/session.js';
import type { PublicSettings } from '../../contract/settings.js';
import { adapterContext, localeContext, servicesContext, sessionContext, settingsContext, type PortalServices } from '../../internal/context.js';
import { PortalErrorEvent, PortalReadyEvent, PortalSessionExpiringEvent, PortalSignedOutEvent } from '../../internal/events.js';
import { openSessionChannel } from '../../internal/session-channel.js';
import { clearDraftsOf } from '../../internal/drafts.js';
import { SessionTimerController } from '../../internal/session-timer.js';
import { tagsFor } from '../../internal/tag-names.js';
import { renderExpiryDialog } from './expiry-dialog.js';
import { applySettingsAccent } from '../../internal/accent.js';
import { exportParts } from '../../internal/parts.js';
import { layered } from '../../internal/layer.js';
import { signOutNotice, type SignOutReason } from './sign-out.js';
import { HashRouterController } from '../../internal/hash-router.js';
import { LiveRegionController } from '../../internal/live-region.js';
import { directionOf, resolveLocale } from '../../internal/localization.js';
import { loadCatalogue } from '../../internal/messages.js';
import type { Route } from '../../internal/router.js';
import { renderProblem, renderView } from './portal-views.js';
import { brandStyles, renderBrand, renderKnowledgeBaseLink } from './portal-brand.js';
import { signInNotice } from './sign-in-notice.js';
import { offeredLocale } from '../../internal/offered-locale.js';
import { styles } from './customer-portal.styles.js';
import { headingTag } from '../../internal/heading.js';
import { html as staticHtml } from 'lit/static-html.js';

/**
 * The whole support portal in one tag: loads the portal settings, provides adapter, settings and session to
 * nested portal elements, and shows the views (ticket list, ticket detail, support form) with in-portal
 * navigation through hash routes (`#/tickets`, `#/tickets/42`, `#/new`).
 *
 * @tag customer-portal
 * @summary Provider and shell of the customer support portal.
 *
 * @slot - Your own views instead of the built-in ones: place `<ticket-list>`, `<support-form>`, … inside.
 *   Only elements count; whitespace or text leaves the built-in views in place.
 *
 * @fires portal-ready - Settings are loaded; `detail.name` is the portal name.
 * @fires portal-error - Loading failed; `detail.error` is the typed error.
 * @fires portal-signed-out - The session ended: `detail.reason` is `sign-out`, `expired`, `other-tab`, `access-revoked`
 *   (the portal's access settings no longer admit the customer) or `ended` (the server ended it, e.g. signed out elsewhere).
 * @fires portal-session-expiring - The idle timeout is a minute away; the "Stay signed in" dialog is open.
 *
 * @csspart base - The portal's outer box.
 * @csspart header - The header with the portal name and the navigation.
 * @csspart title - The portal name heading.
 * @csspart nav - The portal navigation.
 * @csspart logo - The admin's logo in the title (`theme.logoUrl`; alt text = the portal name), in a fixed box.
 * @csspart knowledge-base-link - "Knowledge base" in the navigation (`knowledgeBaseUrl`).
 * @cssprop --customer-portal-logo-width - Width of the logo box (default 10rem).
 * @cssprop --customer-portal-logo-height - Height of the logo box (default 2.5rem).
 * @csspart view - The box around the current view.
 * @csspart sign-out-button - The "Sign out" button in the navigation.
 * @csspart expiry-dialog - The "Stay signed in" dialog.
 * @csspart login-base - `base` of the nested `<portal-login>`.
 * @csspart login-form - `form` of the nested `<portal-login>`.
 * @csspart login-submit-button - `submit-button` of the nested `<portal-login>`.
 * @csspart list-base - `base` of the nested `<ticket-list>`.
 * @csspart list-toolbar - `toolbar` of the nested `<ticket-list>`.
 * @csspart list-filters - `filters` of the nested `<ticket-list>`.
 * @csspart list-filters-button - `filters-button` of the nested `<ticket-list>`.
 * @csspart list-table - `table` of the nested `<ticket-list>`.
 * @csspart list-row - `row` of the nested `<ticket-list>`.
 * @csspart list-pager - `pager` of the nested `<ticket-list>`.
 * @csspart list-page-button - `page-button` of the nested `<ticket-list>`.
 * @csspart list-export-button - `export-button` of the nested `<ticket-list>`.
 * @csspart list-submit-link - `submit-link` of the nested `<ticket-list>`.
 * @csspart list-empty - `empty` of the nested `<ticket-list>`.
 * @csspart list-switcher-base - `switcher-base` of the nested `<ticket-list>`.
 * @csspart list-switcher-option - `switcher-option` of the nested `<ticket-list>`.
 * @csspart detail-base - `base` of the nested `<ticket-detail>`.
 * @csspart detail-header - `header` of the nested `<ticket-detail>`.
 * @csspart detail-subject - `subject` of the nested `<ticket-detail>`.
 * @csspart detail-conversation - `conversation` of the nested `<ticket-detail>`.
 * @csspart detail-message - `message` of the nested `<ticket-detail>`.
 * @csspart detail-close-button - `close-button` of the nested `<ticket-detail>`.
 * @csspart detail-close-dialog - `close-dialog` of the nested `<ticket-detail>`.
 * @csspart detail-message-body - `message-body` of the nested `<ticket-detail>`.
 * @csspart detail-message-show-images-button - `message-show-images-button` of the nested `<ticket-detail>`.
 * @csspart detail-reply-editor - `reply-editor` of the nested `<ticket-detail>`.
 * @csspart detail-reply-send-button - `reply-send-button` of the nested `<ticket-detail>`.
 * @csspart detail-reply-preview-body - `reply-preview-body` of the nested `<ticket-detail>`.
 * @csspart detail-reply-preview-show-images-button - `reply-preview-show-images-button` of the nested `<ticket-detail>`.
 * @csspart support-form-base - `base` of the nested `<support-form>`.
 * @csspart support-form-form - `form` of the nested `<support-form>`.
 * @csspart support-form-error-summary - `error-summary` of the nested `<support-form>`.
 * @csspart support-form-submit-button - `submit-button` of the nested `<support-form>`.
 * @csspart support-form-success - `success` of the nested `<support-form>`.
 * @csspart form - Short name of `login-form` and `support-form-form`.
 * @csspart submit-button - Short name of `login-submit-button` and `support-form-submit-button`.
 * @csspart toolbar - Short name of `list-toolbar`.
 * @csspart filters - Short name of `list-filters`.
 * @csspart filters-button - Short name of `list-filters-button`.
 * @csspart table - Short name of `list-table`.
 * @csspart row - Short name of `list-row`.
 * @csspart pager - Short name of `list-pager`.
 * @csspart page-button - Short name of `list-page-button`.
 * @csspart export-button - Short name of `list-export-button`.
 * @csspart submit-link - Short name of `list-submit-link`.
 * @csspart empty - Short name of `list-empty`.
 * @csspart subject - Short name of `detail-subject`.
 * @csspart conversation - Short name of `detail-conversation`.
 * @csspart message - Short name of `detail-message`.
 * @csspart close-button - Short name of `detail-close-button`.
 * @csspart close-dialog - Short name of `detail-close-dialog`.
 * @csspart error-summary - Short name of `support-form-error-summary`.
 * @csspart success - Short name of `support-form-success`.
 * @csspart email-checkbox - `checkbox` of the nested `<portal-email-preference>`.
 * @csspart checkbox - Short name of `email-checkbox`.
 *
 * @cssprop --portal-color-accent - Links, buttons and highlights.
 * @cssprop --portal-color-on-accent - Text on accent-colored buttons.
 * @cssprop --portal-color-text - Body text.
 * @cssprop --portal-color-muted - Secondary text.
 * @cssprop --portal-color-background - Portal background.
 * @cssprop --portal-color-surface - Raised areas (current navigation item, skeletons).
 * @cssprop --portal-color-border - Borders and dividers.
 * @cssprop --portal-color-danger - Error text and borders.
 * @cssprop --portal-color-success - The "Open" status.
 * @cssprop --portal-color-focus - Focus ring.
 * @cssprop --portal-font-family - Font; inherits the host page's font by default.
 * @cssprop --portal-font-size - Base font size.
 * @cssprop --portal-radius - Corner radius.
 * @cssprop --portal-space - Spacing unit.
 * @cssprop --portal-density - Multiplier for spacing and target sizes (e.g. 0.8 compact, 1.2 roomy).
 * @cssprop --customer-portal-min-height - Space reserved while loading, so the page does not jump.
 * @cssprop --customer-portal-padding - Padding around the portal.
 */
export class CustomerPortal extends PortalElement {
  static override styles = [styles, layered(brandStyles)];
  /** Internal elements come from a registry of the portal's own where the browser supports it. */
  protected static override ownRegistry = true;

  /** Base URL of the reference server's API (creates an `HttpAdapter`), e.g. `/api/v1`. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** Any backend: an object implementing `PortalAdapter`. Wins over `api-base`. */
  @property({ attribute: false }) adapter?: PortalAdapter;

  /**
   * Language: `en`, `de`, `sv`, `da`, `fr`, `es`, `nl`, `it`, `pt`, `pl`, `ja`, `ar` (right to left). Defaults
   * to the page's `lang`, then the portal's default language. A language added with `registerPortalTranslations`
   * works too. Each portal on a page has its own language; the elements inside it speak it.
   */
  @property({ reflect: true }) override locale = '';

  /**
   * `auto` (default): follows the host page's `color-scheme` (a page declaring `color-scheme: light dark` gets
   * the user's `prefers-color-scheme`); `light` or `dark` force one.
   */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  /** `hash` (default): views follow `location.hash`; `none`: navigation stays inside the element. */
  @property() routing: 'hash' | 'none' = 'hash';

  /** When set, `document.title` becomes the portal name while the portal is shown. */
  @property({ type: Boolean, attribute: 'manage-title' }) manageTitle = false;

  /** Level of the portal-name heading (1–5); view headings sit one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @provide({ context: adapterContext }) @state() protected resolvedAdapter?: PortalAdapter;
  /** The portal's public settings once loaded (read only). */
  @provide({ context: settingsContext }) @state() settings?: PublicSettings;
  /** The session: `undefined` while unknown, `null` when signed out (read only). */
  @provide({ context: sessionContext }) @state() session?: Session | null;
  /** The language the portal decided on, for itself and (through the context) every element inside it. */
  @provide({ context: localeContext }) @state() protected resolvedLocale?: string;
  @provide({ context: servicesContext }) protected services: PortalServices = {
    announce: (message) => this.#live.announce(message),
    navigate: (route, options) => this.#router.navigate(route, options),
    setSession: (session) => this.#takeSession(session),
  };

  readonly #router = new HashRouterController(this, () => this.routing !== 'none');
  readonly #live = new LiveRegionController(this);
  readonly #timer = new SessionTimerController(this, {
    extend: async () => {
      const epoch = this.#sessionEpoch;
      const session = await this.resolvedAdapter!.extendSession();
      // Signed out (or in as someone else) while the ping was under way: its answer no longer counts.
      if (epoch !== this.#sessionEpoch || !this.session) return null;
      this.session = session;
      return session;
    },
    warn: (expiresAt) => {
      this.expiring = true;
      this.dispatchEvent(new PortalSessionExpiringEvent({ expiresAt }));
    },
    expire: () => void this.#endSession('expired'),
  });
  #channel?: ReturnType<typeof openSessionChannel>;
  /** Counts session starts and ends, so late answers about an earlier session are ignored. */
  #sessionEpoch = 0;
  #titleBefore: string | null = null;

  /** Why the customer sees the sign-in form, e.g. after an idle timeout. */
  @state() protected signedOutNotice = '';
  /** The "Stay signed in" dialog is open. */
  @state() protected expiring = false;
  /** The host placed its own views (elements) inside the portal; the built-in views step aside. */
  @state() protected hasOwnViews = false;

  #onSlotChange = (event: Event) => {
    this.hasOwnViews = (event.target as HTMLSlotElement).assignedElements().length > 0;
  };

  /** The current view. */
  get route(): Route {
    return this.#router.route;
  }

  /** Goes to a view, as the portal's own links do. */
  navigate(route: Route) {
    this.#router.navigate(route);
  }

  /** Announces a message through the portal's polite live region. */
  announce(message: string) {
    this.#live.announce(message);
  }

  protected readonly loader = new Task(this, {
    args: () => [this.resolvedAdapter, this.#requestedLocale()] as const,
    task: async ([adapter, requested], { signal }) => {
      // A requested language applies at once, so loading and error states speak it too.
      if (requested) await this.#useLocale(resolveLocale(requested));
      this.localization.speak();
      if (!adapter) throw new UnavailableError(msg('The portal is not set up: the "api-base" attribute or an adapter is missing.', { id: 'portal.no-adapter' }));
      const settings = await adapter.getSettings({ signal, locale: requested ?? undefined });
      await this.#useLocale(offeredLocale(requested, settings));
      const session = settings.enabled ? await adapter.getSession({ signal }) : null;
      return { settings, session };
    },
    onComplete: ({ settings, session }) => {
      this.settings = settings;
      this.session = session;
      this.#timer.track(session);
      this.dispatchEvent(new PortalReadyEvent({ name: settings.name }));
    },
    onError: (error) => {
      this.settings = undefined;
      if (error instanceof PortalError) this.dispatchEvent(new PortalErrorEvent({ error }));
    },
  });

  /** The language the portal decided on (until then, the requested one applies). */
  protected override decidedLocale(): string | undefined {
    return this.resolvedLocale;
  }

  /** Switches the portal (and the elements in it) to a language once its texts are loaded. */
  async #useLocale(locale: string) {
    await loadCatalogue(locale);
    this.resolvedLocale = locale;
  }

  #requestedLocale(): string | null {
    return this.locale || this.closest('[lang]')?.getAttribute('lang') || null;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('adapter') || changed.has('apiBase')) {
      this.resolvedAdapter = this.adapter ?? (this.apiBase ? new HttpAdapter({ baseUrl: this.apiBase }) : undefined);
    }
    if (changed.has('routing')) this.#router.sync();
  }

  protected override updated() {
    // The admin's accent sits on the host element, so the shell's own buttons and every nested element get it
    // (a host page's `--portal-color-accent` still wins).
    applySettingsAccent(this, this.settings?.theme.accentColor);
    this.#syncTitle();
    if (this.#router.navigated) {
      this.#router.navigated = false;
      this.renderRoot.querySelector<HTMLElement>('[data-view-heading]')?.focus();
    }
  }

  /** A view's request found the session gone on the server: end it here too, and say why. */
  #onViewError = (event: Event) => {
    const { error } = (event as PortalErrorEvent).detail;
    if (error instanceof UnauthenticatedError && this.session) void this.#endSession(error.reason === 'access-revoked' ? 'access-revoked' : 'ended');
  };

  override connectedCallback() {
    super.connectedCallback();
    this.addEventListener(PortalErrorEvent.eventName, this.#onViewError);
    this.#channel = openSessionChannel((message) => {
      if (message.type === 'signed-out') void this.#endSession('other-tab');
      else void this.resolvedAdapter?.getSession().then((session) => session && this.#takeSession(session, false), () => undefined);
    });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#channel?.close();
    if (this.#titleBefore !== null) document.title = this.#titleBefore;
    this.#titleBefore = null;
  }

  /** A session started here (sign-in form) or in another tab. */
  #takeSession(session: Session | null, broadcast = true) {
    const wasSignedOut = !this.session;
    if (wasSignedOut || !session) this.#sessionEpoch++;
    this.session = session;
    this.#timer.track(session);
    if (!session || !wasSignedOut) return;
    this.signedOutNotice = '';
    if (broadcast) this.#channel?.post({ type: 'signed-in' });
    const route = this.#router.route;
    if (route.name === 'invite' || route.name === 'reset' || route.name === 'signin') this.navigate({ name: 'tickets', params: new URLSearchParams() });
    else this.#router.navigated = true; // focus the view heading after the sign-in form goes away
  }

  /** Ends the session: on the server (best effort), in every tab, and in this element. */
  async #endSession(reason: SignOutReason) {
    if (!this.session) return;
    this.#sessionEpoch++;
    this.#timer.track(null);
    this.expiring = false;
    // Drafts stay on a shared computer no longer than the session: cleared on sign-out and on idle sign-out.
    if (reason === 'sign-out' || reason === 'expired') clearDraftsOf(this.session.user.id);
    if (reason !== 'other-tab') {
      this.#channel?.post({ type: 'signed-out', reason: reason === 'expired' ? 'expired' : 'sign-out' });
      await this.resolvedAdapter?.signOut().catch(() => undefined);
    }
    this.session = null;
    this.localization.speak();
    this.signedOutNotice = signOutNotice(reason);
    if (this.signedOutNotice) this.announce(this.signedOutNotice);
    else this.announce(msg('You are signed out.', { id: 'portal.signed-out' }));
    this.#router.navigated = true;
    this.dispatchEvent(new PortalSignedOutEvent({ reason }));
  }

  /** Why the sign-in form shows: an idle timeout, or a one-time link that no longer works. */
  #signInNotice(route: Route): string {
    return (route.name === 'signin' && signInNotice(route.error)) || this.signedOutNotice;
  }

  /** Signs the customer out (as the "Sign out" button does). */
  signOut() {
    return this.#endSession('sign-out');
  }

  #syncTitle() {
    const wanted = this.manageTitle && this.settings?.enabled && this.session ? this.settings.name : null;
    if (wanted) {
      this.#titleBefore ??= document.title;
      document.title = wanted;
    } else if (this.#titleBefore !== null) {
      document.title = this.#titleBefore;
      this.#titleBefore = null;
    }
  }

  protected override render() {
    const locale = this.portalLocale;
    return html`
      <div part="base" lang=${locale} dir=${directionOf(locale)}>
        ${this.loader.render({
          initial: () => this.#renderLoading(),
          pending: () => (this.settings ? this.#renderPortal(this.settings) : this.#renderLoading()),
          complete: ({ settings }) => this.#renderPortal(settings),
          error: (error) => renderProblem(error, this.headingLevel, () => this.loader.run()),
        })}
      </div>
      ${this.#live.render()}
    `;
  }

  #renderLoading() {
    return html`
      <div part="header" aria-busy="true">
        <span class="skeleton" aria-hidden="true"></span>
        <span class="visually-hidden">${msg('Loading the portal…', { id: 'portal.loading' })}</span>
      </div>
      <span class="skeleton body" aria-hidden="true"></span>
    `;
  }

  #renderPortal(settings: PublicSettings) {
    const tag = headingTag(this.headingLevel);
    if (!settings.enabled) {
      return staticHtml`<${tag} part="title">${msg('This portal is not available', { id: 'portal.unavailable' })}</${tag}>`;
    }
    const route = this.#router.route;
    const onList = route.name === 'tickets' || route.name === 'ticket';
    const signedIn = !!this.session;
    const tags = tagsFor(this);
    return html`
      <header part="header">
        ${renderBrand(tag, settings)}
        <nav part="nav" aria-label=${msg('Portal navigation', { id: 'portal.nav-label' })}>
          <ul>
            <li><a href="#/tickets" aria-current=${onList ? 'page' : nothing} @click=${this.#onNavClick}>${settings.ticketLabel.plural}</a></li>
            ${renderKnowledgeBaseLink(settings)}
            ${settings.supportForm
              ? html`<li><a href="#/new" aria-current=${route.name === 'new' ? 'page' : nothing} @click=${this.#onNavClick}>${settings.supportForm.menuText}</a></li>`
              : nothing}
            ${signedIn
              ? html`<li>${staticHtml`<${tags['portal-email-preference']} exportparts=${exportParts('customer-portal', 'portal-email-preference')}></${tags['portal-email-preference']}>`}</li><li><button class="secondary" part="sign-out-button" type="button" @click=${() => this.signOut()}>${msg('Sign out', { id: 'portal.sign-out' })}</button></li>`
              : nothing}
          </ul>
        </nav>
      </header>
      <div part="view">
        ${signedIn || route.name === 'invite' || route.name === 'reset'
          ? html`<slot @slotchange=${this.#onSlotChange}></slot>${this.hasOwnViews ? nothing : renderView(route, settings, this.headingLevel + 1, (r) => this.navigate(r), tags)}`
          : staticHtml`<${tags['portal-login']} exportparts=${exportParts('customer-portal', 'portal-login')} heading-level=${this.headingLevel + 1} .notice=${this.#signInNotice(route)}></${tags['portal-login']}>`}
      </div>
      ${renderExpiryDialog(this.expiring, () => { this.expiring = false; void this.#timer.extend(); }, () => this.signOut())}
    `;
  }

  /** With routing off, links must not touch the host page's hash. */
  #onNavClick = (event: MouseEvent) => {
    if (this.routing !== 'none') return;
    event.preventDefault();
    const href = (event.currentTarget as HTMLAnchorElement).getAttribute('href') ?? '';
    this.navigate(href === '#/new' ? { name: 'new', params: new URLSearchParams() } : { name: 'tickets', params: new URLSearchParams() });
  };
}

