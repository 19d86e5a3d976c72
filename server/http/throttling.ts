import type { Context } from 'hono';
import { RULES, tooManyRequests } from '../auth/throttle.js';
import { clientAddress } from './client.js';
import type { AppEnv } from './context.js';

const accountKey = (email: string) => `fail:account:${email.trim().toLowerCase()}`;
const addressKey = (c: Context<AppEnv>) => `fail:address:${clientAddress(c)}`;

/** Seconds until the client address (and the account, when given) may try again; 0 = now. */
export async function failureWait(c: Context<AppEnv>, email?: string): Promise<number> {
  const { limiter } = c.get('deps');
  return Math.max(
    await limiter.retryAfter(addressKey(c), RULES.failedPerAddress),
    email === undefined ? 0 : await limiter.retryAfter(accountKey(email), RULES.failedPerAccount),
  );
}

/** Refuses (429) while the client address, or the account when given, has too many recent failures. */
export async function guardFailures(c: Context<AppEnv>, email?: string): Promise<void> {
  const wait = await failureWait(c, email);
  if (wait > 0) throw tooManyRequests(wait);
}

/** Counts a failed sign-in (wrong password, wrong or used token, bad JWT). */
export async function recordFailure(c: Context<AppEnv>, email?: string): Promise<void> {
  const { limiter } = c.get('deps');
  await limiter.hit(addressKey(c), RULES.failedPerAddress);
  if (email !== undefined) await limiter.hit(accountKey(email), RULES.failedPerAccount);
}

/** A successful sign-in clears the account's failures. */
export const clearFailures = (c: Context<AppEnv>, email: string) => c.get('deps').limiter.reset(accountKey(email));

/** Requests that send email or create accounts: 429 beyond the per-address budget. */
export async function limitMailRequests(c: Context<AppEnv>): Promise<void> {
  const wait = await c.get('deps').limiter.take(`mail:address:${clientAddress(c)}`, RULES.mailRequestsPerAddress);
  if (wait > 0) throw tooManyRequests(wait);
}

/** Whether another email may go to this recipient now (counted when yes); the answer to the client stays the same. */
export const mayEmail = async (c: Context<AppEnv>, email: string) =>
  (await c.get('deps').limiter.take(`mail:to:${email.trim().toLowerCase()}`, RULES.mailsPerRecipient)) === 0;
