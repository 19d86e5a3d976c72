import { MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory-adapter.js';
import type { CallOptions } from '../../src/contract/adapter.js';
import { NetworkError } from '../../src/contract/errors.js';

/**
 * Adapters for stories (and the tests that render them) that show states a working backend never holds still
 * for: the MemoryAdapter, except that one operation never settles (loading states) or fails (error states).
 * The browser tests have their own, finer `ControlledAdapter` (test/browser/helpers/) for settling by hand.
 */

/** The operations whose loading and error states the elements show. Each takes its options last. */
type HeldOperation = 'getSettings' | 'listTickets' | 'getTicket' | 'getSupportForm';
type Operation = (...args: unknown[]) => Promise<unknown>;

const optionsOf = (args: unknown[]) => (args.at(-1) ?? {}) as CallOptions;

function replace(adapter: MemoryAdapter, operation: HeldOperation, make: (original: Operation) => Operation): MemoryAdapter {
  const target = adapter as unknown as Record<HeldOperation, Operation>;
  target[operation] = make(target[operation].bind(adapter));
  return adapter;
}

const heldCalls = new WeakMap<object, Promise<void>>();

/**
 * Resolves once the held operation of a `pendingOn` adapter has been called: from then on the element waits for
 * an answer that never comes, so a check of its loading state needs no timer.
 */
export function whenHeld(adapter: unknown): Promise<void> {
  return heldCalls.get(adapter as object) ?? Promise.reject(new Error('not an adapter made by pendingOn'));
}

/** `operation` never resolves (until the element aborts it): the element stays in its loading state. */
export function pendingOn(operation: HeldOperation, options?: MemoryAdapterOptions): MemoryAdapter {
  let called!: () => void;
  const adapter = new MemoryAdapter(options);
  heldCalls.set(adapter, new Promise<void>((resolve) => { called = resolve; }));
  return replace(adapter, operation, () => (...args) => new Promise((_resolve, reject) => {
    called();
    const { signal } = optionsOf(args);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  }));
}

export interface FailingAdapterOptions extends MemoryAdapterOptions {
  /** What the operation rejects with. Default: a `NetworkError` (server unreachable). */
  error?: () => Error;
  /** How many calls fail before it works ("Try again" then recovers). Default: every call. */
  failures?: number;
}

/** `operation` rejects with a typed error, by default on every call. */
export function failingOn(operation: HeldOperation, { error, failures, ...options }: FailingAdapterOptions = {}): MemoryAdapter {
  let failuresLeft = failures ?? Number.POSITIVE_INFINITY;
  const reason = error ?? (() => new NetworkError('The server could not be reached.'));
  return replace(new MemoryAdapter(options), operation, (original) => (...args) => {
    if (failuresLeft <= 0) return original(...args);
    failuresLeft -= 1;
    return Promise.reject(reason());
  });
}

export const pendingAdapter = (options?: MemoryAdapterOptions) => pendingOn('getSettings', options);
export const failingAdapter = (options?: FailingAdapterOptions) => failingOn('getSettings', options);
export const pendingListAdapter = (options?: MemoryAdapterOptions) => pendingOn('listTickets', options);
export const failingListAdapter = (options?: FailingAdapterOptions) => failingOn('listTickets', options);
export const pendingDetailAdapter = (options?: MemoryAdapterOptions) => pendingOn('getTicket', options);
export const failingDetailAdapter = (options?: FailingAdapterOptions) => failingOn('getTicket', options);
export const pendingFormAdapter = (options?: MemoryAdapterOptions) => pendingOn('getSupportForm', options);
export const failingFormAdapter = (options?: FailingAdapterOptions) => failingOn('getSupportForm', options);
