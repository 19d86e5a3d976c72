import type { Db } from '../db/connect.js';
import { Problem } from '../http/problem.js';

/** Most outbox entries per answer (`limit`). */
export const OUTBOX_MAX_LIMIT = 1000;

function paging(raw: string | undefined, field: string, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) {
    throw Problem.validation([{ field, message: `Give ${field} as a whole number from ${min} to ${max}.` }]);
  }
  return n;
}

/**
 * `GET /admin/outbox`: emails oldest first (`offset`, `limit` ≤ 1000), each with its delivery `status` (`queued`,
 * `sent`, `failed`) and `attempts`; the link is only there while the email is not sent.
 */
export async function readOutbox(db: Db, offset?: string, limit?: string) {
  const skip = paging(offset, 'offset', 0, Number.MAX_SAFE_INTEGER, 0);
  const take = paging(limit, 'limit', 1, OUTBOX_MAX_LIMIT, OUTBOX_MAX_LIMIT);
  const [rows, count] = await Promise.all([
    db.selectFrom('outbox').selectAll().orderBy('id').offset(skip).limit(take).execute(),
    db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const entries = rows.map((r) => ({
    to: r.recipient, subject: r.subject, text: r.text, ...(r.link === null ? {} : { link: r.link }), createdAt: r.created_at,
    status: r.status, attempts: r.attempts, ...(r.sent_at === null ? {} : { sentAt: r.sent_at }),
  }));
  return { entries, total: Number(count.n) };
}
