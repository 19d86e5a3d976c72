import { msg, str } from '../../internal/messages.js';
import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { PortalViewElement } from '../../internal/portal-context.js';
import { property, state } from 'lit/decorators.js';
import { html as staticHtml } from 'lit/static-html.js';
import type { PortalAdapter } from '../../contract/adapter.js';
import { NetworkError, PortalError, ValidationError } from '../../contract/errors.js';
import type { FormDefinition, FormField } from '../../contract/form.js';
import type { Ticket } from '../../contract/tickets.js';
import { fileFieldIssue, validateForm, visibleFields, type FormIssue, type RawFormValues } from '../../domain/form-validation.js';
import { clearDraft, loadDraft, saveDraft } from '../../internal/drafts.js';
import { PortalTicketCreatedEvent } from '../../internal/events.js';
import { displayFileName } from '../../internal/files.js';
import { addFiles, stillToAttach } from '../../internal/ui/added-files.js';
import { DraftTimer } from '../../internal/ui/draft-timer.js';
import { headingTag } from '../../internal/heading.js';
import { LiveRegionController } from '../../internal/live-region.js';
import { labelInSentence } from '../../internal/localization.js';
import { fieldId, renderFormField } from './form-fields.js';
import { isQuotaError, quotaText, submissionLimitText } from '../../internal/submission-errors.js';
import { issueText, problemCountText } from './form-messages.js';
import { formStart } from './form-start.js';
import { styles } from './support-form.styles.js';

const DRAFT_SCOPE = 'support-form';

/**
 * The support form the admin connected: fields from the backend's form definition (text, long text, email,
 * number, date, select, radio, checkbox, multiple checkboxes, files; conditional fields), validated in the
 * browser with the same rules the server applies, prefilled from attributes or the URL, saved as a draft while
 * typing, and submitted exactly once per draft (idempotency key).
 *
 * @tag support-form
 * @summary Support form that creates a ticket.
 *
 * @fires portal-ticket-created - A ticket was created; `detail.ticketId`.
 *
 * @csspart base - The whole form view.
 * @csspart form - The form element.
 * @csspart error-summary - The list of problems shown after a failed submit.
 * @csspart submit-button - "Submit".
 * @csspart success - The confirmation after submitting.
 *
 * @cssprop --portal-color-accent - Buttons and links.
 * @cssprop --portal-color-danger - Errors.
 */
export class SupportForm extends PortalViewElement {
  static override styles = styles;

  /** Prefill values from the URL (`#/new?subject=…&category=…`); set by `<customer-portal>`. */
  @property({ attribute: false }) params = new URLSearchParams();
  /** Level of the form heading. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** Leaves out the form heading (the portal's built-in view shows it already). */
  @property({ type: Boolean, attribute: 'no-heading' }) noHeading = false;
  /** The backend, when the element is used without a `<customer-portal>` around it. */
  @property({ attribute: false }) adapter?: PortalAdapter;
  /**
   * Language when used on its own (`de`, `sv`, `ar`, … or one added with `registerPortalTranslations`); defaults
   * to the page's `lang`. Inside `<customer-portal>` the portal's language applies.
   */
  @property() override locale = '';

  @state() private raw: RawFormValues = {};
  @state() private files: File[] = [];
  @state() private errors: Record<string, string> = {};
  @state() private summary: { field: string; text: string }[] = [];
  @state() private touched = new Set<string>();
  @state() private sending = false;
  @state() private sendError = '';
  @state() private created?: Ticket;
  @state() private restored = false;
  @state() private reattach: string[] = [];

  readonly #live = new LiveRegionController(this);
  #key: string = crypto.randomUUID();
  readonly #draft = new DraftTimer(() => this.#saveDraft());
  #prefilled = false;

  get #adapter() {
    return this.portal.adapter;
  }

  readonly #definition = new Task(this, {
    // Keyed on who is signed in, not on the session object: a refreshed session reloads nothing.
    args: () => [this.#adapter, this.portal.userId, this.settings?.supportForm?.headerText] as const,
    task: async ([adapter, userId], { signal }) => (adapter && userId ? adapter.getSupportForm({ signal }) : undefined),
    onComplete: (definition) => {
      this.localization.speak();
      if (definition) this.#start(definition);
    },
  });

  /** Draft first (nothing typed is lost), then attributes and URL parameters for fields still empty. */
  #start(definition: FormDefinition) {
    if (this.#prefilled) return;
    this.#prefilled = true;
    const userId = this.session?.user.id;
    const start = formStart(definition.fields, userId ? loadDraft(userId, DRAFT_SCOPE) : null,
      (name) => this.getAttribute(`prefill-${name.toLowerCase()}`) ?? this.params.get(name));
    if (start.key) this.#key = start.key;
    if (start.draft) ({ restored: this.restored, reattach: this.reattach } = start.draft);
    this.raw = start.raw;
  }

  protected override willUpdate() {
    if (this.session === null) this.#prefilled = false;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    if (this.#draft.pending) this.#draft.flush();
  }

  #announce(message: string) {
    if (this.services) this.services.announce(message);
    else this.#live.announce(message);
  }

  #saveDraft() {
    const userId = this.session?.user.id;
    if (!userId || this.created) return;
    saveDraft(userId, DRAFT_SCOPE, {
      html: JSON.stringify({ raw: this.raw, key: this.#key }), savedAt: new Date().toISOString(), fileNames: this.files.map((f) => f.name),
    });
  }

  #setValue(field: FormField, value: string | string[]) {
    this.raw = { ...this.raw, [field.name]: value };
    if (this.errors[field.name]) this.#revalidate(field.name);
    this.#draft.schedule();
  }

  /** Errors appear after a field is left (or on submit), and update as the user fixes them. */
  #revalidate(only?: string) {
    const definition = this.#definition.value;
    if (!definition) return;
    const result = validateForm(definition.fields, this.raw);
    const issues = result.ok ? [] : result.issues;
    const next: Record<string, string> = {};
    for (const issue of issues) {
      if (only ? issue.field === only || this.errors[issue.field] : this.touched.has(issue.field)) {
        next[issue.field] = issueText(issue, definition.fields.find((f) => f.name === issue.field));
      }
    }
    if (only) for (const [field, text] of Object.entries(this.errors)) if (field !== only && !next[field] && issues.some((i) => i.field === field)) next[field] = text;
    this.errors = next;
  }

  #onBlur(field: FormField) {
    this.touched = new Set(this.touched).add(field.name);
    this.#revalidate();
  }

  #addFiles(list: FileList) {
    const limits = this.#definition.value?.uploads ?? this.settings!.uploads;
    const { files, problems } = addFiles(this.files, list, limits, this.portalLocale);
    this.files = files;
    this.reattach = stillToAttach(this.reattach, files);
    const fileField = this.#definition.value?.fields.find((f) => f.type === 'file');
    const text = problems.join(' ');
    if (fileField) this.errors = { ...this.errors, [fileField.name]: text };
    if (text) this.#announce(text);
  }

  #submit = async (event: Event) => {
    event.preventDefault();
    const definition = this.#definition.value;
    const adapter = this.#adapter;
    if (!definition || !adapter || this.sending) return;
    this.sending = true;
    this.sendError = '';
    try {
      const result = validateForm(definition.fields, this.raw);
      const fileIssue = fileFieldIssue(definition.fields, this.raw, this.files.length);
      const issues: FormIssue[] = [...(result.ok ? [] : result.issues), ...(fileIssue ? [fileIssue] : [])];
      if (!result.ok || issues.length) {
        const order = definition.fields.map((f) => f.name);
        issues.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
        await this.#showProblems(issues.map((i) => ({ field: i.field, text: issueText(i, definition.fields.find((f) => f.name === i.field)) })));
        return;
      }
      const files = this.files.map((f) => ({ name: f.name, size: f.size, type: f.type, blob: f }));
      const ticket = await adapter.createTicket({ values: result.values, files, idempotencyKey: this.#key });
      this.localization.speak();
      this.created = ticket;
      this.#draft.cancel();
      if (this.session) clearDraft(this.session.user.id, DRAFT_SCOPE);
      this.dispatchEvent(new PortalTicketCreatedEvent({ ticketId: ticket.id }));
      this.#announce(this.#successText());
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="success"] [data-heading]')?.focus();
    } catch (error) {
      this.localization.speak();
      if (error instanceof ValidationError && error.fieldErrors.length) {
        this.#showProblems(error.fieldErrors.map((f) => ({
          field: f.field === 'files' ? (definition.fields.find((x) => x.type === 'file')?.name ?? f.field) : f.field,
          text: isQuotaError(f) ? quotaText() : f.message,
        })));
      } else {
        this.sendError = submissionLimitText(error) ?? (error instanceof PortalError && error.kind === 'network'
          ? msg('We could not send the form. Your entries are kept; please try again.', { id: 'form.offline' })
          : msg('The form could not be sent. Please try again.', { id: 'form.failed' }));
        this.#announce(this.sendError);
      }
    } finally {
      this.sending = false;
    }
  };

  async #showProblems(problems: { field: string; text: string }[]) {
    this.errors = Object.fromEntries(problems.map((p) => [p.field, p.text]));
    this.touched = new Set([...this.touched, ...problems.map((p) => p.field)]);
    this.summary = problems;
    this.#announce(problemCountText(problems.length, this.portalLocale));
    await this.updateComplete;
    this.#focusField(problems[0]?.field);
  }

  #focusField(name: string | undefined) {
    if (!name) return;
    const target = this.renderRoot.querySelector<HTMLElement>(`#field-${CSS.escape(name)}`);
    const control = target?.matches('fieldset') ? target.querySelector<HTMLElement>('input') : target;
    (control ?? target)?.focus();
  }

  #successText() {
    return msg(str`Your ${labelInSentence(this.settings?.ticketLabel.singular ?? 'Ticket', this.portalLocale)} was submitted`, { id: 'form.success' });
  }

  #startOver() {
    this.created = undefined;
    this.raw = {};
    this.files = [];
    this.errors = {};
    this.summary = [];
    this.touched = new Set();
    this.restored = false;
    this.reattach = [];
    this.#key = crypto.randomUUID();
    if (this.session) clearDraft(this.session.user.id, DRAFT_SCOPE);
  }

  protected override render() {
    if (!this.session || !this.settings) return nothing;
    return html`<div part="base">
      ${this.#definition.render({
        initial: () => html`<div class="loading" aria-busy="true"><span class="visually-hidden">${msg('Loading…', { id: 'list.loading' })}</span></div>`,
        pending: () => (this.#definition.value ? this.#renderForm(this.#definition.value) : html`<div class="loading" aria-busy="true"><span class="visually-hidden">${msg('Loading…', { id: 'list.loading' })}</span></div>`),
        complete: (definition) => (definition === null
          ? html`<p class="notice">${msg('The support form is not available.', { id: 'form.unavailable' })}</p>`
          : definition ? this.#renderForm(definition) : nothing),
        error: (error) => html`<div class="problem" role="alert"><p>${error instanceof NetworkError
          ? msg('We could not reach the portal. Check your connection and try again.', { id: 'portal.unreachable' })
          : msg('The form could not be loaded.', { id: 'form.load-failed' })}</p>
          <button class="primary" type="button" @click=${() => this.#definition.run()}>${msg('Try again', { id: 'portal.try-again' })}</button></div>`,
      })}
    </div>${this.services ? nothing : this.#live.render()}`;
  }

  #renderForm(definition: FormDefinition) {
    if (this.created) return this.#renderSuccess(this.created);
    const locale = this.portalLocale;
    const tag = headingTag(this.headingLevel);
    return html`
      ${this.noHeading ? nothing : staticHtml`<${tag} class="form-heading">${definition.headerText}</${tag}>`}
      ${this.restored ? html`<p class="notice">${msg('We restored the form you had started.', { id: 'form.restored' })}
        ${this.reattach.length ? msg(str`Attach these files again: ${this.reattach.map(displayFileName).join(', ')}`, { id: 'reply.reattach' }) : nothing}
        <button class="link-button" type="button" @click=${() => this.#startOver()}>${msg('Start over', { id: 'form.start-over' })}</button></p>` : nothing}
      ${this.summary.length ? html`<div class="error-summary" part="error-summary" role="group" aria-labelledby="summary-title">
        <p id="summary-title"><strong>${msg('Please check these fields:', { id: 'form.summary' })}</strong></p>
        <ul>${this.summary.map((p) => html`<li><a href="#${fieldId({ name: p.field } as FormField)}" @click=${(e: Event) => { e.preventDefault(); this.#focusField(p.field); }}>${p.text}</a></li>`)}</ul>
      </div>` : nothing}
      <form part="form" novalidate @submit=${this.#submit}>
        <p class="hint">${msg('Fields marked * are required.', { id: 'form.required-note' })}</p>
        ${visibleFields(definition.fields, this.raw).map((field) => renderFormField(field, {
          value: this.raw[field.name], error: this.errors[field.name], locale, limits: definition.uploads, files: this.files,
          onValue: (v) => this.#setValue(field, v), onBlur: () => this.#onBlur(field),
          onFiles: (list) => this.#addFiles(list), onRemoveFile: (f) => { this.files = this.files.filter((x) => x !== f); },
        }))}
        ${this.sendError ? html`<p class="form-error" role="alert">${this.sendError}</p>` : nothing}
        <div class="actions">
          <button class="primary" part="submit-button" type="submit" ?disabled=${this.sending} aria-busy=${this.sending ? 'true' : 'false'}>${msg('Submit', { id: 'form.submit' })}</button>
        </div>
      </form>
    `;
  }

  #renderSuccess(ticket: Ticket) {
    const tag = headingTag(this.noHeading ? this.headingLevel + 1 : this.headingLevel);
    const singular = this.settings?.ticketLabel.singular ?? 'Ticket';
    return html`<div part="success" class="success">
      ${staticHtml`<${tag} data-heading tabindex="-1">${this.#successText()}</${tag}>`}
      <p><a href="#/tickets/${ticket.id}" @click=${(e: Event) => { if (this.services) { e.preventDefault(); this.services.navigate({ name: 'ticket', id: ticket.id }); } }}>
        ${msg(str`View ${singular} #${ticket.id}`, { id: 'form.view-ticket' })}</a></p>
      <button class="secondary" type="button" @click=${() => this.#startOver()}>${msg(str`Submit another ${labelInSentence(singular, this.portalLocale)}`, { id: 'form.another' })}</button>
    </div>`;
  }
}
