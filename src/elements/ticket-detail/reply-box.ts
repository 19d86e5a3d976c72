import { msg, str } from '../../internal/messages.js';
import { html, nothing, type PropertyValues } from 'lit';
import { PortalElement } from '../../internal/portal-element.js';
import { property, query, state } from 'lit/decorators.js';
import { html as staticHtml } from 'lit/static-html.js';
import { tagsFor } from '../../internal/tag-names.js';
import type { UploadLimits } from '../../contract/form.js';
import type { Message, UploadFile } from '../../contract/tickets.js';
import type { ReplyInput } from '../../contract/adapter.js';
import { PortalError } from '../../contract/errors.js';
import { clearDraft, loadDraft, saveDraft, type Draft } from '../../internal/drafts.js';
import { exportParts } from '../../internal/parts.js';
import { displayFileName, formatBytes } from '../../internal/files.js';
import { addFiles, onFilesPicked, stillToAttach } from '../../internal/ui/added-files.js';
import { DraftTimer } from '../../internal/ui/draft-timer.js';
import { isSafeUrl, sanitize } from '../../internal/sanitizer.js';
import { limitsText } from '../../internal/ui/file-messages.js';
import { submissionLimitText } from '../../internal/submission-errors.js';
import { replyBoxStyles } from './reply-box.styles.js';
import { icons } from './format-icons.js';
import { insertLink, selectionRange } from './editor-links.js';
import { renderDraftOffer } from './draft-offer.js';

interface Outgoing {
  key: string;
  body: string;
  files: File[];
  state: 'sending' | 'failed';
  reason?: string;
}

/**
 * The reply form of a ticket: a small rich-text editor (bold, italic, lists, links), attachments by picker or
 * drag and drop within the admin's limits, a draft saved as you type, and sending that never posts twice:
 * one idempotency key per message, reused by "Retry".
 *
 * @tag portal-reply-box
 * @summary Reply editor with attachments and drafts (internal part of `<ticket-detail>`).
 * @csspart editor - The text box.
 * @csspart send-button - "Send".
 * @csspart preview-body - `body` of the nested `<portal-message-body>`.
 * @csspart preview-show-images-button - `show-images-button` of the nested `<portal-message-body>`.
 * @csspart body - Short name of `preview-body`.
 * @csspart show-images-button - Short name of `preview-show-images-button`.
 */
export class ReplyBox extends PortalElement {
  static override styles = replyBoxStyles;

  @property({ type: Number }) userId = 0;
  @property({ type: Number }) ticketId = 0;
  /** The admin's ticket label as it stands inside a sentence ("ticket", "RMA"). */
  @property({ attribute: false }) ticketLabel = 'ticket';
  @property({ attribute: false }) limits: UploadLimits = { maxFiles: 5, maxBytes: 10_000_000, accept: [] };
  /** Posts a reply; resolves with the stored message. */
  @property({ attribute: false }) send?: (input: ReplyInput) => Promise<Message>;
  /** Speaks through the portal's live region. */
  @property({ attribute: false }) announce: (message: string) => void = () => {};

  @state() private files: File[] = [];
  @state() private problems: string[] = [];
  @state() private outgoing: Outgoing[] = [];
  @state() private offeredDraft: Draft | null = null;
  @state() private reattach: string[] = [];
  @state() private linkFormOpen = false;
  @state() private linkError = '';
  @state() private error = '';
  @state() private dragging = false;

  @query('#reply') private editor!: HTMLElement;
  readonly #draft = new DraftTimer(() => this.#saveDraft());
  #savedRange: Range | null = null;

  get #scope() {
    return `ticket-${this.ticketId}`;
  }

  protected override willUpdate(changed: PropertyValues) {
    if ((changed.has('ticketId') || changed.has('userId')) && this.userId && this.ticketId) {
      const draft = loadDraft(this.userId, this.#scope);
      this.offeredDraft = draft && (draft.html.trim() || draft.fileNames.length) ? draft : null;
    }
  }

  override connectedCallback() {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onVisibility);
    if (this.#draft.pending) this.#draft.flush();
  }

  readonly #onVisibility = () => {
    if (document.visibilityState === 'hidden') this.#draft.flush();
  };

  #editorHtml() {
    return this.editor?.innerHTML ?? '';
  }

  #hasText() {
    return (this.editor?.textContent ?? '').trim().length > 0;
  }

  #saveDraft() {
    if (!this.userId || !this.ticketId || this.offeredDraft) return;
    if (!this.#hasText() && this.files.length === 0) clearDraft(this.userId, this.#scope);
    else saveDraft(this.userId, this.#scope, { html: this.#editorHtml(), savedAt: new Date().toISOString(), fileNames: this.files.map((f) => f.name) });
  }

  #onInput = () => {
    this.error = '';
    this.#draft.schedule();
  };

  async #restoreDraft() {
    const draft = this.offeredDraft;
    if (!draft) return;
    this.offeredDraft = null;
    this.editor.replaceChildren(await sanitize(draft.html, { profile: 'message', showImages: true }));
    this.reattach = draft.fileNames;
    this.editor.focus();
    this.localization.speak();
    this.announce(msg('Draft restored.', { id: 'reply.draft-restored' }));
  }

  #discardDraft() {
    this.offeredDraft = null;
    this.reattach = [];
    clearDraft(this.userId, this.#scope);
    this.editor?.focus();
  }

  #format(command: 'bold' | 'italic' | 'insertUnorderedList' | 'insertOrderedList') {
    this.editor.focus();
    document.execCommand(command);
    this.#onInput();
  }

  #openLinkForm() {
    this.#savedRange = selectionRange(this.renderRoot);
    this.linkFormOpen = true;
    this.linkError = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#link-url')?.focus());
  }

  #addLink(event: Event) {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#link-url')!;
    const url = input.value.trim();
    if (!isSafeUrl(url)) {
      this.linkError = msg('Enter a full web or email address, starting with https:// or mailto:.', { id: 'reply.link-invalid' });
      input.focus();
      return;
    }
    insertLink(this.editor, this.#savedRange, url);
    this.linkFormOpen = false;
    this.#onInput();
  }

  #addFiles(list: FileList | File[]) {
    ({ files: this.files, problems: this.problems } = addFiles(this.files, list, this.limits, this.portalLocale));
    this.reattach = stillToAttach(this.reattach, this.files);
    if (this.problems.length) this.announce(this.problems.join(' '));
    this.#onInput();
  }

  #removeFile(file: File) {
    this.files = this.files.filter((f) => f !== file);
    this.problems = [];
    this.#onInput();
  }

  #submitting = false;

  async #submit(event: Event) {
    event.preventDefault();
    // Synchronous guard: a double click must not start a second message while the first is being prepared.
    if (!this.send || this.#submitting || this.outgoing.some((o) => o.state === 'sending')) return;
    this.#submitting = true;
    try {
      await this.#prepareAndSend();
    } finally {
      this.#submitting = false;
    }
  }

  async #prepareAndSend() {
    if (!this.#hasText() && this.files.length === 0) {
      this.error = msg('Write a reply or attach a file.', { id: 'reply.empty' });
      this.announce(this.error);
      this.editor.focus();
      return;
    }
    const container = document.createElement('div');
    container.append(await sanitize(this.#editorHtml(), { profile: 'message', showImages: true }));
    const outgoing: Outgoing = { key: crypto.randomUUID(), body: container.innerHTML, files: this.files, state: 'sending' };
    this.outgoing = [...this.outgoing, outgoing];
    this.editor.replaceChildren();
    this.files = [];
    this.problems = [];
    await this.#deliver(outgoing);
  }

  async #deliver(outgoing: Outgoing) {
    this.#setOutgoing(outgoing.key, { state: 'sending', reason: undefined });
    const files: UploadFile[] = outgoing.files.map((f) => ({ name: f.name, size: f.size, type: f.type, blob: f }));
    try {
      await this.send!({ body: outgoing.body, files, idempotencyKey: outgoing.key });
      this.localization.speak();
      this.outgoing = this.outgoing.filter((o) => o.key !== outgoing.key);
      if (this.outgoing.length === 0 && !this.#hasText() && this.files.length === 0) clearDraft(this.userId, this.#scope);
      this.announce(msg('Your reply was sent.', { id: 'reply.sent' }));
    } catch (error) {
      this.localization.speak();
      const reason = submissionLimitText(error) ?? (error instanceof PortalError && error.kind === 'network'
        ? msg('No connection. Your message is kept; send it again when you are back online.', { id: 'reply.offline' })
        : error instanceof PortalError && error.kind === 'forbidden'
          ? msg(str`Replies to this ${this.ticketLabel} are not possible any more.`, { id: 'reply.forbidden' })
          : msg('Your reply could not be sent.', { id: 'reply.failed' }));
      this.#setOutgoing(outgoing.key, { state: 'failed', reason });
      this.announce(reason);
    }
  }

  #setOutgoing(key: string, changes: Partial<Outgoing>) {
    this.outgoing = this.outgoing.map((o) => (o.key === key ? { ...o, ...changes } : o));
  }

  #onDrop(event: DragEvent) {
    event.preventDefault();
    this.dragging = false;
    if (event.dataTransfer?.files.length) this.#addFiles(event.dataTransfer.files);
  }

  protected override render() {
    const locale = this.portalLocale;
    const sending = this.outgoing.some((o) => o.state === 'sending');
    return html`
      ${this.outgoing.map((o) => this.#renderOutgoing(o))}
      <form class="reply ${this.dragging ? 'dragging' : ''}" novalidate @submit=${this.#submit}
        @dragover=${(e: DragEvent) => { e.preventDefault(); this.dragging = true; }}
        @dragleave=${() => { this.dragging = false; }}
        @drop=${this.#onDrop}>
        ${this.offeredDraft ? renderDraftOffer(this.offeredDraft, locale, () => this.#restoreDraft(), () => this.#discardDraft()) : nothing}
        <span class="label" id="reply-label">${msg('Reply', { id: 'reply.label' })}</span>
        <div class="format-bar" role="toolbar" aria-label=${msg('Formatting', { id: 'reply.formatting' })} @mousedown=${(e: Event) => e.preventDefault()}>
          <button type="button" aria-label=${msg('Bold', { id: 'reply.bold' })} @click=${() => this.#format('bold')}>${icons.bold}</button>
          <button type="button" aria-label=${msg('Italic', { id: 'reply.italic' })} @click=${() => this.#format('italic')}>${icons.italic}</button>
          <button type="button" aria-label=${msg('Bulleted list', { id: 'reply.bullets' })} @click=${() => this.#format('insertUnorderedList')}>${icons.bullets}</button>
          <button type="button" aria-label=${msg('Numbered list', { id: 'reply.numbers' })} @click=${() => this.#format('insertOrderedList')}>${icons.numbers}</button>
          <button type="button" aria-label=${msg('Link', { id: 'reply.link' })} @click=${() => this.#openLinkForm()}>${icons.link}</button>
        </div>
        ${this.linkFormOpen ? html`<div class="link-form">
          <label for="link-url">${msg('Link address', { id: 'reply.link-url' })}</label>
          <input id="link-url" type="url" inputmode="url" aria-invalid=${this.linkError ? 'true' : 'false'} aria-describedby=${this.linkError ? 'link-error' : nothing}
            @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') this.#addLink(e); if (e.key === 'Escape') { this.linkFormOpen = false; this.editor.focus(); } }} />
          <button class="secondary" type="button" @click=${(e: Event) => this.#addLink(e)}>${msg('Add link', { id: 'reply.add-link' })}</button>
          ${this.linkError ? html`<p class="field-error" id="link-error">${this.linkError}</p>` : nothing}
        </div>` : nothing}
        <div id="reply" part="editor" class="editor" role="textbox" aria-multiline="true" contenteditable="true"
          aria-labelledby="reply-label" aria-describedby=${this.error ? 'reply-error' : nothing} aria-invalid=${this.error ? 'true' : 'false'}
          @input=${this.#onInput}></div>
        ${this.error ? html`<p class="field-error" id="reply-error">${this.error}</p>` : nothing}
        <div class="files">
          <label class="attach secondary button-look">
            ${msg('Attach files', { id: 'reply.attach' })}
            <input type="file" multiple accept=${this.limits.accept.join(',') || nothing}
              @change=${onFilesPicked((files) => this.#addFiles(files))} />
          </label>
          <span class="hint">${limitsText(this.limits, locale)} ${msg('You can also drop files here.', { id: 'reply.drop' })}</span>
          ${this.reattach.length ? html`<p class="notice">${msg(str`Attach these files again: ${this.reattach.map(displayFileName).join(', ')}`, { id: 'reply.reattach' })}</p>` : nothing}
          ${this.problems.length ? html`<ul class="problems">${this.problems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
          ${this.files.length ? html`<ul class="file-list">${this.files.map((f) => html`<li>
            <span class="file-name">${displayFileName(f.name)}</span> <span class="muted">${formatBytes(f.size, locale)}</span>
            <button class="link-button" type="button" aria-label=${msg(str`Remove ${displayFileName(f.name)}`, { id: 'reply.remove-file' })} @click=${() => this.#removeFile(f)}>${msg('Remove', { id: 'reply.remove' })}</button>
          </li>`)}</ul>` : nothing}
        </div>
        <div class="actions">
          <button class="primary" part="send-button" type="submit" ?disabled=${sending} aria-busy=${sending ? 'true' : 'false'}>${msg('Send', { id: 'reply.send' })}</button>
        </div>
      </form>
    `;
  }

  #renderOutgoing(o: Outgoing) {
    return html`<div class="outgoing ${o.state}" role="group" aria-label=${o.state === 'sending' ? msg('Sending…', { id: 'reply.sending' }) : msg('Not sent', { id: 'reply.not-sent' })}>
      ${staticHtml`<${tagsFor(this)['portal-message-body']} exportparts=${exportParts('portal-reply-box', 'portal-message-body')} .html=${o.body}></${tagsFor(this)['portal-message-body']}>`}
      ${o.files.length ? html`<p class="muted">${o.files.map((f) => displayFileName(f.name)).join(', ')}</p>` : nothing}
      ${o.state === 'sending'
        ? html`<p class="muted">${msg('Sending…', { id: 'reply.sending' })}</p>`
        : html`<p class="field-error">${o.reason}</p>
          <button class="primary" type="button" @click=${() => this.#deliver(o)}>${msg('Retry', { id: 'reply.retry' })}</button>`}
    </div>`;
  }
}
