import { setTimeout as tick } from 'node:timers/promises';

export interface WaitOptions {
  /** Give up after this many ms (default 10 000). */
  timeout?: number;
  /** Check again after this many ms (default 5). */
  interval?: number;
  /** What is awaited, for the error message. */
  what?: string;
}

/**
 * Waits for an effect instead of a fixed time: polls `condition` until it returns something truthy and resolves
 * with that, or rejects once `timeout` has passed. (Browser tests use `waitUntil` of `@open-wc/testing`.)
 */
export async function waitFor<T>(condition: () => T | Promise<T>, { timeout = 10_000, interval = 5, what = 'condition' }: WaitOptions = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await tick(interval);
  }
}
