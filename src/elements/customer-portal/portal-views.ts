import { msg, str } from '../../internal/messages.js';
import { html, nothing } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { NetworkError, UnavailableError } from '../../contract/errors.js';
import type { PublicSettings } from '../../contract/settings.js';
import { headingTag } from '../../internal/heading.js';
import { exportParts } from '../../internal/parts.js';
import { getPortalLocale, labelInSentence } from '../../internal/localization.js';
import type { Route } from '../../internal/router.js';
import type { Tags } from '../../internal/tag-names.js';

/** The heading every view starts with; focus moves here after in-portal navigation. */
function viewHeading(level: number, text: string) {
  const tag = headingTag(level);
  return staticHtml`<${tag} class="view-heading" data-view-heading tabindex="-1">${text}</${tag}>`;
}

/** The outlet: the element of the current route under its heading (`t`: the tags the elements are registered under). */
export function renderView(route: Route, settings: PublicSettings, level: number, navigate: (route: Route) => void, t: Tags) {
  const { plural, singular } = settings.ticketLabel;
  switch (route.name) {
    case 'tickets':
      return staticHtml`${viewHeading(level, plural)}<${t['ticket-list']} exportparts=${exportParts('customer-portal', 'ticket-list')} .params=${route.params}></${t['ticket-list']}>`;
    case 'ticket':
      return staticHtml`${viewHeading(level, msg(str`${singular} #${route.id}`, { id: 'portal.ticket-heading' }))}
        <${t['ticket-detail']} exportparts=${exportParts('customer-portal', 'ticket-detail')} ticket-id=${route.id} heading-level=${level + 1}></${t['ticket-detail']}>`;
    case 'new':
      if (settings.supportForm) return staticHtml`${viewHeading(level, settings.supportForm.headerText)}<${t['support-form']} exportparts=${exportParts('customer-portal', 'support-form')} .params=${route.params} heading-level=${level + 1} no-heading></${t['support-form']}>`;
      return renderNotFound(level, plural, navigate);
    case 'invite':
    case 'reset':
      return staticHtml`<${t['portal-login']} exportparts=${exportParts('customer-portal', 'portal-login')} view="set-password" purpose=${route.name} .token=${route.token} heading-level=${level}></${t['portal-login']}>`;
    case 'signin':
      return staticHtml`${viewHeading(level, plural)}<${t['ticket-list']} exportparts=${exportParts('customer-portal', 'ticket-list')}></${t['ticket-list']}>`;
    case 'not-found':
      return renderNotFound(level, plural, navigate);
  }
}

function renderNotFound(level: number, plural: string, navigate: (route: Route) => void) {
  const back = (event: Event) => {
    event.preventDefault();
    navigate({ name: 'tickets', params: new URLSearchParams() });
  };
  return html`${viewHeading(level, msg('This page does not exist.', { id: 'portal.not-found' }))}
    <p><a href="#/tickets" @click=${back}>${msg(str`Back to ${labelInSentence(plural, getPortalLocale())}`, { id: 'portal.back-to-tickets' })}</a></p>`;
}

/** Why the portal could not load, in words a customer understands, with "Try again". */
export function renderProblem(error: unknown, level: number, retry: () => void) {
  const detail =
    error instanceof NetworkError
      ? msg('We could not reach the portal. Check your connection and try again.', { id: 'portal.unreachable' })
      : error instanceof UnavailableError && error.message
        ? error.message
        : undefined;
  const tag = headingTag(level);
  return html`
    <div class="problem" role="alert">
      ${staticHtml`<${tag} part="title">${msg('The portal could not be loaded.', { id: 'portal.load-failed' })}</${tag}>`}
      ${detail ? html`<p>${detail}</p>` : nothing}
      <button class="primary" type="button" @click=${retry}>${msg('Try again', { id: 'portal.try-again' })}</button>
    </div>
  `;
}
