import { Hono, type Context } from 'hono';
import { registrationConfirmation } from '../../src/domain/registration.js';
import type { Settings } from '../../src/contract/settings.js';
import { confirmPage, confirmPageHeaders, pageLanguage, requireOwnPageForm } from '../auth/confirm-page.js';
import { startSession } from '../auth/sessions.js';
import { linkBase, portalLink } from '../http/client.js';
import type { AppEnv } from '../http/context.js';
import { portalEnabled } from '../http/middleware.js';
import { failureWait, recordFailure } from '../http/throttling.js';
import { readContact } from '../store/contacts.js';
import { consumeRegistration, peekRegistration } from '../store/registrations.js';
import { readSettings } from '../store/settings.js';
import { createRegistered } from './auth-register.js';

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
const ACTION = '/api/v1/auth/register/confirm';
const confirming = (settings: Settings) => settings.access.mode === 'self-registration' && registrationConfirmation(settings) === 'email';

/** A 303 to a portal route (the browser arrives by following an emailed link, so no JSON answers). */
function redirectTo(c: Context<AppEnv>, route: string, headers: Record<string, string> = {}) {
  c.header('cache-control', 'no-store');
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  return c.redirect(portalLink(c, route), 303);
}

/**
 * The registration's emailed confirmation link: the GET shows a confirmation page (mail scanners only follow links);
 * its POST, from that page only, uses the link up, creates the account and signs in. The link works once, for 24 h.
 */
export const registerConfirmRoutes = new Hono<AppEnv>()
  .get('/auth/register/confirm', portalEnabled, async (c) => {
    const { db, now } = c.get('deps');
    const wait = await failureWait(c);
    if (wait > 0) return redirectTo(c, '/signin?error=too-many-attempts', { 'retry-after': String(wait) });
    const settings = await readSettings(db);
    const token = c.req.query('token') ?? '';
    if (!(confirming(settings) && TOKEN.test(token) && (await peekRegistration(db, token, now())))) {
      await recordFailure(c);
      return redirectTo(c, '/signin?error=link-expired');
    }
    const page = confirmPage({ purpose: 'register', portalName: settings.name, action: ACTION, fields: { token }, language: pageLanguage(c.req.header('accept-language')) });
    return c.body(page, 200, confirmPageHeaders([new URL(linkBase(c)).origin]));
  })
  .post('/auth/register/confirm', portalEnabled, async (c) => {
    const { db, now } = c.get('deps');
    requireOwnPageForm(c, 'Confirm your address on the page the emailed link opens.');
    const wait = await failureWait(c);
    if (wait > 0) return redirectTo(c, '/signin?error=too-many-attempts', { 'retry-after': String(wait) });
    const settings = await readSettings(db);
    const form = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
    const token = typeof form.token === 'string' ? form.token : '';
    const at = now();
    const registration = confirming(settings) && TOKEN.test(token) ? await consumeRegistration(db, token, at) : undefined;
    if (!registration) {
      await recordFailure(c);
      return redirectTo(c, '/signin?error=link-expired');
    }
    // `undefined` when the address got an account meanwhile (another confirmed registration): that account stays as it is.
    const id = await createRegistered(db, registration, at);
    const contact = id === undefined ? undefined : await readContact(db, id);
    if (!contact) return redirectTo(c, '/signin?error=link-expired');
    c.get('deps').webhooks?.kick();
    await startSession(c, contact, settings);
    return redirectTo(c, '/tickets');
  });
