import { createClient, type HttpClient, type Options } from './fetch-client.js';
import type { CallOptions, CreateTicketInput, PortalAdapter, PortalChange, ReplyInput } from '../contract/adapter.js';
import { ContractError, UnauthenticatedError } from '../contract/errors.js';
import { array, check, nullable, type Checker } from '../contract/check.js';
import {
  FormDefinition, Message, Preferences, PublicSettings, RegistrationResult, Session, Ticket, TicketFacets, TicketPage,
} from '../contract/answers.js';
import type { Credentials, Registration, TokenAndPassword } from '../contract/session.js';
import type { TicketQuery } from '../contract/tickets.js';
import { toPortalError } from './http-errors.js';
import { pollChanges, streamChanges } from './live-updates.js';
import { listQueryToParams } from '../contract/list-query.js';

export interface HttpAdapterOptions {
  /** Base URL of the API, e.g. `/api/v1` or `https://help.example.com/api/v1`. */
  baseUrl: string;
  /** For cross-site hosts: returns a bearer token for each request (cookies are used otherwise). */
  getToken?: () => string | null | Promise<string | null>;
  /** Milliseconds before a request counts as failed. Default 15 000. */
  timeout?: number;
  /** Retries of idempotent requests (and of POSTs with an idempotency key). Default 2. */
  retries?: number;
  /** How often to ask for changes (`subscribe`) when polling, in ms. Default 15 000. */
  pollInterval?: number;
  /** `auto` (default): server-sent events where available, polling otherwise; `poll`: always poll. */
  liveUpdates?: 'auto' | 'poll';
  fetch?: typeof fetch;
}

/** Header every state-changing request carries; the server refuses such requests without it (CSRF defence). */
export const CSRF_HEADER = 'X-Portal-Request';

/**
 * The reference server's API as a `PortalAdapter`: one configured fetch client (timeouts, retries with jitter,
 * Retry-After capped), every answer checked against the contract's answer shapes (`contract/answers.ts`).
 */
export class HttpAdapter implements PortalAdapter {
  readonly #http: HttpClient;
  readonly #base: string;
  readonly #pollInterval: number;
  readonly #useStream: boolean;

  constructor(options: HttpAdapterOptions) {
    this.#base = options.baseUrl.replace(/\/+$/, '');
    this.#pollInterval = options.pollInterval ?? 15_000;
    const getToken = options.getToken;
    // EventSource sends cookies only: bearer tokens and a custom fetch need polling.
    this.#useStream = options.liveUpdates !== 'poll' && !getToken && !options.fetch && typeof EventSource !== 'undefined';
    this.#http = createClient({
      prefixUrl: this.#base,
      credentials: 'include',
      timeout: options.timeout ?? 15_000,
      fetch: options.fetch,
      retry: {
        limit: options.retries ?? 2,
        methods: ['get', 'head', 'put', 'delete', 'options'],
        statusCodes: [408, 429, 500, 502, 503, 504],
        afterStatusCodes: [413, 429, 503],
        maxRetryAfter: 10_000,
        backoffLimit: 4_000,
      },
      headers: { Accept: 'application/json', [CSRF_HEADER]: '1' },
      beforeRequest: async (headers) => {
        const token = getToken ? await getToken() : null;
        if (token) headers.set('Authorization', `Bearer ${token}`);
      },
    });
  }

  async #call<T>(checker: Checker<T>, path: string, options: Options = {}): Promise<T> {
    let data: unknown;
    try {
      const response = await this.#http(path, options);
      data = response.status === 204 ? undefined : await response.json();
    } catch (error) {
      throw await toPortalError(error);
    }
    const checked = check(checker, data);
    if (!checked.ok) throw new ContractError(`The server's answer to ${path} does not match the contract.`, checked.problems);
    return checked.value;
  }

  async #send(path: string, options: Options): Promise<void> {
    try {
      await this.#http(path, options);
    } catch (error) {
      throw await toPortalError(error);
    }
  }

  getSettings(options: CallOptions & { locale?: string } = {}) {
    const searchParams = options.locale ? { locale: options.locale } : undefined;
    return this.#call(PublicSettings, 'portal', { signal: options.signal, searchParams });
  }

  /** The server answers `null` (200) when nobody is signed in; a 401 from an older server means the same. */
  async getSession(options: CallOptions = {}) {
    try {
      return await this.#call(nullable(Session), 'auth/session', { signal: options.signal, retry: 0 });
    } catch (error) {
      if (error instanceof UnauthenticatedError) return null;
      throw error;
    }
  }

  signIn(credentials: Credentials, options: CallOptions = {}) {
    return this.#call(Session, 'auth/login', { method: 'post', json: credentials, signal: options.signal });
  }

  register(registration: Registration, options: CallOptions = {}) {
    return this.#call(RegistrationResult, 'auth/register', { method: 'post', json: registration, signal: options.signal });
  }

  signOut(options: CallOptions = {}) {
    return this.#send('auth/logout', { method: 'post', signal: options.signal });
  }

  extendSession(options: CallOptions = {}) {
    return this.#call(Session, 'auth/session/extend', { method: 'post', signal: options.signal });
  }

  getPreferences(options: CallOptions = {}) {
    return this.#call(Preferences, 'me/preferences', { signal: options.signal });
  }

  setPreferences(preferences: Preferences, options: CallOptions = {}) {
    return this.#call(Preferences, 'me/preferences', { method: 'put', json: preferences, signal: options.signal });
  }

  requestPasswordReset(email: string, options: CallOptions = {}) {
    return this.#send('auth/password/forgot', { method: 'post', json: { email }, signal: options.signal });
  }

  resetPassword(input: TokenAndPassword, options: CallOptions = {}) {
    return this.#call(Session, 'auth/password/reset', { method: 'post', json: input, signal: options.signal });
  }

  acceptInvitation(input: TokenAndPassword, options: CallOptions = {}) {
    return this.#call(Session, 'auth/invite/accept', { method: 'post', json: input, signal: options.signal });
  }

  requestSignInLink(email: string, options: CallOptions = {}) {
    return this.#send('auth/magic-link', { method: 'post', json: { email }, signal: options.signal });
  }

  listTickets(query: TicketQuery, options: CallOptions = {}) {
    return this.#call(TicketPage, 'tickets', { searchParams: listQueryToParams(query), signal: options.signal });
  }

  ticketFacets(view: TicketQuery['view'], options: CallOptions = {}) {
    return this.#call(TicketFacets, 'tickets/facets', { searchParams: { view }, signal: options.signal });
  }

  async exportTickets(query: TicketQuery, options: CallOptions & { locale?: string } = {}) {
    const searchParams = listQueryToParams(query);
    searchParams.delete('page');
    searchParams.delete('pageSize');
    if (options.locale) searchParams.set('locale', options.locale);
    try {
      return await (await this.#http('tickets/export.csv', { searchParams, signal: options.signal, timeout: 120_000 })).blob();
    } catch (error) {
      throw await toPortalError(error);
    }
  }

  getTicket(id: number, options: CallOptions = {}) {
    return this.#call(Ticket, `tickets/${id}`, { signal: options.signal });
  }

  listMessages(ticketId: number, options: CallOptions = {}) {
    return this.#call(array(Message), `tickets/${ticketId}/messages`, { signal: options.signal });
  }

  reply(ticketId: number, input: ReplyInput, options: CallOptions = {}) {
    const body = new FormData();
    body.set('body', input.body);
    for (const file of input.files) body.append('files[]', file.blob, file.name);
    return this.#call(Message, `tickets/${ticketId}/messages`, idempotentPost(body, input.idempotencyKey, options));
  }

  closeTicket(ticketId: number, options: CallOptions = {}) {
    return this.#call(Ticket, `tickets/${ticketId}/close`, { method: 'post', signal: options.signal });
  }

  attachmentUrl(attachmentId: number) {
    return `${this.#base}/attachments/${attachmentId}`;
  }

  getSupportForm(options: CallOptions = {}) {
    return this.#call(nullable(FormDefinition), 'forms/support', { signal: options.signal });
  }

  createTicket(input: CreateTicketInput, options: CallOptions = {}) {
    const body = new FormData();
    for (const [name, value] of Object.entries(input.values)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(name, String(v));
    }
    for (const file of input.files) body.append('files[]', file.blob, file.name);
    return this.#call(Ticket, 'tickets', idempotentPost(body, input.idempotencyKey, options));
  }

  /**
   * Live updates: server-sent events (`/events/stream`) where the browser has EventSource and the session is a
   * cookie; polling `/events` every `pollInterval` otherwise, and whenever the stream is refused.
   */
  subscribe(listener: (change: PortalChange) => void): () => void {
    const poll = () => pollChanges(async (since, etag) => {
      const response = await this.#http('events', {
        searchParams: { since }, retry: 0, throwHttpErrors: false,
        headers: etag ? { 'If-None-Match': etag } : {},
      });
      return {
        status: response.status, date: response.headers.get('Date'), etag: response.headers.get('ETag'),
        body: response.status === 200 ? await response.json() : undefined,
      };
    }, this.#pollInterval, listener);
    if (!this.#useStream) return poll();
    return streamChanges(new URL(`${this.#base}/events/stream`, globalThis.location?.href).href, listener, poll);
  }
}

/** A POST that may be retried safely because the server deduplicates by its idempotency key. */
function idempotentPost(body: FormData, key: string, options: CallOptions): Options {
  return {
    method: 'post',
    body,
    signal: options.signal,
    headers: { 'Idempotency-Key': key },
    retry: { limit: 2, methods: ['post'], statusCodes: [408, 429, 500, 502, 503, 504], backoffLimit: 4_000 },
  };
}
