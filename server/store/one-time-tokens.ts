import { hashToken, newToken } from '../auth/tokens.js';
import type { Db } from '../db/connect.js';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const RESET_LIFETIME_MS = 30 * 60 * 1000;
export const MAGIC_LINK_LIFETIME_MS = 15 * 60 * 1000;

export type TokenKind = 'reset' | 'magic';

const LIFETIME: Record<TokenKind, number> = { reset: RESET_LIFETIME_MS, magic: MAGIC_LINK_LIFETIME_MS };

/** A new one-time token (256 random bits) for the contact; only its SHA-256 is stored. */
export async function issueToken(db: Db, kind: TokenKind, contactId: number, at: number): Promise<string> {
  const token = newToken();
  await db.insertInto('auth_tokens')
    .values({ token_hash: hashToken(token), kind, contact_id: contactId, created_at: at, expires_at: at + LIFETIME[kind], used_at: null })
    .execute();
  return token;
}

/**
 * Uses a token up: one conditional UPDATE, so two concurrent uses cannot both succeed. Resolves with the contact id,
 * or `undefined` when the token is unknown, of another kind, used or expired.
 */
export async function consumeToken(db: Db, kind: TokenKind, token: string, at: number): Promise<number | undefined> {
  const row = await db.updateTable('auth_tokens').set({ used_at: at })
    .where('token_hash', '=', hashToken(token)).where('kind', '=', kind).where('used_at', 'is', null).where('expires_at', '>', at)
    .returning('contact_id').executeTakeFirst();
  return row?.contact_id;
}

/** Uses up every open token of a kind for a contact (after a reset, older reset links stop working). */
export async function revokeTokens(db: Db, kind: TokenKind, contactId: number, at: number): Promise<void> {
  await db.updateTable('auth_tokens').set({ used_at: at })
    .where('contact_id', '=', contactId).where('kind', '=', kind).where('used_at', 'is', null).execute();
}

/** A new invitation (7 days) for the contact. */
export async function issueInvitation(db: Db, contactId: number, at: number): Promise<string> {
  const token = newToken();
  await db.insertInto('invitations')
    .values({ token_hash: hashToken(token), contact_id: contactId, created_at: at, expires_at: at + INVITATION_LIFETIME_MS, used_at: null })
    .execute();
  return token;
}

/** Uses an invitation up; the contact id, or `undefined` when unknown, used or expired. */
export async function consumeInvitation(db: Db, token: string, at: number): Promise<number | undefined> {
  const row = await db.updateTable('invitations').set({ used_at: at })
    .where('token_hash', '=', hashToken(token)).where('used_at', 'is', null).where('expires_at', '>', at)
    .returning('contact_id').executeTakeFirst();
  return row?.contact_id;
}

/** Uses up every open invitation of a contact (once a password is set by a reset, an old invitation must not set another). */
export async function revokeInvitations(db: Db, contactId: number, at: number): Promise<void> {
  await db.updateTable('invitations').set({ used_at: at }).where('contact_id', '=', contactId).where('used_at', 'is', null).execute();
}

/** Whether a token is unused and unexpired, without using it up (a confirmation page looks before the POST). */
export async function peekToken(db: Db, kind: TokenKind, token: string, at: number): Promise<boolean> {
  const row = await db.selectFrom('auth_tokens').select('contact_id')
    .where('token_hash', '=', hashToken(token)).where('kind', '=', kind).where('used_at', 'is', null).where('expires_at', '>', at)
    .executeTakeFirst();
  return row !== undefined;
}
