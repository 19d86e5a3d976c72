import type { CallOptions, CreateTicketInput, PortalAdapter, PortalChange, ReplyInput } from '../contract/adapter.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../contract/errors.js';
import type { Credentials, Registration, RegistrationResult, Session, TokenAndPassword } from '../contract/session.js';
import { ACCESS_REVOKED, mayEnterWithPassword } from '../domain/access.js';
import type { Message, Ticket, TicketQuery } from '../contract/tickets.js';
import { closingStage, toMessage, visibleConversation } from '../domain/conversation.js';
import { demoWorld, type DemoWorld } from '../domain/demo-world.js';
import { maySeeTicket } from '../domain/permissions.js';
import { toPublicSettings } from '../domain/public-settings.js';
import type { ContactRecord, TicketRecord } from '../domain/world.js';
import type { Preferences } from '../contract/preferences.js';
import { displayContext, exportCsv, facetsOf, listPage, sessionOf, toTicket } from './memory-reads.js';
import { refuseUnconfirmed, registerContact, setPasswordByLink, type LinkTokens, type UnconfirmedRegistrations } from './memory-accounts.js';
import { addMessage, fingerprintOf, refuseWithoutAccess, replayed, storeReply, storeTicketFromForm, visibleThreadOf } from './memory-writes.js';

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
  readonly #replies = new Map<string, { fingerprint: string; message: Message }>();
  readonly #objectUrls = new Map<number, string>();
  readonly #linkTokens: LinkTokens = new Map();
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
  readonly #unconfirmed: UnconfirmedRegistrations = new Map();

  #me(): ContactRecord {
    // The session is checked against the current settings on every call, as the server does.
    if (this.#contact && !mayEnterWithPassword(this.world.settings, this.#contact)) {
      this.#contact = null;
      this.#revoked = true;
    }
    if (!this.#contact) {
      throw this.#revoked
        ? new UnauthenticatedError(ACCESS_REVOKED, { reason: 'access-revoked' })
        : new UnauthenticatedError('Please sign in.');
    }
    return this.#contact;
  }

  #ctx() {
    return displayContext(this.world);
  }

  #session(contact: ContactRecord): Session {
    return sessionOf(this.world, contact, this.#now(), this.#idleTimeoutSeconds);
  }

  #visibleTicket(id: number): TicketRecord {
    const ticket = this.world.tickets.find((t) => t.id === id);
    if (!ticket || !maySeeTicket(this.world.settings, this.#me(), ticket)) throw new NotFoundError('This ticket does not exist.');
    return ticket;
  }

  #toTicket(record: TicketRecord): Ticket {
    return toTicket(this.world, record);
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
      refuseUnconfirmed(this.world, this.#unconfirmed, credentials);
      const contact = this.#contactByEmail(credentials.email);
      if (!contact || !contact.password || contact.password !== credentials.password) {
        throw new UnauthenticatedError('Wrong email or password.');
      }
      refuseWithoutAccess(this.world.settings, contact);
      this.#contact = contact;
      this.#revoked = false;
      return this.#session(contact);
    });
  }

  register(registration: Registration, options: CallOptions = {}): Promise<RegistrationResult> {
    return this.#settle(options.signal, () => {
      const contact = registerContact(this.world, registration, this.#unconfirmed);
      if (!contact) return { status: 'check-email' as const };
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
      const contact = setPasswordByLink(this.world, this.#linkTokens, input, purpose);
      this.#contact = contact;
      this.#revoked = false;
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
    return this.#settle(options.signal, () => listPage(this.world, this.#me(), input));
  }

  ticketFacets(view: TicketQuery['view'], options: CallOptions = {}) {
    return this.#settle(options.signal, () => facetsOf(this.world, this.#me(), view));
  }

  exportTickets(input: TicketQuery, options: CallOptions & { locale?: string } = {}) {
    return this.#settle(options.signal, () => exportCsv(this.world, this.#me(), input, options.locale));
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
      const key = `${this.#me().id}:${input.idempotencyKey}`;
      const fingerprint = fingerprintOf(ticketId, input.body, input.files);
      const seen = this.#replies.get(key);
      if (seen) return replayed(seen, fingerprint).message;
      if (!this.#toTicket(ticket).actions.reply) throw new ForbiddenError('Replies to closed tickets are not possible.');
      const at = new Date(this.#now()).toISOString();
      const record = await storeReply(this.world, ticket, { authorId: this.#me().id, body: input.body, files: input.files, at });
      this.#emit({ type: 'message', ticketId, messageId: record.id });
      const message = toMessage(record, this.#ctx(), this.world.settings.ownerName);
      this.#replies.set(key, { fingerprint, message });
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

  readonly #created = new Map<string, { fingerprint: string; ticket: Ticket }>();

  createTicket(input: CreateTicketInput, options: CallOptions = {}) {
    return this.#settle(options.signal, async () => {
      const me = this.#me();
      if (!this.world.settings.supportForm.enabled) throw new ForbiddenError('The support form is not available.');
      const fingerprint = fingerprintOf(null, input.values, input.files);
      const earlier = this.#created.get(`${me.id}:${input.idempotencyKey}`);
      if (earlier) return replayed(earlier, fingerprint).ticket;
      const record = await storeTicketFromForm(this.world, me, input, new Date(this.#now()).toISOString());
      this.#emit({ type: 'ticket', ticketId: record.id });
      const ticket = this.#toTicket(record);
      this.#created.set(`${me.id}:${input.idempotencyKey}`, { fingerprint, ticket });
      return ticket;
    });
  }

  /** Adds an agent's reply as the helpdesk would (stories, tests, demos of live updates). */
  agentReply(ticketId: number, body: string, agentId = this.world.agents[0].id): void {
    const ticket = this.world.tickets.find((t) => t.id === ticketId);
    if (!ticket) throw new NotFoundError('No such ticket.');
    const at = new Date(this.#now()).toISOString();
    const { id } = addMessage(this.world.messages, {
      ticketId, thread: visibleThreadOf(this.world, ticketId), authorKind: 'agent', authorId: agentId, body, internal: false, createdAt: at, attachments: [],
    });
    ticket.lastActivityAt = at;
    this.#emit({ type: 'message', ticketId, messageId: id });
  }

  subscribe(listener: (change: PortalChange) => void) {
    this.#listeners.add(listener);
    return () => { this.#listeners.delete(listener); };
  }
}
