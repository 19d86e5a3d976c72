import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Session } from '../../src/contract/session.js';
import type { Settings } from '../../src/contract/settings.js';
import { canViewCompany } from '../../src/domain/permissions.js';
import type { ContactRecord } from '../../src/domain/world.js';
import type { Db } from '../db/connect.js';
import type { SessionMethod } from '../db/types.js';
import type { AppEnv, Auth } from '../http/context.js';
import { readContact } from '../store/contacts.js';
import { readSettings } from '../store/settings.js';
import { sessionStillAdmits } from './session-access.js';
import { hashToken, newToken } from './tokens.js';

export const SESSION_COOKIE = 'portal_session';
/** The cookie's name over https: the `__Host-` prefix pins it to this host, path `/` and Secure. */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
/** Absolute lifetime of a session, whatever the activity. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

const idleMs = (settings: Settings) => settings.idleTimeoutMinutes * 60_000;

/**
 * Whether the browser reached us over https: the request URL, or — behind a trusted TLS-terminating proxy
 * (`PORTAL_TRUST_PROXY=1`) — the last `X-Forwarded-Proto` entry.
 */
export function isHttps(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!c.get('deps').trustProxy) return false;
  return c.req.header('x-forwarded-proto')?.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean).at(-1) === 'https';
}

/** The token a request carries: the session cookie, or `Authorization: Bearer` (tokens handed out by a host). */
function requestToken(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('authorization');
  const bearer = header && /^Bearer\s+([A-Za-z0-9_-]{16,128})$/i.exec(header.trim());
  if (bearer) return bearer[1];
  return isHttps(c) ? getCookie(c, SECURE_SESSION_COOKIE) ?? getCookie(c, SESSION_COOKIE) : getCookie(c, SESSION_COOKIE);
}

/** When a session ends: idle timeout after its last activity, capped by its absolute lifetime. */
const endOf = (row: { last_activity_at: number; expires_at: number }, settings: Settings) =>
  Math.min(row.last_activity_at + idleMs(settings), row.expires_at);

/** Stores a new session for the contact; the token is returned once and only its hash is kept. */
export async function createSession(
  db: Db, contact: ContactRecord, settings: Settings, at: number, method: SessionMethod = 'password',
): Promise<Auth & { token: string }> {
  const token = newToken();
  const row = { token_hash: hashToken(token), contact_id: contact.id, created_at: at, last_activity_at: at, expires_at: at + SESSION_LIFETIME_MS, method };
  await db.insertInto('sessions').values(row).execute();
  return { token, tokenHash: row.token_hash, contact, settings, expiresAt: endOf(row, settings) };
}

/** Starts a session (ending the one the request carried: rotation on sign-in) and sets the cookie. */
export async function startSession(c: Context<AppEnv>, contact: ContactRecord, settings: Settings, method: SessionMethod = 'password'): Promise<Auth> {
  const { db, now } = c.get('deps');
  const previous = requestToken(c);
  if (previous) await db.deleteFrom('sessions').where('token_hash', '=', hashToken(previous)).execute();
  const { token, ...auth } = await createSession(db, contact, settings, now(), method);
  const secure = isHttps(c);
  setCookie(c, secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/' });
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
  const found = await lookUpSession(c, settings, touch);
  return 'auth' in found ? found.auth : null;
}

/** How long the reason a session ended is kept after its row is gone (a tab may come back hours later). */
export const ENDED_REASON_RETENTION_MS = SESSION_LIFETIME_MS;

/** Why the session of a token no longer in `sessions` ended, when that was recorded recently; else `none`. */
async function endedReason(db: Db, tokenHash: string, at: number): Promise<NoSession['ended']> {
  const ended = await db.selectFrom('ended_sessions').select('reason')
    .where('token_hash', '=', tokenHash).where('ended_at', '>', at - ENDED_REASON_RETENTION_MS).executeTakeFirst();
  return ended?.reason ?? 'none';
}

/** Why a request has no session: none sent (or unknown), ended by time, or ended because access changed. */
export type NoSession = { ended: 'none' | 'expired' | 'access-revoked' };

/**
 * {@link resolveSession} with the reason when there is none. Every call checks the session against the current
 * settings and contact: a contact that no longer exists or may no longer enter ends the session at once.
 */
export async function lookUpSession(c: Context<AppEnv>, settings?: Settings, touch = true): Promise<{ auth: Auth } | NoSession> {
  const token = requestToken(c);
  if (!token) return { ended: 'none' };
  const { db, now } = c.get('deps');
  const tokenHash = hashToken(token);
  const row = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  const at = now();
  if (!row) return { ended: await endedReason(db, tokenHash, at) };
  const current = settings ?? (await readSettings(db));
  const contact = await readContact(db, row.contact_id);
  const expired = at >= endOf(row, current);
  if (!contact || expired || !sessionStillAdmits(current, contact, row.method)) {
    const reason = expired ? 'expired' : 'access-revoked';
    // The reason is stored before the row goes, so a request racing this one (same cookie) finds one or the other.
    await db.insertInto('ended_sessions').values({ token_hash: tokenHash, reason, ended_at: at })
      .onConflict((oc) => oc.column('token_hash').doNothing()).execute();
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return { ended: reason };
  }
  if (!touch) return { auth: { tokenHash, contact, settings: current, expiresAt: endOf(row, current) } };
  await db.updateTable('sessions').set({ last_activity_at: at }).where('token_hash', '=', tokenHash).execute();
  return { auth: { tokenHash, contact, settings: current, expiresAt: endOf({ ...row, last_activity_at: at }, current) } };
}

/** Ends the request's session, if any, and clears the cookie. */
export async function endSession(c: Context<AppEnv>): Promise<void> {
  const token = requestToken(c);
  if (token) await c.get('deps').db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
  const secure = isHttps(c);
  deleteCookie(c, secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure });
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
