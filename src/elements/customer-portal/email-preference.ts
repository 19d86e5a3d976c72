import { consume } from '@lit/context';
import { msg } from '../../internal/messages.js';
import { Task, TaskStatus } from '@lit/task';
import { css, html, nothing } from 'lit';
import { PortalElement } from '../../internal/portal-element.js';
import { state } from 'lit/decorators.js';
import type { PortalAdapter } from '../../contract/adapter.js';
import type { Preferences } from '../../contract/preferences.js';
import type { Session } from '../../contract/session.js';
import { adapterContext, servicesContext, sessionContext, type PortalServices } from '../../internal/context.js';
import { layered } from '../../internal/layer.js';

/**
 * The signed-in customer's "Email me when the support team answers" switch in the portal navigation. Shown only
 * when the adapter keeps preferences; it also tells the server which language the customer reads (for those emails).
 *
 * @tag portal-email-preference
 * @summary Email-notification switch of the portal navigation (internal to `customer-portal`).
 * @csspart checkbox - The checkbox.
 */
export class PortalEmailPreference extends PortalElement {
  static override styles = layered(css`
    :host { display: inline-flex; }
    label { display: inline-flex; align-items: center; gap: 0.4em; min-block-size: 2.75rem; padding-inline: 0.6em; cursor: pointer; }
    input { inline-size: 1.1em; block-size: 1.1em; margin: 0; }
    .error { color: var(--portal-color-danger, #b3261e); margin: 0; }
  `);

  @consume({ context: adapterContext, subscribe: true }) @state() private adapter?: PortalAdapter;
  @consume({ context: sessionContext, subscribe: true }) @state() private session?: Session | null;
  @consume({ context: servicesContext, subscribe: true }) @state() private services?: PortalServices;
  @state() private prefs?: Preferences;
  @state() private failed = false;

  readonly #load = new Task(this, {
    args: () => [this.adapter, this.session?.user.id, this.portalLocale] as const,
    task: async ([adapter, userId, locale], { signal }) => {
      if (!adapter?.getPreferences || userId === undefined) return undefined;
      const prefs = await adapter.getPreferences({ signal });
      // Emails speak the language the customer reads the portal in.
      return prefs.locale !== locale && adapter.setPreferences ? adapter.setPreferences({ ...prefs, locale }, { signal }) : prefs;
    },
    onComplete: (prefs) => { this.prefs = prefs; },
  });

  #toggle = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const adapter = this.adapter;
    if (!adapter?.setPreferences || !this.prefs) return;
    this.failed = false;
    try {
      this.prefs = await adapter.setPreferences({ ...this.prefs, replyEmails: input.checked });
      this.localization.speak();
      this.services?.announce(this.prefs.replyEmails
        ? msg('You will get an email when the support team answers.', { id: 'portal.reply-emails-on' })
        : msg('You will not get emails about answers.', { id: 'portal.reply-emails-off' }));
    } catch {
      input.checked = this.prefs.replyEmails;
      this.failed = true;
    }
  };

  protected override render() {
    // The switch takes its place at once (disabled until the choice is known), so the navigation does not move.
    if (!this.adapter?.getPreferences || !this.session || this.#load.status === TaskStatus.ERROR) return nothing;
    const prefs = this.prefs;
    return html`<label><input part="checkbox" type="checkbox" ?disabled=${!prefs} .checked=${prefs?.replyEmails ?? false} @change=${this.#toggle}>
      ${msg('Email me when the support team answers', { id: 'portal.reply-emails' })}</label>
      ${this.failed ? html`<p class="error" role="alert">${msg('Your choice could not be saved. Please try again.', { id: 'portal.preferences-failed' })}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-email-preference': PortalEmailPreference;
  }
}
