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

const SWEEP_ABOVE = 10_000;

/**
 * In-memory sliding-window counters on the injected clock. One process only: a deployment with several server
 * processes needs a shared store (e.g. Redis) behind the same interface.
 */
export class Limiter {
  readonly #hits = new Map<string, number[]>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  #recent(key: string, rule: Rule, at: number): number[] {
    const times = (this.#hits.get(key) ?? []).filter((t) => t > at - rule.windowMs);
    if (times.length > 0) this.#hits.set(key, times);
    else this.#hits.delete(key);
    return times;
  }

  /** Whole seconds until another attempt is allowed; 0 when one is allowed now. */
  retryAfter(key: string, rule: Rule): number {
    const at = this.#now();
    const times = this.#recent(key, rule, at);
    if (times.length < rule.limit) return 0;
    const freedAt = times[times.length - rule.limit] + rule.windowMs;
    return Math.max(1, Math.ceil((freedAt - at) / 1000));
  }

  /** Counts one event. */
  hit(key: string, rule: Rule): void {
    const at = this.#now();
    const times = this.#recent(key, rule, at);
    times.push(at);
    this.#hits.set(key, times.slice(-rule.limit));
    if (this.#hits.size > SWEEP_ABOVE) this.#sweep(at);
  }

  /** Counts one event when allowed; answers the seconds to wait instead when not (nothing counted). */
  take(key: string, rule: Rule): number {
    const wait = this.retryAfter(key, rule);
    if (wait === 0) this.hit(key, rule);
    return wait;
  }

  reset(key: string): void {
    this.#hits.delete(key);
  }

  #sweep(at: number): void {
    for (const [key, times] of this.#hits) if ((times.at(-1) ?? 0) <= at - WINDOW_MS) this.#hits.delete(key);
  }
}

/** 429 with `Retry-After` in seconds. */
export const tooManyRequests = (seconds: number) =>
  new Problem(429, 'too-many-requests', 'Too many attempts', `Too many attempts. Try again in ${seconds} seconds.`, undefined, {
    'retry-after': String(seconds),
  });
