import { MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory-adapter.js';
import type { CallOptions } from '../../src/contract/adapter.js';
import { NetworkError } from '../../src/contract/errors.js';
import type { PublicSettings } from '../../src/contract/settings.js';
import type { FormDefinition } from '../../src/contract/form.js';
import type { Ticket, TicketPage, TicketQuery } from '../../src/contract/tickets.js';

/**
 * Adapters for stories (and the tests that render them) that show states a working backend never holds
 * still for. Each is the MemoryAdapter except for one operation (`getSettings` for the portal's own loading and
 * error states, `listTickets` for the ticket list's, `getTicket` for the ticket detail's, `getSupportForm` for the support form's); the browser tests have their own, finer
 * `ControlledAdapter` (test/browser/helpers/) for settling promises by hand.
 */

/** `getSettings` never resolves (until the element aborts it): the portal stays in its loading state. */
export class PendingAdapter extends MemoryAdapter {
  override getSettings(options: CallOptions & { locale?: string } = {}): Promise<PublicSettings> {
    return new Promise((_resolve, reject) => {
      const { signal } = options;
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  }
}

export interface FailingAdapterOptions extends MemoryAdapterOptions {
  /** What `getSettings` rejects with. Default: a `NetworkError` (server unreachable). */
  error?: () => Error;
  /** How many `getSettings` calls fail before it works ("Try again" then recovers). Default: every call. */
  failures?: number;
}

/** `getSettings` rejects with a typed error, by default on every call. */
export class FailingAdapter extends MemoryAdapter {
  readonly #error: () => Error;
  #failuresLeft: number;

  constructor({ error, failures, ...options }: FailingAdapterOptions = {}) {
    super(options);
    this.#error = error ?? (() => new NetworkError('The server could not be reached.'));
    this.#failuresLeft = failures ?? Number.POSITIVE_INFINITY;
  }

  override getSettings(options: CallOptions & { locale?: string } = {}): Promise<PublicSettings> {
    if (this.#failuresLeft <= 0) return super.getSettings(options);
    this.#failuresLeft -= 1;
    return Promise.reject(this.#error());
  }
}

/** Settings and session load, but `listTickets` never resolves (until the list aborts it): the list's skeleton. */
export class PendingListAdapter extends MemoryAdapter {
  override listTickets(_query: TicketQuery, options: CallOptions = {}): Promise<TicketPage> {
    return new Promise((_resolve, reject) => {
      const { signal } = options;
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  }
}

/** `listTickets` rejects with a typed error, by default on every call (see `FailingAdapterOptions`). */
export class FailingListAdapter extends MemoryAdapter {
  readonly #error: () => Error;
  #failuresLeft: number;

  constructor({ error, failures, ...options }: FailingAdapterOptions = {}) {
    super(options);
    this.#error = error ?? (() => new NetworkError('The server could not be reached.'));
    this.#failuresLeft = failures ?? Number.POSITIVE_INFINITY;
  }

  override listTickets(query: TicketQuery, options: CallOptions = {}): Promise<TicketPage> {
    if (this.#failuresLeft <= 0) return super.listTickets(query, options);
    this.#failuresLeft -= 1;
    return Promise.reject(this.#error());
  }
}

/** Settings, session and messages load, but `getTicket` never resolves (until the detail aborts it): its skeleton. */
export class PendingDetailAdapter extends MemoryAdapter {
  override getTicket(_id: number, options: CallOptions = {}): Promise<Ticket> {
    return new Promise((_resolve, reject) => {
      const { signal } = options;
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  }
}

/** `getTicket` rejects with a typed error, by default on every call (see `FailingAdapterOptions`). */
export class FailingDetailAdapter extends MemoryAdapter {
  readonly #error: () => Error;
  #failuresLeft: number;

  constructor({ error, failures, ...options }: FailingAdapterOptions = {}) {
    super(options);
    this.#error = error ?? (() => new NetworkError('The server could not be reached.'));
    this.#failuresLeft = failures ?? Number.POSITIVE_INFINITY;
  }

  override getTicket(id: number, options: CallOptions = {}): Promise<Ticket> {
    if (this.#failuresLeft <= 0) return super.getTicket(id, options);
    this.#failuresLeft -= 1;
    return Promise.reject(this.#error());
  }
}

/** Settings and session load, but `getSupportForm` never resolves (until the form aborts it): its loading state. */
export class PendingFormAdapter extends MemoryAdapter {
  override getSupportForm(options: CallOptions = {}): Promise<FormDefinition | null> {
    return new Promise((_resolve, reject) => {
      const { signal } = options;
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  }
}

/** `getSupportForm` rejects with a typed error, by default on every call (see `FailingAdapterOptions`). */
export class FailingFormAdapter extends MemoryAdapter {
  readonly #error: () => Error;
  #failuresLeft: number;

  constructor({ error, failures, ...options }: FailingAdapterOptions = {}) {
    super(options);
    this.#error = error ?? (() => new NetworkError('The server could not be reached.'));
    this.#failuresLeft = failures ?? Number.POSITIVE_INFINITY;
  }

  override getSupportForm(options: CallOptions = {}): Promise<FormDefinition | null> {
    if (this.#failuresLeft <= 0) return super.getSupportForm(options);
    this.#failuresLeft -= 1;
    return Promise.reject(this.#error());
  }
}

export const pendingAdapter = (options?: MemoryAdapterOptions) => new PendingAdapter(options);
export const failingAdapter = (options?: FailingAdapterOptions) => new FailingAdapter(options);
export const pendingListAdapter = (options?: MemoryAdapterOptions) => new PendingListAdapter(options);
export const failingListAdapter = (options?: FailingAdapterOptions) => new FailingListAdapter(options);
export const pendingDetailAdapter = (options?: MemoryAdapterOptions) => new PendingDetailAdapter(options);
export const failingDetailAdapter = (options?: FailingAdapterOptions) => new FailingDetailAdapter(options);
export const pendingFormAdapter = (options?: MemoryAdapterOptions) => new PendingFormAdapter(options);
export const failingFormAdapter = (options?: FailingAdapterOptions) => new FailingFormAdapter(options);
