import type { Context } from 'hono';
import { submissionLimits } from '../../src/contract/limits.js';
import type { FieldError } from '../../src/contract/errors.js';
import type { Db } from '../db/connect.js';
import type { AppEnv } from './context.js';
import { sizeText } from './upload-sink.js';
import { Problem } from './problem.js';

const HOUR_MS = 60 * 60_000;

/** 429: the contact sent too many tickets or replies within the hour. */
const tooManySubmissions = (what: 'tickets' | 'replies', limit: number, seconds: number) =>
  Problem.tooManyRequests(seconds, {
    slug: 'too-many-submissions', title: 'Too many submissions',
    detail: `At most ${limit} ${what === 'tickets' ? 'new tickets' : 'replies'} per hour. Try again in ${Math.ceil(seconds / 60)} minutes.`,
  });

/** 413: the storage quota would be exceeded (names `files`, like the other upload refusals). */
export const quotaExceeded = (whose: 'contact' | 'total', quota: number) => {
  const message = whose === 'contact'
    ? `Your files take up the ${sizeText(quota)} this portal keeps per person. Send the message without files, or ask support for help.`
    : 'This portal has no room for more files now. Send the message without files, or try again later.';
  return Problem.tooLarge(message, { slug: 'storage-quota', title: 'Storage quota exceeded', errors: [{ field: 'files', message, key: 'quota' } as FieldError] });
};

/**
 * Refuses (429 with Retry-After) a new ticket or reply beyond the contact's hourly rate. Counts what the contact
 * submitted through the portal in the last hour (`ticket_requests` / `reply_requests`).
 */
export async function checkSubmissionRate(c: Context<AppEnv>, what: 'tickets' | 'replies'): Promise<void> {
  const { db, now } = c.get('deps');
  const { contact, settings } = c.get('auth');
  const limit = submissionLimits(settings.limits)[what === 'tickets' ? 'ticketsPerHour' : 'repliesPerHour'];
  const at = now();
  const since = new Date(at - HOUR_MS).toISOString();
  const table = what === 'tickets' ? 'ticket_requests' : 'reply_requests';
  const rows = await db.selectFrom(table).select('created_at').where('contact_id', '=', contact.id).where('created_at', '>', since)
    .orderBy('created_at', 'desc').limit(limit).execute();
  if (rows.length < limit) return;
  const oldest = Date.parse(rows[rows.length - 1].created_at);
  throw tooManySubmissions(what, limit, Math.max(1, Math.ceil((oldest + HOUR_MS - at) / 1000)));
}

/** Bytes of attachments on messages the contact wrote, and on all messages. */
async function storedBytes(db: Db, contactId: number): Promise<{ contact: number; total: number }> {
  const mine = await db.selectFrom('attachments as a').innerJoin('messages as m', 'm.id', 'a.message_id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('a.size'), eb.val(0)).as('bytes'))
    .where('m.author_kind', '=', 'contact').where('m.author_id', '=', contactId).executeTakeFirst();
  const all = await db.selectFrom('attachments').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size'), eb.val(0)).as('bytes')).executeTakeFirst();
  return { contact: Number(mine?.bytes ?? 0), total: Number(all?.bytes ?? 0) };
}

/**
 * Refuses (413) files that would take the contact or the portal beyond its storage quota; `incoming` = 0 checks
 * before reading an upload whether any room is left at all (only when the request carries files).
 */
export async function checkStorageQuota(c: Context<AppEnv>, incoming: number): Promise<void> {
  const { db } = c.get('deps');
  const { contact, settings } = c.get('auth');
  const limits = submissionLimits(settings.limits);
  const used = await storedBytes(db, contact.id);
  const over = (usedBytes: number, quota: number) => (incoming === 0 ? usedBytes >= quota : usedBytes + incoming > quota);
  if (over(used.contact, limits.storagePerContactBytes)) throw quotaExceeded('contact', limits.storagePerContactBytes);
  if (over(used.total, limits.storageTotalBytes)) throw quotaExceeded('total', limits.storageTotalBytes);
}
