import { Problem } from '../http/problem.js';

export interface Rule {
  limit: number;
  windowMs: number;
}

const WINDOW_MS = 15 * 60_000;

/** The limits; every window is 15 minutes. */
export const RULES = {
  /** Failed sign-ins and wrong one-time tokens per client address. */
  failedPerAddress: { limit: 20, windowMs: WINDOW_MS },
  /** Requests that send email or create accounts (forgot, magic link, register) per client address. */
  mailRequestsPerAddress: { limit: 10, windowMs: WINDOW_MS },
  /** Emails per recipient; further requests still answer 202 but send nothing (no mail bombing). */
  mailsPerRecipient: { limit: 3, windowMs: WINDOW_MS },
  /** Requests with a wrong or missing admin token per client address. */
  failedAdminPerAddress: { limit: 10, windowMs: WINDOW_MS },
} satisfies Record<string, Rule>;

/** Where throttle events are counted: memory (one process) or the database (every instance of it). */
export interface ThrottleStore {
  /** Times (epoch ms) of the key's events after `since`, oldest first. */
  times(key: string, since: number): Promise<number[]>;
  add(key: string, at: number): Promise<void>;
  clear(key: string): Promise<void>;
}

/** Throttle events of this process only (tests, tools). */
export class MemoryThrottleStore implements ThrottleStore {
  readonly #hits = new Map<string, number[]>();

  async times(key: string, since: number) {
    return (this.#hits.get(key) ?? []).filter((t) => t > since);
  }

  async add(key: string, at: number) {
    this.#hits.set(key, [...(this.#hits.get(key) ?? []).filter((t) => t > at - 60 * 60_000), at]);
  }

  async clear(key: string) {
    this.#hits.delete(key);
  }
}

/**
 * Sliding-window counters on the injected clock, over a store: the server keeps them in its database, so several
 * instances behind a load balancer share one budget per account and address.
 */
export class Limiter {
  readonly #now: () => number;
  readonly #store: ThrottleStore;

  constructor(now: () => number, store: ThrottleStore = new MemoryThrottleStore()) {
    this.#now = now;
    this.#store = store;
  }

  /** Whole seconds until another attempt is allowed; 0 when one is allowed now. */
  async retryAfter(key: string, rule: Rule): Promise<number> {
    const at = this.#now();
    const times = await this.#store.times(key, at - rule.windowMs);
    if (times.length < rule.limit) return 0;
    const freedAt = times[times.length - rule.limit] + rule.windowMs;
    return Math.max(1, Math.ceil((freedAt - at) / 1000));
  }

  /** Counts one event. */
  async hit(key: string, _rule: Rule): Promise<void> {
    await this.#store.add(key, this.#now());
  }

  /** Counts one event when allowed; answers the seconds to wait instead when not (nothing counted). */
  async take(key: string, rule: Rule): Promise<number> {
    const wait = await this.retryAfter(key, rule);
    if (wait === 0) await this.hit(key, rule);
    return wait;
  }

  async reset(key: string): Promise<void> {
    await this.#store.clear(key);
  }
}

/** 429 with `Retry-After` in seconds. */
export const tooManyRequests = (seconds: number) =>
  Problem.tooManyRequests(seconds);
