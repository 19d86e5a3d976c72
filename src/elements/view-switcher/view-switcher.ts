import { consume } from '@lit/context';
import { msg, str } from '../../internal/messages.js';
import { css, html, nothing } from 'lit';
import { PortalElement } from '../../internal/portal-element.js';
import { property } from 'lit/decorators.js';
import type { Session } from '../../contract/session.js';
import type { PublicSettings } from '../../contract/settings.js';
import type { TicketView } from '../../contract/tickets.js';
import { sessionContext, settingsContext } from '../../internal/context.js';
import { PortalViewChangeEvent } from '../../internal/events.js';
import { labelInSentence } from '../../internal/localization.js';
import { tokens } from '../../internal/tokens.js';
import { layered } from '../../internal/layer.js';

/**
 * Switches the ticket list between the company's tickets and the contact's own. Shown only when the session
 * says the contact may see their company's tickets (the server decides; this only offers the choice).
 *
 * @tag view-switcher
 * @summary "Organization tickets" / "Owned by me" choice of the ticket list.
 *
 * @fires portal-view-change - The user picked a view; `detail.view` is `company` or `mine`.
 *
 * @csspart base - The radio group.
 * @csspart option - Each choice.
 *
 * @cssprop --portal-color-accent - The chosen option.
 */
export class ViewSwitcher extends PortalElement {
  static override styles = layered([
    tokens,
    css`
      :host {
        display: inline-block;
      }
      fieldset {
        display: inline-flex;
        margin: 0;
        padding: 0;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      label {
        position: relative;
        display: inline-flex;
        align-items: center;
        min-block-size: var(--_target);
        padding-inline: calc(var(--_space) * 0.8);
        cursor: pointer;
      }
      input {
        position: absolute;
        inset: 0;
        margin: 0;
        opacity: 0;
        cursor: pointer;
      }
      label:has(input:checked) {
        background: var(--_accent);
        color: var(--_on-accent);
      }
      label:has(input:focus-visible) {
        outline: 2px solid var(--_focus);
        outline-offset: 2px;
      }
    `,
  ]);

  /** The view shown: `mine` or `company`. */
  @property({ reflect: true }) value: TicketView = 'mine';

  @consume({ context: sessionContext, subscribe: true }) @property({ attribute: false }) session?: Session | null;
  @consume({ context: settingsContext, subscribe: true }) @property({ attribute: false }) settings?: PublicSettings;

  #choose(view: TicketView) {
    if (view === this.value) return;
    this.value = view;
    this.dispatchEvent(new PortalViewChangeEvent({ view }));
  }

  protected override render() {
    if (!this.session?.canViewCompany) return nothing;
    const plural = labelInSentence(this.settings?.ticketLabel.plural ?? msg('Tickets', { id: 'list.default-plural' }), this.portalLocale);
    const option = (view: TicketView, label: string) => html`
      <label part="option">
        <input type="radio" name="view" value=${view} .checked=${this.value === view} @change=${() => this.#choose(view)} />
        ${label}
      </label>
    `;
    return html`
      <fieldset part="base">
        <legend class="visually-hidden">${msg('Show', { id: 'views.legend' })}</legend>
        ${option('company', msg(str`Organization ${plural}`, { id: 'views.company' }))}
        ${option('mine', msg('Owned by me', { id: 'views.mine' }))}
      </fieldset>
    `;
  }
}
