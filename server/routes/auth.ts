import { Hono } from 'hono';
import { Credentials } from '../../src/contract/session.js';
import { verifyPassword } from '../auth/passwords.js';
import { endSession, resolveSession, sessionBody, startSession } from '../auth/sessions.js';
import { readJson } from '../http/body.js';
import type { AppEnv } from '../http/context.js';
import { csrfGuard, portalEnabled } from '../http/middleware.js';
import { forbidden, Problem, unauthenticated } from '../http/problem.js';
import { readContact } from '../store/contacts.js';
import { readSettings } from '../store/settings.js';

const wrongCredentials = () => new Problem(401, 'wrong-credentials', 'Wrong email or password', 'Wrong email or password.');

/** Password sign-in, sign-out and the current session. */
export const authRoutes = new Hono<AppEnv>()
  .post('/auth/login', portalEnabled, csrfGuard, async (c) => {
    const { email, password } = await readJson(c, Credentials);
    const { db } = c.get('deps');
    const row = await db.selectFrom('contacts').select(['id', 'password_hash'])
      .where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
    // Unknown email, no password yet and a wrong password answer alike, in similar time.
    const ok = await verifyPassword(password, row?.password_hash ?? null);
    const contact = ok && row ? await readContact(db, row.id) : undefined;
    if (!contact) throw wrongCredentials();
    const settings = await readSettings(db);
    if (settings.access.mode === 'sso') throw forbidden('This portal uses single sign-on.');
    if (settings.access.mode === 'access-groups' && !contact.accessGroupIds.some((id) => settings.access.accessGroupIds.includes(id))) {
      throw forbidden('You have no access to this portal.');
    }
    const auth = await startSession(c, contact, settings);
    c.header('cache-control', 'no-store');
    return c.json(sessionBody(auth));
  })
  .post('/auth/logout', portalEnabled, csrfGuard, async (c) => {
    await endSession(c);
    return c.body(null, 204);
  })
  .get('/auth/session', portalEnabled, async (c) => {
    const auth = await resolveSession(c);
    if (!auth) throw unauthenticated();
    c.header('cache-control', 'no-store');
    return c.json(sessionBody(auth));
  });
