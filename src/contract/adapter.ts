import type { Credentials, Registration, RegistrationResult, Session, TokenAndPassword } from './session.js';
import type { PublicSettings } from './settings.js';
import type { Message, Ticket, TicketFacets, TicketPage, TicketQuery, UploadFile } from './tickets.js';
import type { FormDefinition } from './form.js';
import type { Preferences } from './preferences.js';
import type { PortalChange } from './changes.js';

export type { PortalChange } from './changes.js';

/** Options every adapter operation takes. */
export interface CallOptions {
  signal?: AbortSignal;
}

export interface ReplyInput {
  /** Sanitized HTML from the reply editor. */
  body: string;
  files: UploadFile[];
  /** Same key → same message; retries never post twice. */
  idempotencyKey: string;
}

export interface CreateTicketInput {
  values: Record<string, string | number | boolean | string[]>;
  files: UploadFile[];
  idempotencyKey: string;
}

/**
 * The only seam between the elements and a backend. Every operation takes an `AbortSignal`,
 * resolves with data checked against the contract and rejects only with the errors of `contract/errors.ts`.
 */
export interface PortalAdapter {
  // Settings and session
  getSettings(options?: CallOptions & { locale?: string }): Promise<PublicSettings>;
  /** The current session, or `null` when signed out. */
  getSession(options?: CallOptions): Promise<Session | null>;
  signIn(credentials: Credentials, options?: CallOptions): Promise<Session>;
  register(registration: Registration, options?: CallOptions): Promise<RegistrationResult>;
  signOut(options?: CallOptions): Promise<void>;
  /** Marks activity; resolves with the refreshed session. */
  extendSession(options?: CallOptions): Promise<Session>;
  requestPasswordReset(email: string, options?: CallOptions): Promise<void>;
  resetPassword(input: TokenAndPassword, options?: CallOptions): Promise<Session>;
  acceptInvitation(input: TokenAndPassword, options?: CallOptions): Promise<Session>;
  requestSignInLink(email: string, options?: CallOptions): Promise<void>;

  // Tickets
  listTickets(query: TicketQuery, options?: CallOptions): Promise<TicketPage>;
  /** The values the list can be filtered by in a view (`filter[property]=value`), with counts. */
  ticketFacets(view: TicketQuery['view'], options?: CallOptions): Promise<TicketFacets>;
  /** The whole view (every page; search, status and filters applied) as RFC 4180 CSV, UTF-8 with BOM. */
  exportTickets(query: TicketQuery, options?: CallOptions & { locale?: string }): Promise<Blob>;
  getTicket(id: number, options?: CallOptions): Promise<Ticket>;
  listMessages(ticketId: number, options?: CallOptions): Promise<Message[]>;
  reply(ticketId: number, input: ReplyInput, options?: CallOptions): Promise<Message>;
  closeTicket(ticketId: number, options?: CallOptions): Promise<Ticket>;
  attachmentUrl(attachmentId: number): string;

  // Support form
  getSupportForm(options?: CallOptions): Promise<FormDefinition | null>;
  createTicket(input: CreateTicketInput, options?: CallOptions): Promise<Ticket>;

  /** Calls `listener` for every change the user may see; returns the unsubscribe function. */
  subscribe(listener: (change: PortalChange) => void): () => void;

  // Preferences (optional: the portal hides the email switch for adapters without them)
  /** The signed-in contact's email choices and language. */
  getPreferences?(options?: CallOptions): Promise<Preferences>;
  setPreferences?(preferences: Preferences, options?: CallOptions): Promise<Preferences>;
}
