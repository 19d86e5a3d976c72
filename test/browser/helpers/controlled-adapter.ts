import { MemoryAdapter, type MemoryAdapterOptions } from '../../../src/adapters/memory-adapter.js';
import type { CallOptions } from '../../../src/contract/adapter.js';
import type { Session } from '../../../src/contract/session.js';
import type { PublicSettings } from '../../../src/contract/settings.js';
import type { TicketPage, TicketQuery } from '../../../src/contract/tickets.js';

/** A promise the test settles by hand. */
export interface Held<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
  /** Resolves once the element has asked for it. */
  called: Promise<void>;
}

function held<T>(): Held<T> & { markCalled(): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  let markCalled!: () => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  const called = new Promise<void>((res) => { markCalled = res; });
  return { promise, resolve, reject, called, markCalled };
}

/**
 * The MemoryAdapter, except that chosen operations wait for the test: `const h = adapter.hold('getSettings')`,
 * then `h.resolve(...)` or `h.reject(...)`. Covers loading and error states without timers.
 */
export class ControlledAdapter extends MemoryAdapter {
  readonly #holds = new Map<string, (Held<unknown> & { markCalled(): void })[]>();
  readonly calls: string[] = [];

  constructor(options?: MemoryAdapterOptions) {
    super(options);
  }

  hold(operation: 'getSettings'): Held<PublicSettings>;
  hold(operation: 'getSession'): Held<Session | null>;
  hold(operation: 'listTickets'): Held<TicketPage>;
  hold(operation: string): Held<unknown> {
    const h = held<unknown>();
    this.#holds.set(operation, [...(this.#holds.get(operation) ?? []), h]);
    return h;
  }

  #take<T>(operation: string): Promise<T> | undefined {
    this.calls.push(operation);
    const queue = this.#holds.get(operation);
    const h = queue?.shift();
    if (!h) return undefined;
    h.markCalled();
    return h.promise as Promise<T>;
  }

  override getSettings(options?: CallOptions & { locale?: string }) {
    return this.#take<PublicSettings>('getSettings') ?? super.getSettings(options);
  }

  override listTickets(query: TicketQuery, options?: CallOptions) {
    return this.#take<TicketPage>('listTickets') ?? super.listTickets(query, options);
  }

  override getSession(options?: CallOptions) {
    return this.#take<Session | null>('getSession') ?? super.getSession(options);
  }
}
