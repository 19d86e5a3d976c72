import { Hono } from 'hono';
import { Credentials } from '../../src/contract/session.js';
import { passwordAccessProblem } from '../auth/access.js';
import { hashPassword, needsRehash, verifyPassword } from '../auth/passwords.js';
import { endSession, resolveSession, sessionBody, startSession } from '../auth/sessions.js';
import { readJson } from '../http/body.js';
import type { AppEnv } from '../http/context.js';
import { requireSession } from '../http/middleware.js';
import { Problem } from '../http/problem.js';
import { clearFailures, guardFailures, recordFailure } from '../http/throttling.js';
import { UNCONFIRMED_REGISTRATION } from '../../src/domain/registration.js';
import { readContact } from '../store/contacts.js';
import { unconfirmedPasswordHashes } from '../store/registrations.js';

const wrongCredentials = () => Problem.unauthenticated('Wrong email or password.', { slug: 'wrong-credentials', title: 'Wrong email or password' });

const unconfirmed = () => Problem.forbidden(UNCONFIRMED_REGISTRATION, { slug: 'registration-unconfirmed', title: 'Registration not confirmed' });

/** Password sign-in, sign-out, the current session and extending it. */
export const authRoutes = new Hono<AppEnv>()
  .post('/auth/login', async (c) => {
    const { email, password } = await readJson(c, Credentials);
    const key = email.trim().toLowerCase();
    await guardFailures(c, key);
    const { db, scrypt, now } = c.get('deps');
    const row = await db.selectFrom('contacts').select(['id', 'password_hash']).where('email', '=', key).executeTakeFirst();
    // Without an account, the newest registration still waiting for its emailed confirmation is checked instead.
    const waiting = row ? undefined : (await unconfirmedPasswordHashes(db, key, now()))[0];
    // Unknown email, no password yet and a wrong password answer alike, in similar time (one hash check each).
    const ok = await verifyPassword(password, row?.password_hash ?? waiting ?? null, scrypt);
    // The right password of an unconfirmed registration: say what is missing (only who chose the password learns it).
    if (ok && !row && waiting) throw unconfirmed();
    const contact = ok && row ? await readContact(db, row.id) : undefined;
    if (!contact) {
      await recordFailure(c, key);
      throw wrongCredentials();
    }
    await clearFailures(c, key);
    // Hashes from weaker parameters are replaced transparently, now that the password is known.
    if (row && needsRehash(row.password_hash, scrypt)) {
      await db.updateTable('contacts').set({ password_hash: await hashPassword(password, scrypt) }).where('id', '=', row.id).execute();
    }
    const settings = c.get('settings');
    const denied = passwordAccessProblem(settings, contact);
    if (denied) throw denied;
    const auth = await startSession(c, contact, settings);
    return c.json(sessionBody(auth));
  })
  .post('/auth/logout', async (c) => {
    await endSession(c);
    return c.body(null, 204);
  })
  // Looking at the session is not activity: a tab polling it must not keep an idle session alive.
  // Nobody signed in is an answer, not an error: 200 with `null`, so a visitor's console stays clean.
  .get('/auth/session', async (c) => {
    const auth = await resolveSession(c, c.get('settings'), false);
    return c.json(auth ? sessionBody(auth) : null);
  })
  // "Stay signed in": counts as activity (requireSession touches the session).
  .post('/auth/session/extend', requireSession, async (c) => {
    return c.json(sessionBody(c.get('auth')));
  });
