import { msg } from '../../internal/messages.js';
import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import type { PublicSettings } from '../../contract/settings.js';
import { exportParts } from '../../internal/parts.js';
import type { Route } from '../../internal/router.js';
import type { Tags } from '../../internal/tag-names.js';
import { renderBrand, renderKnowledgeBaseLink } from './portal-brand.js';
import { renderExpiryDialog } from './expiry-dialog.js';
import { renderView } from './portal-views.js';

/** What the shell's frame shows and what its controls do. */
export interface FrameState {
  settings: PublicSettings;
  route: Route;
  /** The portal-name heading's tag; views sit one level below `level`. */
  tag: StaticValue;
  level: number;
  signedIn: boolean;
  tags: Tags;
  /** The host placed its own views inside the portal: the built-in view steps aside. */
  hasOwnViews: boolean;
  /** The view's elements are defined (those registered on first use may still be loading). */
  viewReady: boolean;
  /** Why the sign-in form shows ('' when nothing needs saying). */
  signInNotice: string;
  expiring: boolean;
  /** With routing off, navigation links must not touch the page's hash: they navigate in memory instead. */
  routing: 'hash' | 'none';
  navigate(route: Route): void;
  signOut(): void;
  stay(): void;
  onSlotChange(event: Event): void;
}

/** The skeleton shown while the settings load. */
export function renderLoading() {
  return html`
    <div part="header" aria-busy="true">
      <span class="skeleton" aria-hidden="true"></span>
      <span class="visually-hidden">${msg('Loading the portal…', { id: 'portal.loading' })}</span>
    </div>
    <span class="skeleton body" aria-hidden="true"></span>
  `;
}

/** The view's place while its code loads. */
function renderViewLoading() {
  return html`<span class="skeleton body" aria-hidden="true"></span>`;
}

/** The portal's frame: header with brand and navigation, the current view (or the sign-in form), the expiry dialog. */
export function renderFrame(state: FrameState) {
  const { settings, route, tag, tags } = state;
  if (!settings.enabled) {
    return staticHtml`<${tag} part="title">${msg('This portal is not available', { id: 'portal.unavailable' })}</${tag}>`;
  }
  const onList = route.name === 'tickets' || route.name === 'ticket';
  const onNavClick = (event: MouseEvent) => {
    if (state.routing !== 'none') return;
    event.preventDefault();
    const href = (event.currentTarget as HTMLAnchorElement).getAttribute('href') ?? '';
    state.navigate(href === '#/new' ? { name: 'new', params: new URLSearchParams() } : { name: 'tickets', params: new URLSearchParams() });
  };
  // Signing in or out changes the whole screen: it is drawn anew (nothing on it moves, no layout shift).
  return keyed(state.signedIn, html`
    <header part="header">
      ${renderBrand(tag, settings)}
      <nav part="nav" aria-label=${msg('Portal navigation', { id: 'portal.nav-label' })}>
        <ul>
          <li><a href="#/tickets" aria-current=${onList ? 'page' : nothing} @click=${onNavClick}>${settings.ticketLabel.plural}</a></li>
          ${renderKnowledgeBaseLink(settings)}
          ${settings.supportForm
            ? html`<li><a href="#/new" aria-current=${route.name === 'new' ? 'page' : nothing} @click=${onNavClick}>${settings.supportForm.menuText}</a></li>`
            : nothing}
          ${state.signedIn
            ? html`<li>${staticHtml`<${tags['portal-email-preference']} exportparts=${exportParts('customer-portal', 'portal-email-preference')}></${tags['portal-email-preference']}>`}</li><li><button class="secondary" part="sign-out-button" type="button" @click=${() => state.signOut()}>${msg('Sign out', { id: 'portal.sign-out' })}</button></li>`
            : nothing}
        </ul>
      </nav>
    </header>
    <div part="view">
      ${state.signedIn || route.name === 'invite' || route.name === 'reset'
        ? html`<slot @slotchange=${state.onSlotChange}></slot>${state.hasOwnViews ? nothing : state.viewReady ? renderView(route, settings, state.level + 1, state.navigate, tags) : renderViewLoading()}`
        : staticHtml`<${tags['portal-login']} exportparts=${exportParts('customer-portal', 'portal-login')} heading-level=${state.level + 1} .notice=${state.signInNotice}></${tags['portal-login']}>`}
    </div>
    ${renderExpiryDialog(state.expiring, state.stay, state.signOut)}
  `);
}
