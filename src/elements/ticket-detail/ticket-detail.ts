import { msg, str } from '../../internal/messages.js';
import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { PortalViewElement } from '../../internal/portal-context.js';
import { property, state } from 'lit/decorators.js';
import { html as staticHtml } from 'lit/static-html.js';
import type { PortalAdapter, ReplyInput } from '../../contract/adapter.js';
import { NetworkError, NotFoundError, PortalError } from '../../contract/errors.js';
import type { PublicSettings } from '../../contract/settings.js';
import type { Message, Ticket } from '../../contract/tickets.js';
import { PortalErrorEvent, PortalReplySentEvent, PortalTicketClosedEvent } from '../../internal/events.js';
import { LiveRegionController } from '../../internal/live-region.js';
import { labelInSentence } from '../../internal/localization.js';
import { loadSanitizer } from '../../internal/sanitizer.js';
import { CellFormat } from '../../internal/formats.js';
import { renderCloseDialog } from './close-dialog.js';
import { renderConversation } from './conversation.js';
import { tagsFor } from '../../internal/tag-names.js';
import { renderTicketHeader } from './ticket-header.js';
import { styles } from './ticket-detail.styles.js';
import { exportParts } from '../../internal/parts.js';

/**
 * One ticket: its header (subject, ID, status, dates, owner, configured properties), the conversation of its
 * oldest thread with sanitized HTML and attachments, the reply form, and "Close ticket" where the admin allows
 * it. New agent replies appear without a reload. The server decides what may be seen and done.
 *
 * @tag ticket-detail
 * @summary Ticket detail with conversation, reply and close.
 *
 * @fires portal-reply-sent - A reply was stored; `detail.ticketId`, `detail.messageId`.
 * @fires portal-ticket-closed - The customer closed the ticket; `detail.ticketId`.
 * @fires portal-error - Loading failed; `detail.error`.
 *
 * @csspart base - The whole view.
 * @csspart header - Subject and facts.
 * @csspart subject - The subject heading.
 * @csspart conversation - The list of messages.
 * @csspart message - One message.
 * @csspart close-button - "Close ticket".
 * @csspart close-dialog - The confirmation dialog.
 * @csspart message-body - `body` of the nested `<portal-message-body>`.
 * @csspart message-show-images-button - `show-images-button` of the nested `<portal-message-body>`.
 * @csspart reply-editor - `editor` of the nested `<portal-reply-box>`.
 * @csspart reply-send-button - `send-button` of the nested `<portal-reply-box>`.
 * @csspart reply-preview-body - `preview-body` of the nested `<portal-reply-box>`.
 * @csspart reply-preview-show-images-button - `preview-show-images-button` of the nested `<portal-reply-box>`.
 * @csspart body - Short name of `message-body`.
 * @csspart show-images-button - Short name of `message-show-images-button`.
 * @csspart editor - Short name of `reply-editor`.
 * @csspart send-button - Short name of `reply-send-button`.
 *
 * @cssprop --portal-color-accent - Links and buttons.
 * @cssprop --portal-color-surface - Background of agent messages.
 */
export class TicketDetail extends PortalViewElement {
  static override styles = styles;

  /** The ticket to show. */
  @property({ type: Number, attribute: 'ticket-id' }) ticketId = 0;
  /** Level of the subject heading. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;
  /** The backend, when the element is used without a `<customer-portal>` around it. */
  @property({ attribute: false }) adapter?: PortalAdapter;
  /**
   * Language when used on its own (`de`, `sv`, `ar`, … or one added with `registerPortalTranslations`); defaults
   * to the page's `lang`. Inside `<customer-portal>` the portal's language applies.
   */
  @property() override locale = '';

  @state() private confirmingClose = false;
  @state() private closing = false;
  @state() private closeError = '';

  readonly #live = new LiveRegionController(this);
  #unsubscribe?: () => void;
  #subscribedTo?: PortalAdapter;
  #knownMessageIds = new Set<number>();

  get #adapter() {
    return this.portal.adapter;
  }

  readonly #load = new Task(this, {
    // Keyed on who is signed in, not on the session object: a refreshed session reloads nothing.
    args: () => [this.#adapter, this.portal.userId, this.ticketId] as const,
    task: async ([adapter, userId, id], { signal }) => {
      if (!adapter || !userId || !id) return undefined;
      void loadSanitizer();
      const [ticket, messages] = await Promise.all([adapter.getTicket(id, { signal }), adapter.listMessages(id, { signal })]);
      return { ticket, messages };
    },
    onComplete: (data) => {
      if (!data) return;
      this.localization.speak();
      const fresh = data.messages.filter((m) => !this.#knownMessageIds.has(m.id) && m.author.kind === 'agent');
      if (this.#knownMessageIds.size > 0 && fresh.length > 0) {
        this.#announce(msg(str`New reply from ${fresh.at(-1)!.author.name}.`, { id: 'detail.new-reply' }));
      }
      this.#knownMessageIds = new Set(data.messages.map((m) => m.id));
    },
    onError: (error) => {
      if (error instanceof PortalError) this.dispatchEvent(new PortalErrorEvent({ error }));
    },
  });

  protected override willUpdate() {
    const adapter = this.#adapter;
    if (adapter !== this.#subscribedTo && this.isConnected) this.#subscribe(adapter);
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.#adapter) this.#subscribe(this.#adapter);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedTo = undefined;
  }

  /** Live updates: a change to this ticket reloads it quietly. */
  #subscribe(adapter: PortalAdapter | undefined) {
    this.#unsubscribe?.();
    this.#subscribedTo = adapter;
    this.#unsubscribe = adapter?.subscribe((change) => {
      if ('ticketId' in change && change.ticketId === this.ticketId) void this.#load.run();
    });
  }

  #announce(message: string) {
    if (this.services) this.services.announce(message);
    else this.#live.announce(message);
  }

  #back = (event: Event) => {
    if (!this.services) return;
    event.preventDefault();
    this.services.navigate({ name: 'tickets', params: new URLSearchParams() });
  };

  #send = async (input: ReplyInput): Promise<Message> => {
    const message = await this.#adapter!.reply(this.ticketId, input);
    this.dispatchEvent(new PortalReplySentEvent({ ticketId: this.ticketId, messageId: message.id }));
    void this.#load.run();
    return message;
  };

  #close = async () => {
    this.confirmingClose = false;
    this.closing = true;
    this.closeError = '';
    try {
      await this.#adapter!.closeTicket(this.ticketId);
      this.localization.speak();
      this.dispatchEvent(new PortalTicketClosedEvent({ ticketId: this.ticketId }));
      this.#announce(msg(str`The ${this.#singular()} is closed.`, { id: 'detail.closed' }));
      await this.#load.run();
    } catch {
      this.localization.speak();
      this.closeError = msg(str`The ${this.#singular()} could not be closed. Please try again.`, { id: 'detail.close-failed' });
      this.#announce(this.closeError);
    } finally {
      this.closing = false;
    }
  };

  #singular() {
    return labelInSentence(this.settings?.ticketLabel.singular ?? 'Ticket', this.portalLocale);
  }

  protected override render() {
    const settings = this.settings;
    if (!settings || !this.session) return nothing;
    return html`
      <div part="base">
        ${this.#load.render({
          initial: () => this.#renderLoading(),
          pending: () => (this.#load.value ? this.#renderTicket(this.#load.value.ticket, this.#load.value.messages, settings) : this.#renderLoading()),
          complete: (data) => (data ? this.#renderTicket(data.ticket, data.messages, settings) : this.#renderLoading()),
          error: (error) => this.#renderError(error, settings),
        })}
      </div>
      ${this.services ? nothing : this.#live.render()}
    `;
  }

  #renderLoading() {
    return html`<div class="loading" aria-busy="true"><span class="skeleton"></span><span class="skeleton body"></span>
      <span class="visually-hidden" role="status">${msg('Loading…', { id: 'list.loading' })}</span></div>`;
  }

  #renderError(error: unknown, settings: PublicSettings) {
    const text = error instanceof NotFoundError
      ? msg(str`This ${this.#singular()} does not exist, or you cannot see it.`, { id: 'detail.not-found' })
      : error instanceof NetworkError
        ? msg('We could not reach the portal. Check your connection and try again.', { id: 'portal.unreachable' })
        : msg(str`The ${this.#singular()} could not be loaded.`, { id: 'detail.load-failed' });
    return html`<div class="problem" role="alert">
      <p>${text}</p>
      ${error instanceof NotFoundError ? nothing : html`<button class="primary" type="button" @click=${() => this.#load.run()}>${msg('Try again', { id: 'portal.try-again' })}</button>`}
      <p><a href="#/tickets" @click=${this.#back}>${msg(str`Back to ${labelInSentence(settings.ticketLabel.plural, this.portalLocale)}`, { id: 'portal.back-to-tickets' })}</a></p>
    </div>`;
  }

  #renderTicket(ticket: Ticket, messages: Message[], settings: PublicSettings) {
    const locale = this.portalLocale;
    const adapter = this.#adapter!;
    const tags = tagsFor(this);
    return html`
      ${renderTicketHeader(ticket, settings, CellFormat.for(locale), this.headingLevel, this.#back)}
      ${renderConversation(messages, locale, (id) => adapter.attachmentUrl(id), ticket.actions.reply, tags)}
      ${ticket.actions.reply
        ? staticHtml`<${tags['portal-reply-box']} exportparts=${exportParts('ticket-detail', 'portal-reply-box')} .userId=${this.session!.user.id} .ticketId=${ticket.id} .ticketLabel=${this.#singular()} .limits=${settings.uploads}
            .send=${this.#send} .announce=${(m: string) => this.#announce(m)}></${tags['portal-reply-box']}>`
        : html`<p class="notice">${msg(str`This ${this.#singular()} is closed. Replies are not possible.`, { id: 'detail.reply-closed' })}</p>`}
      ${ticket.actions.close
        ? html`<div class="close-row">
            <button class="secondary" part="close-button" type="button" ?disabled=${this.closing} @click=${() => { this.confirmingClose = true; }}>
              ${msg(str`Close ${this.#singular()}`, { id: 'detail.close' })}
            </button>
            ${this.closeError ? html`<p class="field-error">${this.closeError}</p>` : nothing}
          </div>`
        : nothing}
      ${renderCloseDialog(this.confirmingClose, this.#singular(), this.#close, () => { this.confirmingClose = false; })}
    `;
  }
}
