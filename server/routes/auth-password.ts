import { Hono, type Context } from 'hono';
import { EmailOnly, TokenAndPassword } from '../../src/contract/session.js';
import { passwordAccessProblem } from '../auth/access.js';
import { hashPassword } from '../auth/passwords.js';
import { endContactSessions, sessionBody, startSession } from '../auth/sessions.js';
import { readJson } from '../http/body.js';
import { portalLink } from '../http/client.js';
import type { AppEnv } from '../http/context.js';
import { Problem } from '../http/problem.js';
import { clearFailures, guardFailures, limitMailRequests, mayEmail, recordFailure } from '../http/throttling.js';
import { readContact } from '../store/contacts.js';
import { consumeInvitation, consumeToken, issueToken, revokeInvitations, revokeTokens } from '../store/one-time-tokens.js';
import { contactMailLocale, queueMail } from '../mail/index.js';
import { queueWebhookEvent } from '../webhooks/events.js';

export const INVALID_LINK = 'This link is invalid or has expired.';
export const invalidLink = () => Problem.validation([{ field: 'token', message: INVALID_LINK }], INVALID_LINK);

/**
 * Sets the password of a contact who proved it by a one-time token, then signs in (or 403 when the contact may
 * not enter this portal: the password stays set, as with a password sign-in that is refused).
 */
async function setPasswordAndSignIn(c: Context<AppEnv>, contactId: number, password: string, via: 'reset' | 'invitation') {
  const { db, now } = c.get('deps');
  const passwordHash = await hashPassword(password, c.get('deps').scrypt);
  await db.updateTable('contacts').set({ password_hash: passwordHash }).where('id', '=', contactId).execute();
  const at = now();
  // A new password ends every other session of the account (whatever the old password or a link opened).
  await endContactSessions(db, contactId);
  if (via === 'reset') {
    // …and every link that could still sign in or set another password.
    await revokeTokens(db, 'reset', contactId, at);
    await revokeTokens(db, 'magic', contactId, at);
    await revokeInvitations(db, contactId, at);
  }
  const contact = await readContact(db, contactId);
  if (!contact) throw invalidLink();
  await clearFailures(c, contact.email);
  const settings = c.get('settings');
  const denied = passwordAccessProblem(settings, contact);
  if (denied) throw denied;
  const auth = await startSession(c, contact, settings);
  return c.json(sessionBody(auth));
}

/** Forgotten password (always 202), reset by emailed token, and accepting an access-group invitation. */
export const passwordRoutes = new Hono<AppEnv>()
  .post('/auth/password/forgot', async (c) => {
    const { email: given } = await readJson(c, EmailOnly);
    await limitMailRequests(c);
    const { db, now } = c.get('deps');
    const email = given.trim().toLowerCase();
    const settings = c.get('settings');
    const row = await db.selectFrom('contacts').select('id').where('email', '=', email).executeTakeFirst();
    // The answer is the same whether the address exists; only the outbox differs. SSO portals have no passwords.
    if (row && settings.access.mode !== 'sso' && (await mayEmail(c, email))) {
      const at = now();
      const token = await issueToken(db, 'reset', row.id, at);
      const locale = await contactMailLocale(db, row.id, [c.req.header('accept-language'), settings.defaultLocale]);
      await queueMail(db, { kind: 'reset', to: email, locale, portal: settings.name, link: portalLink(c, `/reset?token=${token}`) }, at);
    }
    return c.json({ status: 'check-email' }, 202);
  })
  .post('/auth/password/reset', async (c) => {
    const body = await readJson(c, TokenAndPassword);
    await guardFailures(c);
    const { db, now } = c.get('deps');
    const contactId = await consumeToken(db, 'reset', body.token, now());
    if (contactId === undefined) {
      await recordFailure(c);
      throw invalidLink();
    }
    return setPasswordAndSignIn(c, contactId, body.password, 'reset');
  })
  .post('/auth/invite/accept', async (c) => {
    const body = await readJson(c, TokenAndPassword);
    await guardFailures(c);
    const { db, now } = c.get('deps');
    const contactId = await consumeInvitation(db, body.token, now());
    if (contactId === undefined) {
      await recordFailure(c);
      throw invalidLink();
    }
    // Accepting the invitation is when an invited contact registers for the portal.
    await queueWebhookEvent(db, 'contact.registered', { contactId }, now());
    c.get('deps').webhooks?.kick();
    return setPasswordAndSignIn(c, contactId, body.password, 'invitation');
  });
