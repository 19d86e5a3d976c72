import type { Db } from '../db/connect.js';

export interface Email {
  to: string;
  subject: string;
  text: string;
  link?: string;
}

/** "Sends" an email: the reference server writes it to the outbox (`GET /admin/outbox`). */
export async function writeEmail(db: Db, email: Email, at: number): Promise<void> {
  await db.insertInto('outbox').values({
    recipient: email.to, subject: email.subject, text: email.text, link: email.link ?? null, created_at: new Date(at).toISOString(),
  }).execute();
}
