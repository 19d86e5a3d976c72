import { css, html, isServer, type PropertyValues } from 'lit';
import { PortalElement } from '../../internal/portal-element.js';
import { property, state } from 'lit/decorators.js';
import { sanitize } from '../../internal/sanitizer.js';
import { layered } from '../../internal/layer.js';

/**
 * The admin's consent text: may contain links and simple emphasis, so it goes through the one sanitizer
 * (links open in a new tab, nothing executable survives). Empty for the moment it takes the sanitizer to load.
 *
 * @tag portal-consent-text
 * @summary Sanitized rich text of the consent-to-processing statement (internal part of `<portal-login>`).
 */
export class ConsentText extends PortalElement {
  static override styles = layered(css`
    :host {
      display: block;
    }
    a {
      color: var(--_accent, LinkText);
    }
  `);

  @property() text = '';
  @state() private fragment?: DocumentFragment;

  protected override willUpdate(changed: PropertyValues<this>) {
    // Untrusted HTML goes through the sanitizer in the browser only; server rendering leaves it out.
    if (isServer) return;
    if (changed.has('text')) {
      const text = this.text;
      this.fragment = undefined;
      void sanitize(text, { profile: 'consent' }).then((fragment) => {
        if (this.text === text) this.fragment = fragment;
      });
    }
  }

  protected override render() {
    return html`<div>${this.fragment ? this.fragment.cloneNode(true) : ''}</div>`;
  }
}
