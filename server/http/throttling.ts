import type { Context } from 'hono';
import { RULES, tooManyRequests } from '../auth/throttle.js';
import { clientAddress } from './client.js';
import type { AppEnv } from './context.js';

const accountKey = (email: string) => `fail:account:${email.trim().toLowerCase()}`;
const addressKey = (c: Context<AppEnv>) => `fail:address:${clientAddress(c)}`;

/** Seconds until the client address (and the account, when given) may try again; 0 = now. */
export function failureWait(c: Context<AppEnv>, email?: string): number {
  const { limiter } = c.get('deps');
  return Math.max(
    limiter.retryAfter(addressKey(c), RULES.failedPerAddress),
    email === undefined ? 0 : limiter.retryAfter(accountKey(email), RULES.failedPerAccount),
  );
}

/** Refuses (429) while the client address, or the account when given, has too many recent failures. */
export function guardFailures(c: Context<AppEnv>, email?: string): void {
  const wait = failureWait(c, email);
  if (wait > 0) throw tooManyRequests(wait);
}

/** Counts a failed sign-in (wrong password, wrong or used token, bad JWT). */
export function recordFailure(c: Context<AppEnv>, email?: string): void {
  const { limiter } = c.get('deps');
  limiter.hit(addressKey(c), RULES.failedPerAddress);
  if (email !== undefined) limiter.hit(accountKey(email), RULES.failedPerAccount);
}

/** A successful sign-in clears the account's failures. */
export const clearFailures = (c: Context<AppEnv>, email: string) => c.get('deps').limiter.reset(accountKey(email));

/** Requests that send email or create accounts: 429 beyond the per-address budget. */
export function limitMailRequests(c: Context<AppEnv>): void {
  const wait = c.get('deps').limiter.take(`mail:address:${clientAddress(c)}`, RULES.mailRequestsPerAddress);
  if (wait > 0) throw tooManyRequests(wait);
}

/** Whether another email may go to this recipient now (counted when yes); the answer to the client stays the same. */
export const mayEmail = (c: Context<AppEnv>, email: string) =>
  c.get('deps').limiter.take(`mail:to:${email.trim().toLowerCase()}`, RULES.mailsPerRecipient) === 0;
