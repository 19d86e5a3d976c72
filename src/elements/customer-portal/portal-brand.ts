import { css, html, nothing } from 'lit';
import { msg } from '../../internal/messages.js';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import type { PublicSettings } from '../../contract/settings.js';

/**
 * The portal's title: the admin's logo (alt text = the portal name) in a box of fixed size, so nothing moves when
 * the image arrives, else the name as text.
 */
export function renderBrand(tag: StaticValue, settings: PublicSettings) {
  const logo = settings.theme.logoUrl;
  return staticHtml`<${tag} part="title">${logo
    ? html`<img part="logo" src=${logo} alt=${settings.name} decoding="async">`
    : settings.name}</${tag}>`;
}

/** "Knowledge base" in the portal navigation when the admin set `knowledgeBaseUrl` (an http(s) URL). */
export function renderKnowledgeBaseLink(settings: PublicSettings) {
  const url = settings.knowledgeBaseUrl;
  if (!url || !/^https?:\/\//i.test(url)) return nothing;
  return html`<li><a part="knowledge-base-link" href=${url}>${msg('Knowledge base', { id: 'portal.knowledge-base' })}</a></li>`;
}

export const brandStyles = css`
  [part='logo'] {
    display: block;
    inline-size: var(--customer-portal-logo-width, 10rem);
    block-size: var(--customer-portal-logo-height, 2.5rem);
    max-inline-size: 100%;
    object-fit: contain;
    object-position: left center;
  }
`;
