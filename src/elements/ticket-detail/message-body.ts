import { msg } from '../../internal/messages.js';
import { css, html, isServer, nothing, type PropertyValues } from 'lit';
import { PortalElement } from '../../internal/portal-element.js';
import { property, state } from 'lit/decorators.js';
import { sanitize } from '../../internal/sanitizer.js';
import { tokens } from '../../internal/tokens.js';
import { layered } from '../../internal/layer.js';

/**
 * One message's HTML from the helpdesk, through the one sanitizer: no scripts, handlers, forms, frames or
 * styles; links open in a new tab; remote images are held back as placeholders until "Show images".
 *
 * @tag portal-message-body
 * @summary Sanitized body of a conversation message (internal part of `<ticket-detail>`).
 * @csspart body - The message text.
 * @csspart show-images-button - "Show images".
 */
export class MessageBody extends PortalElement {
  static override styles = layered([
    tokens,
    css`
      :host {
        display: block;
        overflow-wrap: anywhere;
      }
      [part='body'] > :first-child {
        margin-block-start: 0;
      }
      [part='body'] > :last-child {
        margin-block-end: 0;
      }
      a {
        color: var(--_accent);
      }
      img {
        max-inline-size: 100%;
        block-size: auto;
      }
      img[data-held-src] {
        display: inline-block;
        min-inline-size: 4rem;
        min-block-size: 2rem;
        border: 1px dashed var(--_border);
        background: var(--_surface);
      }
      pre {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
      }
      td,
      th {
        border: 1px solid var(--_border);
        padding: 0.25em 0.5em;
      }
      .link-button {
        margin-block-start: 0.5em;
      }
    `,
  ]);

  /** The untrusted HTML of the message. */
  @property() html = '';
  @state() private fragment?: DocumentFragment;
  @state() private showImages = false;
  @state() private heldImages = 0;

  protected override willUpdate(changed: PropertyValues) {
    // Untrusted HTML goes through the sanitizer in the browser only; server rendering leaves it out.
    if (isServer) return;
    if (changed.has('html') || changed.has('showImages')) {
      const [source, showImages] = [this.html, this.showImages];
      void sanitize(source, { profile: 'message', showImages }).then((fragment) => {
        if (source !== this.html || showImages !== this.showImages) return;
        this.heldImages = fragment.querySelectorAll('img[data-held-src]').length;
        this.fragment = fragment;
      });
    }
  }

  /** Resolves once the sanitized body is shown. */
  get ready(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (this.fragment ? this.updateComplete.then(() => resolve()) : setTimeout(check, 10));
      check();
    });
  }

  protected override render() {
    return html`
      <div part="body">${this.fragment ? this.fragment.cloneNode(true) : nothing}</div>
      ${this.heldImages > 0 && !this.showImages
        ? html`<button class="link-button" part="show-images-button" type="button" @click=${() => { this.showImages = true; }}>${msg('Show images', { id: 'detail.show-images' })}</button>`
        : nothing}
    `;
  }
}
