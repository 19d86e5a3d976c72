import { msg } from '../../internal/messages.js';
import { html } from 'lit';
import { NetworkError } from '../../contract/errors.js';

/** While the portal settings load (standalone use): reserved space and a spoken "Loading the portal…". */
export const renderLoading = () => html`<div class="loading" aria-busy="true">
  <span class="skeleton" aria-hidden="true"></span>
  <span class="visually-hidden" role="status">${msg('Loading the portal…', { id: 'portal.loading' })}</span>
</div>`;

/** The settings could not be loaded: why, and "Try again". */
export const renderLoadError = (error: unknown, retry: () => void) => html`<div class="form-error" role="alert">
  <p>${error instanceof NetworkError
    ? msg('We could not reach the portal. Check your connection and try again.', { id: 'portal.unreachable' })
    : msg('The portal could not be loaded.', { id: 'portal.load-failed' })}</p>
  <button class="primary" type="button" @click=${retry}>${msg('Try again', { id: 'portal.try-again' })}</button>
</div>`;
