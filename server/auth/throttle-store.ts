/**
 * Where failure counters live. The in-memory store serves one process; a deployment with several server processes
 * puts a shared store (a database table, Redis) behind the same interface.
 */
export interface ThrottleStore {
  /** Failures of `key` at or after `since` (epoch ms), and when the newest happened. */
  get(key: string, since: number): Promise<{ count: number; lastAt: number | null }>;
  /** Counts one failure of `key` at `at`. */
  increment(key: string, at: number): Promise<void>;
  /** Forgets the failures of `key`. */
  reset(key: string): Promise<void>;
}

/** Failure times kept per key: enough for any rule here (the longest wait is reached well before). */
const KEEP = 64;
const SWEEP_ABOVE = 10_000;

/** {@link ThrottleStore} in this process's memory. */
export class MemoryThrottleStore implements ThrottleStore {
  readonly #times = new Map<string, number[]>();

  async get(key: string, since: number) {
    const times = (this.#times.get(key) ?? []).filter((t) => t >= since);
    return { count: times.length, lastAt: times.at(-1) ?? null };
  }

  async increment(key: string, at: number) {
    const times = this.#times.get(key) ?? [];
    times.push(at);
    this.#times.set(key, times.slice(-KEEP));
    if (this.#times.size > SWEEP_ABOVE) this.#sweep(at);
  }

  async reset(key: string) {
    this.#times.delete(key);
  }

  #sweep(at: number) {
    for (const [key, times] of this.#times) if ((times.at(-1) ?? 0) < at - 24 * 60 * 60_000) this.#times.delete(key);
  }
}
