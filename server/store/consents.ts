import { createHash } from 'node:crypto';
import type { Db } from '../db/connect.js';

/** The version of a consent text: its SHA-256, hex. */
export const consentVersion = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Records that a contact agreed to this consent text now. */
export async function insertConsent(db: Db, contactId: number, text: string, at: number): Promise<void> {
  await db.insertInto('consents')
    .values({ contact_id: contactId, text, text_version: consentVersion(text), created_at: new Date(at).toISOString() })
    .execute();
}
