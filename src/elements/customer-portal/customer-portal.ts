import { provide } from '@lit/context';
import { msg } from '../../internal/messages.js';
import { html, type PropertyValues } from 'lit';
import { PortalElement } from '../../internal/portal-element.js';
import { property, state } from 'lit/decorators.js';
import type { PortalAdapter } from '../../contract/adapter.js';
import type { Session } from '../../contract/session.js';
import type { PublicSettings } from '../../contract/settings.js';
import { adapterContext, servicesContext, type PortalServices } from '../../internal/context.js';
import { tagsFor } from '../../internal/tag-names.js';
import { applySettingsAccent } from '../../internal/accent.js';
import { layered } from '../../internal/layer.js';
import { signOutNotice } from './sign-out.js';
import { HashRouterController } from '../../internal/hash-router.js';
import { LiveRegionController } from '../../internal/live-region.js';
import { directionOf } from '../../internal/localization.js';
import type { Route } from '../../internal/router.js';
import { PortalSessionController } from '../../internal/portal-session.js';
import { PortalSettingsController } from '../../internal/portal-settings.js';
import { DocumentTitleController } from '../../internal/document-title.js';
import { renderProblem } from './portal-views.js';
import { brandStyles } from './portal-brand.js';
import { renderFrame, renderLoading } from './portal-frame.js';
import { signInNotice } from './sign-in-notice.js';
import { styles } from './customer-portal.styles.js';
import { headingTag } from '../../internal/heading.js';
import { ViewElementsController } from './view-elements.js';

/** Makes the adapter for an `api-base` URL (`customer-portal-elements` exports the HTTP one, `httpAdapterFactory`). */
export type AdapterFactory = (baseUrl: string) => PortalAdapter;

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

  /**
   * Makes the adapter for `api-base`. The registering entries (`customer-portal-elements/customer-portal`,
   * `/define`, `definePortalElements`, the React wrappers) set the HttpAdapter's (`httpAdapterFactory`); an app
   * that registers the class itself and only passes `adapter` leaves it unset and does not bundle the HTTP client.
   */
  static adapterFactory?: AdapterFactory;

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
  @provide({ context: servicesContext }) protected services: PortalServices = {
    announce: (message) => this.#live.announce(message),
    navigate: (route, options) => this.#router.navigate(route, options),
    setSession: (session) => this.#session.take(session),
  };

  readonly #router = new HashRouterController(this, () => this.routing !== 'none');
  readonly #live = new LiveRegionController(this);
  readonly #session = new PortalSessionController(this, {
    adapter: () => this.resolvedAdapter,
    started: () => {
      this.signedOutNotice = '';
      const route = this.#router.route;
      if (route.name === 'invite' || route.name === 'reset' || route.name === 'signin') this.navigate({ name: 'tickets', params: new URLSearchParams() });
      else this.#router.navigated = true; // focus the view heading after the sign-in form goes away
    },
    ended: (reason) => {
      this.localization.speak();
      this.signedOutNotice = signOutNotice(reason);
      this.announce(this.signedOutNotice || msg('You are signed out.', { id: 'portal.signed-out' }));
      this.#router.navigated = true;
    },
  });
  protected readonly loader = new PortalSettingsController(this, {
    adapter: () => this.resolvedAdapter,
    requestedLocale: () => this.locale || this.closest('[lang]')?.getAttribute('lang') || null,
    speak: () => this.localization.speak(),
    loaded: (_settings, session) => this.#session.loaded(session),
  });
  readonly #title = new DocumentTitleController(this);
  readonly #views = new ViewElementsController(this, () => this.session === null);

  /** Why the customer sees the sign-in form, e.g. after an idle timeout. */
  @state() protected signedOutNotice = '';
  /** The host placed its own views (elements) inside the portal; the built-in views step aside. */
  @state() protected hasOwnViews = false;

  #onSlotChange = (event: Event) => {
    this.hasOwnViews = (event.target as HTMLSlotElement).assignedElements().length > 0;
  };

  /** The portal's public settings once loaded (read only). */
  get settings(): PublicSettings | undefined {
    return this.loader.settings;
  }

  /** The session: `undefined` while unknown, `null` when signed out. Setting it takes a (refreshed) session. */
  get session(): Session | null | undefined {
    return this.#session.session;
  }

  set session(session: Session | null) {
    this.#session.take(session, false);
  }

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

  /** Signs the customer out (as the "Sign out" button does). */
  signOut() {
    return this.#session.end('sign-out');
  }

  /** The language the portal decided on (until then, the requested one applies). */
  protected override decidedLocale(): string | undefined {
    return this.loader.locale;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('adapter') || changed.has('apiBase')) {
      const factory = (this.constructor as typeof CustomerPortal).adapterFactory;
      this.resolvedAdapter = this.adapter ?? (this.apiBase && factory ? factory(this.apiBase) : undefined);
    }
    if (changed.has('routing')) this.#router.sync();
  }

  protected override updated() {
    // The admin's accent sits on the host element, so the shell's own buttons and every nested element get it
    // (a host page's `--portal-color-accent` still wins).
    applySettingsAccent(this, this.settings?.theme.accentColor);
    const settings = this.settings;
    this.#title.show(this.manageTitle && settings?.enabled && this.session ? settings.name : null);
    if (this.#router.navigated) {
      this.#router.navigated = false;
      this.renderRoot.querySelector<HTMLElement>('[data-view-heading]')?.focus();
    }
  }

  protected override render() {
    const locale = this.portalLocale;
    return html`
      <div part="base" lang=${locale} dir=${directionOf(locale)}>
        ${this.loader.task.render({
          initial: () => renderLoading(),
          pending: () => (this.settings ? this.#renderPortal(this.settings) : renderLoading()),
          complete: ({ settings }) => this.#renderPortal(settings),
          error: (error) => renderProblem(error, this.headingLevel, () => this.loader.task.run()),
        })}
      </div>
      ${this.#live.render()}
    `;
  }

  #renderPortal(settings: PublicSettings) {
    const route = this.#router.route;
    return renderFrame({
      settings, route, tag: headingTag(this.headingLevel), level: this.headingLevel, signedIn: !!this.session, tags: tagsFor(this),
      hasOwnViews: this.hasOwnViews, viewReady: this.hasOwnViews || this.#views.ready(route, !!this.session),
      // Why the sign-in form shows: an idle timeout, or a one-time link that no longer works.
      signInNotice: (route.name === 'signin' && signInNotice(route.error)) || this.signedOutNotice,
      expiring: this.#session.expiring, routing: this.routing,
      navigate: (r) => this.navigate(r), signOut: () => void this.signOut(), stay: () => void this.#session.stay(),
      onSlotChange: this.#onSlotChange,
    });
  }
}
