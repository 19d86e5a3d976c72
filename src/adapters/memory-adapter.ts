import type { CallOptions, CreateTicketInput, PortalAdapter, PortalChange, ReplyInput } from '../contract/adapter.js';
import {
  ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError,
} from '../contract/errors.js';
import type { Credentials, Registration, RegistrationResult, Session, TokenAndPassword } from '../contract/session.js';
import { mayEnterWithPassword } from '../domain/access.js';
import { TicketQuery, type Message, type Ticket } from '../contract/tickets.js';
import { parseOrThrow } from '../contract/validation.js';
import { closingStage, ticketActions, toMessage, visibleConversation } from '../domain/conversation.js';
import { demoWorld, type DemoWorld } from '../domain/demo-world.js';
import { toSummary, type DisplayContext } from '../domain/display.js';
import { exposedProperties, hiddenFilterField } from '../domain/exposed-properties.js';
import { registrationOutcome, UNCONFIRMED_REGISTRATION } from '../domain/registration.js';
import { canViewCompany, maySeeTicket, scopeFor } from '../domain/permissions.js';
import { toPublicSettings } from '../domain/public-settings.js';
import { queryTickets, selectTickets } from '../domain/ticket-query.js';
import { ticketsCsv } from '../domain/ticket-csv.js';
import { ticketFacets } from '../domain/facets.js';
import { fileFieldIssue, validateForm, type RawFormValues } from '../domain/form-validation.js';
import { displayFileName, fileProblems } from '../internal/files.js';
import type { ContactRecord, TicketRecord } from '../domain/world.js';
import type { Preferences } from '../contract/preferences.js';
import { effectiveColumns } from '../domain/columns.js';
import { ticketPartsFromForm } from '../domain/form-core-fields.js';

export interface MemoryAdapterOptions {
  /** The world to serve; defaults to the demo world (a fresh copy per adapter). */
  world?: DemoWorld;
  /** Start signed in as this contact (email). */
  signedInAs?: string;
  /** Simulated latency of every call, in ms. Default 0. */
  latency?: number;
  /** The clock, for sessions and new records. */
  now?: () => number;
  /** Overrides the idle timeout of sessions (seconds), e.g. a few seconds in stories and tests. */
  idleTimeoutSeconds?: number;
}

/**
 * An in-browser backend for stories, tests and offline demos. It applies the same domain rules as the
 * reference server (`src/domain/`), so what it shows is what the server would show.
 */
export class MemoryAdapter implements PortalAdapter {
  readonly world: DemoWorld;
  #contact: ContactRecord | null = null;
  readonly #latency: number;
  readonly #now: () => number;
  readonly #listeners = new Set<(change: PortalChange) => void>();
  readonly #replies = new Map<string, Message>();
  readonly #objectUrls = new Map<number, string>();
  readonly #linkTokens = new Map<string, { contactId: number; purpose: 'invite' | 'reset' }>();
  readonly #idleTimeoutSeconds?: number;

  constructor(options: MemoryAdapterOptions = {}) {
    this.world = options.world ?? demoWorld();
    this.#latency = options.latency ?? 0;
    this.#now = options.now ?? Date.now;
    this.#idleTimeoutSeconds = options.idleTimeoutSeconds;
    if (options.signedInAs) this.#contact = this.#contactByEmail(options.signedInAs) ?? null;
  }

  async #settle<T>(signal: AbortSignal | undefined, work: () => T | Promise<T>): Promise<T> {
    signal?.throwIfAborted();
    if (this.#latency > 0) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, this.#latency);
        signal?.addEventListener('abort', () => { clearTimeout(timer); reject(signal.reason); }, { once: true });
      });
    }
    return work();
  }

  #contactByEmail(email: string) {
    return this.world.contacts.find((c) => c.email.toLowerCase() === email.trim().toLowerCase());
  }

  /** Set when an access change ended the session: every call says so until the next sign-in. */
  #revoked = false;

  #me(): ContactRecord {
    // The session is checked against the current settings on every call, as the server does.
    if (this.#contact && !mayEnterWithPassword(this.world.settings, this.#contact)) {
      this.#contact = null;
      this.#revoked = true;
    }
    if (!this.#contact) {
      throw this.#revoked
        ? new UnauthenticatedError('Your access to this portal has changed. Sign in again.', { reason: 'access-revoked' })
        : new UnauthenticatedError('Please sign in.');
    }
    return this.#contact;
  }

  #ctx(): DisplayContext & { settings: DemoWorld['settings'] } {
    return {
      pipelines: this.world.pipelines,
      contacts: new Map(this.world.contacts.map((c) => [c.id, c])),
      agents: new Map(this.world.agents.map((a) => [a.id, a])),
      settings: this.world.settings,
    };
  }

  #session(contact: ContactRecord): Session {
    const idle = this.#idleTimeoutSeconds ?? this.world.settings.idleTimeoutMinutes * 60;
    return {
      user: { id: contact.id, email: contact.email, name: contact.name, companyId: contact.companyId },
      canViewCompany: canViewCompany(this.world.settings, contact),
      expiresAt: new Date(this.#now() + idle * 1000).toISOString(),
      idleTimeoutSeconds: idle,
    };
  }

  #visibleTicket(id: number): TicketRecord {
    const ticket = this.world.tickets.find((t) => t.id === id);
    if (!ticket || !maySeeTicket(this.world.settings, this.#me(), ticket)) throw new NotFoundError('This ticket does not exist.');
    return ticket;
  }

  #toTicket(record: TicketRecord): Ticket {
    const summary = toSummary(record, this.#ctx());
    summary.properties = exposedProperties(summary.properties, this.world.settings);
    return { ...summary, content: record.content, actions: ticketActions(this.world.settings, summary.status.closed) };
  }

  #emit(change: PortalChange) {
    for (const listener of this.#listeners) listener(change);
  }

  getSettings(options: CallOptions & { locale?: string } = {}) {
    return this.#settle(options.signal, () => toPublicSettings(this.world.settings, options.locale));
  }

  getSession(options: CallOptions = {}) {
    return this.#settle(options.signal, () => (this.#contact ? this.#session(this.#contact) : null));
  }

  signIn(credentials: Credentials, options: CallOptions = {}) {
    return this.#settle(options.signal, () => {
      const contact = this.#contactByEmail(credentials.email);
      if (!contact && this.#unconfirmed.get(credentials.email.trim().toLowerCase()) === credentials.password) {
        throw new ForbiddenError(UNCONFIRMED_REGISTRATION, { reason: 'unconfirmed' });
      }
      if (!contact || !contact.password || contact.password !== credentials.password) {
        throw new UnauthenticatedError('Wrong email or password.');
      }
      if (this.world.settings.access.mode === 'access-groups' && !mayEnterWithPassword(this.world.settings, contact)) {
        throw new ForbiddenError("You don't have access to this portal.");
      }
      this.#contact = contact;
      this.#revoked = false;
      return this.#session(contact);
    });
  }

  /** Registrations waiting for their address to be confirmed: address → password. */
  readonly #unconfirmed = new Map<string, string>();

  register(registration: Registration, options: CallOptions = {}): Promise<RegistrationResult> {
    return this.#settle(options.signal, () => {
      if (this.world.settings.access.mode !== 'self-registration') throw new ForbiddenError('Registration is not open.');
      if (registration.consent !== true) throw new ValidationError('Consent is required.', [{ field: 'consent', message: 'Consent is required to register.' }]);
      if ([...registration.password].length < 10) throw new ValidationError('The password is too short.', [{ field: 'password', message: 'Use at least 10 characters.' }]);
      const outcome = registrationOutcome(this.world.settings, this.#contactByEmail(registration.email) !== undefined);
      if (outcome === 'taken') return { status: 'check-email' as const };
      // Nothing is created until the emailed link is followed (this adapter sends no email: the address stays waiting).
      if (outcome === 'confirm') {
        this.#unconfirmed.set(registration.email.trim().toLowerCase(), registration.password);
        return { status: 'check-email' as const };
      }
      const contact = {
        id: Math.max(0, ...this.world.contacts.map((c) => c.id)) + 1, email: registration.email.trim(), name: registration.name.trim(),
        companyId: null, accessGroupIds: [], properties: {}, password: registration.password,
      };
      this.world.contacts.push(contact);
      this.#contact = contact;
      return this.#session(contact);
    });
  }

  signOut(options: CallOptions = {}) {
    return this.#settle(options.signal, () => { this.#contact = null; });
  }

  extendSession(options: CallOptions = {}) {
    return this.#settle(options.signal, () => this.#session(this.#me()));
  }

  readonly #preferences = new Map<number, Preferences>();

  getPreferences(options: CallOptions = {}) {
    return this.#settle(options.signal, () => this.#preferences.get(this.#me().id) ?? { replyEmails: true, locale: null });
  }

  setPreferences(preferences: Preferences, options: CallOptions = {}) {
    return this.#settle(options.signal, () => {
      const stored = { replyEmails: preferences.replyEmails, locale: preferences.locale?.toLowerCase().split('-')[0] ?? null };
      this.#preferences.set(this.#me().id, stored);
      return stored;
    });
  }

  requestPasswordReset(_email: string, options: CallOptions = {}) {
    return this.#settle(options.signal, () => undefined);
  }

  /** Issues an invitation or reset link token for a contact, as the server's outbox email would carry it. */
  createLinkToken(email: string, purpose: 'invite' | 'reset'): string {
    const contact = this.#contactByEmail(email);
    if (!contact) throw new NotFoundError('No such contact.');
    const token = crypto.randomUUID().replace(/-/g, '') + crypto.randomUUID().replace(/-/g, '');
    this.#linkTokens.set(token, { contactId: contact.id, purpose });
    return token;
  }

  #usePasswordLink(input: TokenAndPassword, purpose: 'invite' | 'reset', signal?: AbortSignal): Promise<Session> {
    return this.#settle(signal, () => {
      const entry = this.#linkTokens.get(input.token);
      const contact = entry?.purpose === purpose ? this.world.contacts.find((c) => c.id === entry.contactId) : undefined;
      if (!contact) throw new ValidationError('This link is invalid or has expired.', [{ field: 'token', message: 'This link is invalid or has expired.' }]);
      if ([...input.password].length < 10) throw new ValidationError('The password is too short.', [{ field: 'password', message: 'Use at least 10 characters.' }]);
      this.#linkTokens.delete(input.token);
      contact.password = input.password;
      this.#contact = contact;
      return this.#session(contact);
    });
  }

  resetPassword(input: TokenAndPassword, options: CallOptions = {}) {
    return this.#usePasswordLink(input, 'reset', options.signal);
  }

  acceptInvitation(input: TokenAndPassword, options: CallOptions = {}) {
    return this.#usePasswordLink(input, 'invite', options.signal);
  }

  requestSignInLink(_email: string, options: CallOptions = {}) {
    return this.#settle(options.signal, () => undefined);
  }

  listTickets(input: TicketQuery, options: CallOptions = {}) {
    return this.#settle(options.signal, () => {
      const query = parseOrThrow(TicketQuery, input, 'The ticket query is not valid.');
      const scope = scopeFor(this.world.settings, this.#me(), query.view);
      if (!scope) throw new ForbiddenError('You may only see your own tickets.');
      const hidden = hiddenFilterField(query, this.world.settings);
      if (hidden) throw new ValidationError(hidden.message, [hidden]);
      const page = queryTickets(this.world.tickets, scope, query, this.#ctx());
      return { ...page, items: page.items.map((item) => ({ ...item, properties: exposedProperties(item.properties, this.world.settings) })) };
    });
  }

  ticketFacets(view: TicketQuery['view'], options: CallOptions = {}) {
    return this.#settle(options.signal, () => {
      const scope = scopeFor(this.world.settings, this.#me(), view);
      if (!scope) throw new ForbiddenError('You may only see your own tickets.');
      return ticketFacets(this.world.tickets, scope, effectiveColumns(this.world.settings.columns), this.#ctx());
    });
  }

  exportTickets(input: TicketQuery, options: CallOptions & { locale?: string } = {}) {
    return this.#settle(options.signal, () => {
      const query = parseOrThrow(TicketQuery, input, 'The ticket query is not valid.');
      const scope = scopeFor(this.world.settings, this.#me(), query.view);
      if (!scope) throw new ForbiddenError('You may only see your own tickets.');
      const hidden = hiddenFilterField(query, this.world.settings);
      if (hidden) throw new ValidationError(hidden.message, [hidden]);
      const rows = selectTickets(this.world.tickets, scope, query, this.#ctx());
      const csv = ticketsCsv(rows, effectiveColumns(this.world.settings.columns), this.#ctx(), options.locale);
      return new Blob([csv], { type: 'text/csv;charset=utf-8' });
    });
  }

  getTicket(id: number, options: CallOptions = {}) {
    return this.#settle(options.signal, () => this.#toTicket(this.#visibleTicket(id)));
  }

  listMessages(ticketId: number, options: CallOptions = {}) {
    return this.#settle(options.signal, () => {
      this.#visibleTicket(ticketId);
      const ctx = this.#ctx();
      return visibleConversation(this.world.messages.filter((m) => m.ticketId === ticketId))
        .map((m) => toMessage(m, ctx, this.world.settings.ownerName));
    });
  }

  reply(ticketId: number, input: ReplyInput, options: CallOptions = {}) {
    return this.#settle(options.signal, async () => {
      const ticket = this.#visibleTicket(ticketId);
      const seen = this.#replies.get(input.idempotencyKey);
      if (seen) return seen;
      if (!this.#toTicket(ticket).actions.reply) throw new ForbiddenError('Replies to closed tickets are not possible.');
      const at = new Date(this.#now()).toISOString();
      const ids = this.world.messages.flatMap((m) => m.attachments.map((a) => a.id));
      let nextAttachment = Math.max(0, ...ids);
      const attachments = await Promise.all(input.files.map(async (f) => ({ id: ++nextAttachment, name: f.name, contentType: f.type, content: await f.blob.text() })));
      const thread = visibleConversation(this.world.messages.filter((m) => m.ticketId === ticketId))[0]?.thread ?? 1;
      const record = {
        id: Math.max(0, ...this.world.messages.map((m) => m.id)) + 1, ticketId, thread, authorKind: 'contact' as const,
        authorId: this.#me().id, body: input.body, internal: false, createdAt: at, attachments,
      };
      this.world.messages.push(record);
      ticket.lastActivityAt = at;
      const message = toMessage(record, this.#ctx(), this.world.settings.ownerName);
      this.#replies.set(input.idempotencyKey, message);
      return message;
    });
  }

  closeTicket(ticketId: number, options: CallOptions = {}) {
    return this.#settle(options.signal, () => {
      const ticket = this.#visibleTicket(ticketId);
      if (!this.world.settings.actions.customerClose) throw new ForbiddenError('Tickets cannot be closed here.');
      const stage = closingStage(this.world.settings, this.world.pipelines, ticket.pipeline);
      if (stage && ticket.stage !== stage.id) {
        ticket.stage = stage.id;
        ticket.lastActivityAt = new Date(this.#now()).toISOString();
        this.#emit({ type: 'ticket', ticketId });
      }
      return this.#toTicket(ticket);
    });
  }

  attachmentUrl(attachmentId: number) {
    let url = this.#objectUrls.get(attachmentId);
    if (!url) {
      const attachment = this.world.messages.flatMap((m) => m.attachments).find((a) => a.id === attachmentId);
      url = attachment ? URL.createObjectURL(new Blob([attachment.content], { type: 'application/octet-stream' })) : 'about:blank';
      this.#objectUrls.set(attachmentId, url);
    }
    return url;
  }

  getSupportForm(options: CallOptions = {}) {
    return this.#settle(options.signal, () => {
      const form = this.world.settings.supportForm;
      return form.enabled ? { menuText: form.menuText, headerText: form.headerText, fields: form.fields, uploads: form.uploads } : null;
    });
  }

  readonly #created = new Map<string, Ticket>();

  createTicket(input: CreateTicketInput, options: CallOptions = {}) {
    return this.#settle(options.signal, async () => {
      const me = this.#me();
      const form = this.world.settings.supportForm;
      if (!form.enabled) throw new ForbiddenError('The support form is not available.');
      const earlier = this.#created.get(`${me.id}:${input.idempotencyKey}`);
      if (earlier) return earlier;
      const raw: RawFormValues = Object.fromEntries(Object.entries(input.values).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)]));
      const result = validateForm(form.fields, raw);
      const fileIssue = fileFieldIssue(form.fields, raw, input.files.length);
      const problems = fileProblems(input.files, form.uploads);
      if (!result.ok || fileIssue || problems.length) {
        const issues = [...(result.ok ? [] : result.issues), ...(fileIssue ? [fileIssue] : [])];
        const fieldErrors = issues.map((i) => ({ field: i.field, message: i.message }));
        if (problems.length) fieldErrors.push({ field: 'files', message: 'The files are not within the upload limits.' });
        throw new ValidationError('Please check the form.', fieldErrors);
      }
      const { subject, content, priority, pipeline: chosen, properties } = ticketPartsFromForm(result.values, this.world.settings.defaultInbox);
      const pipeline = this.world.pipelines.find((p) => p.id === chosen) ?? this.world.pipelines[0];
      const at = new Date(this.#now()).toISOString();
      const record: TicketRecord = {
        id: Math.max(0, ...this.world.tickets.map((t) => t.id)) + 1, subject, content,
        pipeline: pipeline.id, stage: pipeline.stages[0].id, priority, ownerId: null, contactId: me.id,
        companyId: me.companyId, createdAt: at, lastActivityAt: at, properties,
      };
      this.world.tickets.push(record);
      let nextAttachment = Math.max(0, ...this.world.messages.flatMap((m) => m.attachments.map((x) => x.id)));
      const attachments = await Promise.all(input.files.map(async (f) => ({ id: ++nextAttachment, name: displayFileName(f.name), contentType: f.type, content: await f.blob.text() })));
      this.world.messages.push({
        id: Math.max(0, ...this.world.messages.map((m) => m.id)) + 1, ticketId: record.id, thread: 1, authorKind: 'contact',
        authorId: me.id, body: record.content, internal: false, createdAt: at, attachments,
      });
      const ticket = this.#toTicket(record);
      this.#created.set(`${me.id}:${input.idempotencyKey}`, ticket);
      return ticket;
    });
  }

  /** Adds an agent's reply as the helpdesk would (stories, tests, demos of live updates). */
  agentReply(ticketId: number, body: string, agentId = this.world.agents[0].id): void {
    const ticket = this.world.tickets.find((t) => t.id === ticketId);
    if (!ticket) throw new NotFoundError('No such ticket.');
    const at = new Date(this.#now()).toISOString();
    const thread = visibleConversation(this.world.messages.filter((m) => m.ticketId === ticketId))[0]?.thread ?? 1;
    const id = Math.max(0, ...this.world.messages.map((m) => m.id)) + 1;
    this.world.messages.push({ id, ticketId, thread, authorKind: 'agent', authorId: agentId, body, internal: false, createdAt: at, attachments: [] });
    ticket.lastActivityAt = at;
    this.#emit({ type: 'message', ticketId, messageId: id });
  }

  subscribe(listener: (change: PortalChange) => void) {
    this.#listeners.add(listener);
    return () => { this.#listeners.delete(listener); };
  }
}
