import type { Db } from '../db/connect.js';
import { matchMailLocale, renderMail, type MailRequest } from './templates.js';

/**
 * Queues an email — the one way the server sends one. The outbox row is the record: rendered in the recipient's
 * language (text and HTML), `queued` until the sender (with `PORTAL_SMTP_URL`) delivers it; without SMTP it stays
 * in the outbox (`GET /admin/outbox`). Call it in the transaction that creates the email's token, so both or neither
 * are stored.
 */
export async function queueMail(db: Db, request: MailRequest, at: number): Promise<void> {
  const { subject, text, html } = renderMail(request);
  await db.insertInto('outbox').values({
    recipient: request.to, subject, text, html, link: request.link ?? null, kind: request.kind,
    created_at: new Date(at).toISOString(), next_attempt_at: at, claimed_until: null, sent_at: null, last_error: null,
  }).execute();
}

/**
 * The language of a contact's emails: their `locale` (or `language`) property when they have one, else the
 * request's `Accept-Language`, else the portal's default language.
 */
export async function contactMailLocale(db: Db, contactId: number | undefined, fallbacks: (string | null | undefined)[]): Promise<string> {
  if (contactId !== undefined) {
    const rows = await db.selectFrom('contact_properties').select(['name', 'value_json'])
      .where('contact_id', '=', contactId).where('name', 'in', ['locale', 'language']).execute();
    for (const row of rows) {
      const value: unknown = JSON.parse(row.value_json);
      const locale = typeof value === 'string' ? matchMailLocale(value) : undefined;
      if (locale) return locale;
    }
  }
  for (const fallback of fallbacks) {
    const locale = matchMailLocale(fallback);
    if (locale) return locale;
  }
  return 'en';
}
