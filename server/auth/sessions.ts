import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Session } from '../../src/contract/session.js';
import type { Settings } from '../../src/contract/settings.js';
import { canViewCompany } from '../../src/domain/permissions.js';
import type { ContactRecord } from '../../src/domain/world.js';
import type { Db } from '../db/connect.js';
import type { AppEnv, Auth } from '../http/context.js';
import { readContact } from '../store/contacts.js';
import { readSettings } from '../store/settings.js';
import { hashToken, newToken } from './tokens.js';

export const SESSION_COOKIE = 'portal_session';
/** Absolute lifetime of a session, whatever the activity. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

const idleMs = (settings: Settings) => settings.idleTimeoutMinutes * 60_000;
const isHttps = (c: Context) => new URL(c.req.url).protocol === 'https:';

/** The token a request carries: the session cookie, or `Authorization: Bearer` (tokens handed out by a host). */
function requestToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const bearer = header && /^Bearer\s+([A-Za-z0-9_-]{16,128})$/i.exec(header.trim());
  return bearer ? bearer[1] : getCookie(c, SESSION_COOKIE);
}

/** When a session ends: idle timeout after its last activity, capped by its absolute lifetime. */
const endOf = (row: { last_activity_at: number; expires_at: number }, settings: Settings) =>
  Math.min(row.last_activity_at + idleMs(settings), row.expires_at);

/** Stores a new session for the contact; the token is returned once and only its hash is kept. */
export async function createSession(db: Db, contact: ContactRecord, settings: Settings, at: number): Promise<Auth & { token: string }> {
  const token = newToken();
  const row = { token_hash: hashToken(token), contact_id: contact.id, created_at: at, last_activity_at: at, expires_at: at + SESSION_LIFETIME_MS };
  await db.insertInto('sessions').values(row).execute();
  return { token, tokenHash: row.token_hash, contact, settings, expiresAt: endOf(row, settings) };
}

/** Starts a session (ending the one the request carried: rotation on sign-in) and sets the cookie. */
export async function startSession(c: Context<AppEnv>, contact: ContactRecord, settings: Settings): Promise<Auth> {
  const { db, now } = c.get('deps');
  const previous = requestToken(c);
  if (previous) await db.deleteFrom('sessions').where('token_hash', '=', hashToken(previous)).execute();
  const { token, ...auth } = await createSession(db, contact, settings, now());
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: isHttps(c), path: '/' });
  return auth;
}

/** Ends every session of a contact (after a password reset). */
export async function endContactSessions(db: Db, contactId: number): Promise<void> {
  await db.deleteFrom('sessions').where('contact_id', '=', contactId).execute();
}

/**
 * The request's valid session, or `null` when none; expired sessions (idle or absolute) are deleted. With
 * `touch` (default) the request counts as activity and moves the idle deadline; `GET /auth/session` looks
 * without touching, so polling it never keeps an idle session alive.
 */
export async function resolveSession(c: Context<AppEnv>, settings?: Settings, touch = true): Promise<Auth | null> {
  const token = requestToken(c);
  if (!token) return null;
  const { db, now } = c.get('deps');
  const tokenHash = hashToken(token);
  const row = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!row) return null;
  const current = settings ?? (await readSettings(db));
  const at = now();
  const contact = await readContact(db, row.contact_id);
  if (!contact || at >= endOf(row, current)) {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return null;
  }
  if (!touch) return { tokenHash, contact, settings: current, expiresAt: endOf(row, current) };
  await db.updateTable('sessions').set({ last_activity_at: at }).where('token_hash', '=', tokenHash).execute();
  return { tokenHash, contact, settings: current, expiresAt: endOf({ ...row, last_activity_at: at }, current) };
}

/** Ends the request's session, if any, and clears the cookie. */
export async function endSession(c: Context<AppEnv>): Promise<void> {
  const token = requestToken(c);
  if (token) await c.get('deps').db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isHttps(c) });
}

/** `GET /auth/session` and sign-in answers. */
export function sessionBody(auth: Auth): Session {
  const { contact, settings } = auth;
  return {
    user: { id: contact.id, email: contact.email, name: contact.name, companyId: contact.companyId },
    canViewCompany: canViewCompany(settings, contact),
    expiresAt: new Date(auth.expiresAt).toISOString(),
    idleTimeoutSeconds: settings.idleTimeoutMinutes * 60,
  };
}
