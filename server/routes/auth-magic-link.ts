import { Hono, type Context } from 'hono';
import { EmailOnly } from '../../src/contract/session.js';
import type { Settings } from '../../src/contract/settings.js';
import { passwordAccessProblem } from '../auth/access.js';
import { confirmPage, confirmPageHeaders, pageLanguage, requireOwnPageForm } from '../auth/confirm-page.js';
import { startSession } from '../auth/sessions.js';
import { readJson } from '../http/body.js';
import { linkBase, portalLink, publicUrl } from '../http/client.js';
import type { AppEnv } from '../http/context.js';
import { Problem } from '../http/problem.js';
import { clearFailures, failureWait, limitMailRequests, mayEmail, recordFailure } from '../http/throttling.js';
import { readContact } from '../store/contacts.js';
import { consumeToken, issueToken, peekToken } from '../store/one-time-tokens.js';
import { contactMailLocale, queueMail } from '../mail/index.js';

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
const magicLinkOn = (settings: Settings) => settings.access.magicLink && settings.access.mode !== 'sso';

/** A 303 to a portal route (the browser arrives here by following an emailed link, so no JSON answers). */
function redirectTo(c: Context<AppEnv>, route: string, headers: Record<string, string> = {}) {
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  return c.redirect(portalLink(c, route), 303);
}

/** One-time sign-in links: request one by email (always 202), follow it to be signed in. */
export const magicLinkRoutes = new Hono<AppEnv>()
  .post('/auth/magic-link', async (c) => {
    const { db, now } = c.get('deps');
    const settings = c.get('settings');
    if (!magicLinkOn(settings)) throw Problem.forbidden('Sign-in links are not enabled on this portal.');
    const { email: given } = await readJson(c, EmailOnly);
    await limitMailRequests(c);
    const email = given.trim().toLowerCase();
    const row = await db.selectFrom('contacts').select('id').where('email', '=', email).executeTakeFirst();
    if (row && (await mayEmail(c, email))) {
      const at = now();
      const token = await issueToken(db, 'magic', row.id, at);
      const link = `${publicUrl(c)}/api/v1/auth/magic-link/verify?token=${token}`;
      const locale = await contactMailLocale(db, row.id, [c.req.header('accept-language'), settings.defaultLocale]);
      await queueMail(db, { kind: 'sign-in-link', to: email, locale, portal: settings.name, link }, at);
    }
    return c.json({ status: 'check-email' }, 202);
  })
  // The emailed link shows a confirmation page; only its POST signs in (mail scanners only GET, and a cross-site
  // form cannot POST here: login CSRF).
  .get('/auth/magic-link/verify', async (c) => {
    const { db, now } = c.get('deps');
    const wait = await failureWait(c);
    if (wait > 0) return redirectTo(c, '/signin?error=too-many-attempts', { 'retry-after': String(wait) });
    const settings = c.get('settings');
    const token = c.req.query('token') ?? '';
    const valid = magicLinkOn(settings) && TOKEN.test(token) && (await peekToken(db, 'magic', token, now()));
    if (!valid) {
      await recordFailure(c);
      return redirectTo(c, '/signin?error=link-expired');
    }
    const page = confirmPage({
      purpose: 'sign-in', portalName: settings.name, action: '/api/v1/auth/magic-link/verify', fields: { token }, language: pageLanguage(c.req.header('accept-language')),
    });
    return c.body(page, 200, confirmPageHeaders([new URL(linkBase(c)).origin]));
  });

/**
 * The confirmation page's POST signs in: a plain form post (no X-Portal-Request), so it checks its origin itself —
 * only the page the emailed link opened, on this server, may post it.
 */
export const magicLinkConfirmRoutes = new Hono<AppEnv>()
  .post('/auth/magic-link/verify', async (c) => {
    const { db, now } = c.get('deps');
    requireOwnPageForm(c, 'Confirm the sign-in on the page the emailed link opens.');
    const wait = await failureWait(c);
    if (wait > 0) return redirectTo(c, '/signin?error=too-many-attempts', { 'retry-after': String(wait) });
    const settings = c.get('settings');
    const form = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
    const token = typeof form.token === 'string' ? form.token : '';
    const contactId = magicLinkOn(settings) && TOKEN.test(token) ? await consumeToken(db, 'magic', token, now()) : undefined;
    const contact = contactId === undefined ? undefined : await readContact(db, contactId);
    if (!contact) {
      await recordFailure(c);
      return redirectTo(c, '/signin?error=link-expired');
    }
    await clearFailures(c, contact.email);
    if (passwordAccessProblem(settings, contact)) return redirectTo(c, '/signin?error=access-denied');
    await startSession(c, contact, settings);
    return redirectTo(c, '/tickets');
  });
