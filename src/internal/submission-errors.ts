import { msg, str } from './messages.js';
import { RateLimitedError, ValidationError, type FieldError } from '../contract/errors.js';

/** Whether a refused upload was refused because the storage quota is used up (413 `key: "quota"`). */
export const isQuotaError = (field: FieldError) => (field as FieldError & { key?: string }).key === 'quota';

/** The storage quota message, in the user's language. */
export const quotaText = () =>
  msg('There is no room for more files. Send your message without files, or ask support for help.', { id: 'submit.quota' });

/**
 * Why a new ticket or reply was refused for sending too much, in the user's language (429 rate, 413 quota), or
 * `null` for any other error.
 */
export function submissionLimitText(error: unknown): string | null {
  if (error instanceof RateLimitedError) {
    const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
    return msg(str`You have sent a lot in a short time. Please try again in ${minutes} minutes.`, { id: 'submit.rate-limited' });
  }
  if (error instanceof ValidationError && error.fieldErrors.some(isQuotaError)) return quotaText();
  return null;
}
