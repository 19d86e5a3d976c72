import { REGISTRATION_CONFIRMATION_LIFETIME_MS } from '../../src/domain/registration.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { Db } from '../db/connect.js';
import type { RegistrationsTable } from '../db/types.js';

/** A registration waiting for its address to be confirmed: who registered, with which password and consent. */
export interface PendingRegistration {
  email: string;
  name: string;
  passwordHash: string;
  consentText: string;
}

/** Stores a registration until its address is confirmed; the link's token is returned once, only its hash is kept. */
export async function issueRegistration(db: Db, r: PendingRegistration, at: number): Promise<string> {
  const token = newToken();
  await db.insertInto('registrations').values({
    token_hash: hashToken(token), email: r.email, name: r.name, password_hash: r.passwordHash, consent_text: r.consentText,
    created_at: at, expires_at: at + REGISTRATION_CONFIRMATION_LIFETIME_MS,
  }).execute();
  return token;
}

/** Whether the token names a registration whose link still works (the confirmation page looks before it asks). */
export async function peekRegistration(db: Db, token: string, at: number): Promise<boolean> {
  const row = await db.selectFrom('registrations').select('token_hash')
    .where('token_hash', '=', hashToken(token)).where('expires_at', '>', at).executeTakeFirst();
  return row !== undefined;
}

const toPending = (row: Pick<RegistrationsTable, 'email' | 'name' | 'password_hash' | 'consent_text'>): PendingRegistration =>
  ({ email: row.email, name: row.name, passwordHash: row.password_hash, consentText: row.consent_text });

/**
 * Uses a confirmation link up: one DELETE … RETURNING, so two concurrent uses cannot both succeed. The registration,
 * or `undefined` when the token is unknown, used or expired. Other waiting registrations of the address go too.
 */
export async function consumeRegistration(db: Db, token: string, at: number): Promise<PendingRegistration | undefined> {
  const row = await db.deleteFrom('registrations').where('token_hash', '=', hashToken(token))
    .returning(['email', 'name', 'password_hash', 'consent_text', 'expires_at']).executeTakeFirst();
  if (!row || row.expires_at <= at) return undefined;
  await db.deleteFrom('registrations').where('email', '=', row.email).execute();
  return toPending(row);
}

/** Password hashes of an address's registrations still waiting for confirmation (a sign-in explains instead of refusing). */
export async function unconfirmedPasswordHashes(db: Db, email: string, at: number): Promise<string[]> {
  const rows = await db.selectFrom('registrations').select('password_hash')
    .where('email', '=', email).where('expires_at', '>', at).orderBy('created_at', 'desc').limit(1).execute();
  return rows.map((row) => row.password_hash);
}
