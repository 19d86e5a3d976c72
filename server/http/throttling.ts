import type { Context } from 'hono';
import { RULES, tooManyRequests } from '../auth/throttle.js';
import { accountDelay, clearAccountFailures, pairWait, recordAccountFailure } from '../auth/account-throttle.js';
import { clientAddress } from './client.js';
import type { AppEnv } from './context.js';

const addressKey = (c: Context<AppEnv>) => `fail:address:${clientAddress(c)}`;

/** Seconds until the client address may try again after failures; 0 = now. */
export async function failureWait(c: Context<AppEnv>): Promise<number> {
  return await c.get('deps').limiter.retryAfter(addressKey(c), RULES.failedPerAddress);
}

/**
 * Refuses (429) while the client address has too many recent failures, or — with an account — while this address
 * must still wait after failing on this account (growing waits; the account itself is never locked). With an
 * account, answers about it also slow down after many failures from anywhere.
 */
export async function guardFailures(c: Context<AppEnv>, email?: string): Promise<void> {
  const wait = await failureWait(c);
  if (wait > 0) throw tooManyRequests(wait);
  if (email === undefined) return;
  const { throttleStore, now } = c.get('deps');
  const pair = await pairWait(throttleStore, email, clientAddress(c), now());
  if (pair > 0) throw tooManyRequests(pair);
  const delay = await accountDelay(throttleStore, email, now());
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
}

/** Counts a failed sign-in (wrong password, wrong or used token, bad JWT). */
export async function recordFailure(c: Context<AppEnv>, email?: string): Promise<void> {
  const { limiter, throttleStore, now } = c.get('deps');
  await limiter.hit(addressKey(c), RULES.failedPerAddress);
  if (email !== undefined) await recordAccountFailure(throttleStore, email, clientAddress(c), now());
}

/** A successful sign-in clears the account's failures. */
export const clearFailures = (c: Context<AppEnv>, email: string) => clearAccountFailures(c.get('deps').throttleStore, email, clientAddress(c));

/** Requests that send email or create accounts: 429 beyond the per-address budget. */
export async function limitMailRequests(c: Context<AppEnv>): Promise<void> {
  const wait = await c.get('deps').limiter.take(`mail:address:${clientAddress(c)}`, RULES.mailRequestsPerAddress);
  if (wait > 0) throw tooManyRequests(wait);
}

/** Whether another email may go to this recipient now (counted when yes); the answer to the client stays the same. */
export const mayEmail = async (c: Context<AppEnv>, email: string) =>
  (await c.get('deps').limiter.take(`mail:to:${email.trim().toLowerCase()}`, RULES.mailsPerRecipient)) === 0;
