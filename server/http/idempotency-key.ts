import type { Context } from 'hono';
import { Problem } from './problem.js';

/** `Idempotency-Key`: one per draft (a new ticket or a reply), 8–128 of `A-Z a-z 0-9 _ -` (a UUID fits). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

const HEADER = 'Idempotency-Key';
const FORMAT = '8–128 letters, digits, "_" or "-"';

/**
 * The request's `Idempotency-Key` (trimmed). Missing or malformed: 400 `urn:portal:problem:idempotency-key` naming
 * the header — a header, not a form field, so not a 422.
 */
export function idempotencyKey(c: Context): string {
  const key = c.req.header('idempotency-key')?.trim() ?? '';
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw Problem.badRequest(`Send an ${HEADER} header of ${FORMAT}.`, {
      slug: 'idempotency-key', title: `${HEADER} required`,
      errors: [{ field: HEADER, message: `Send one key per draft: ${FORMAT}.` }],
    });
  }
  return key;
}

/** 409: the key was already used for other content (a retry sends the same content). */
export const idempotencyKeyReused = (what: 'reply' | 'ticket') =>
  Problem.conflict(`${HEADER} already used`, what === 'reply'
    ? `This ${HEADER} was already used for a different reply. Use a new key for a new reply.`
    : `This ${HEADER} was used for another submission; start a new draft for a new ticket.`,
  { slug: 'idempotency-key-reused', errors: [{ field: HEADER, message: `Already used for a different ${what === 'reply' ? 'reply' : 'submission'}.` }] });
