import type { ThrottleStore } from './throttle.js';

/**
 * Failed password sign-ins per account. An account is never locked, not even for the right password: the pair
 * (account, client address) gets a growing wait after a few failures — only the address that keeps guessing waits —
 * and the account as a whole answers more slowly once many addresses failed, which slows a spread-out attack without
 * locking its owner out. The counts live in the same {@link ThrottleStore} as the other limits (the database on a
 * server), so every instance of one database sees the same failures.
 */
export const ACCOUNT_THROTTLE = {
  /** Failures are counted over this window (and forgotten after it). */
  windowMs: 15 * 60_000,
  /** Failures of one account from one address before waits start. */
  freePerPair: 3,
  /** Longest wait of a pair, in seconds. */
  maxWaitSeconds: 15 * 60,
  /** Failures of one account (any address) before its answers slow down. */
  freePerAccount: 10,
  /** Longest added answer time of an account, in ms. */
  maxDelayMs: 2_000,
} as const;

const pairKey = (email: string, address: string) => `fail:pair:${email.trim().toLowerCase()}|${address}`;
const accountKey = (email: string) => `fail:account:${email.trim().toLowerCase()}`;

/** Seconds the pair must still wait before its next attempt (0 = now): 1, 2, 4 … s after each further failure. */
export async function pairWait(store: ThrottleStore, email: string, address: string, at: number): Promise<number> {
  const times = await store.times(pairKey(email, address), at - ACCOUNT_THROTTLE.windowMs);
  const count = times.length;
  const lastAt = times.at(-1) ?? null;
  if (count < ACCOUNT_THROTTLE.freePerPair || lastAt === null) return 0;
  const wait = Math.min(2 ** (count - ACCOUNT_THROTTLE.freePerPair), ACCOUNT_THROTTLE.maxWaitSeconds) * 1000;
  const left = lastAt + wait - at;
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

/** Milliseconds to add to an answer about this account: 0 until many failures, then growing up to the cap. */
export async function accountDelay(store: ThrottleStore, email: string, at: number): Promise<number> {
  const count = (await store.times(accountKey(email), at - ACCOUNT_THROTTLE.windowMs)).length;
  const over = count - ACCOUNT_THROTTLE.freePerAccount;
  return over <= 0 ? 0 : Math.min(100 * 2 ** (over - 1), ACCOUNT_THROTTLE.maxDelayMs);
}

export async function recordAccountFailure(store: ThrottleStore, email: string, address: string, at: number): Promise<void> {
  await store.add(pairKey(email, address), at);
  await store.add(accountKey(email), at);
}

/** A successful sign-in (or reset) forgets the account's failures. */
export async function clearAccountFailures(store: ThrottleStore, email: string, address?: string): Promise<void> {
  await store.clear(accountKey(email));
  if (address !== undefined) await store.clear(pairKey(email, address));
}
