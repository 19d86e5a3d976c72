import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import { NO_ACCESS } from '../auth/access.js';
import { confirmPage, confirmPageHeaders, pageLanguage, requireOwnPageForm } from '../auth/confirm-page.js';
import { createSession, sessionBody, startSession } from '../auth/sessions.js';
import { ssoContact } from '../auth/sso/contact.js';
import { safeReturnTo } from '../auth/sso/return-to.js';
import { InvalidSsoToken, LEEWAY_SECONDS, verifySsoJwt } from '../auth/sso/verify.js';
import { readJson } from '../http/body.js';
import { linkBase } from '../http/client.js';
import type { AppEnv } from '../http/context.js';
import { Problem } from '../http/problem.js';
import { clearFailures, guardFailures, recordFailure } from '../http/throttling.js';
import { useJti } from '../store/used-jtis.js';

const MAX_JWT_LENGTH = 8192;
export const SsoTokenRequest = z.object({ jwt: z.string().check(z.minLength(1), z.maxLength(MAX_JWT_LENGTH)) });
export const SsoTokenAnswer = z.object({ token: z.string(), expiresAt: z.string() });

const invalidToken = () => Problem.unauthenticated('The sign-in token is invalid or has expired.', { slug: 'invalid-sso-token', title: 'Sign-in failed' });

/** Verifies the JWT (with `use`, also uses up its `jti`); the settings, SSO settings and claims, or the problem. */
async function verifiedSso(c: Context<AppEnv>, jwt: string | undefined, use: boolean) {
  const { db, now, log } = c.get('deps');
  const settings = c.get('settings');
  const sso = settings.access.mode === 'sso' ? settings.access.sso : null;
  if (!sso) throw Problem.forbidden('Single sign-on is not enabled on this portal.');
  await guardFailures(c);
  try {
    if (!jwt || jwt.length > MAX_JWT_LENGTH) throw new InvalidSsoToken('missing');
    const claims = await verifySsoJwt(jwt, sso.jwt, now());
    if (use && !(await useJti(db, claims.jti, (claims.exp + LEEWAY_SECONDS) * 1000, now()))) throw new InvalidSsoToken('replayed');
    return { settings, sso, claims };
  } catch (error) {
    if (!(error instanceof InvalidSsoToken)) throw error;
    await recordFailure(c);
    if (log) process.stdout.write(`${JSON.stringify({ level: 'info', event: 'sso-refused', reason: error.message, cause: String(error.cause ?? '') })}\n`);
    throw invalidToken();
  }
}

/** Verifies the JWT, uses up its `jti`, and finds or creates the contact; the problems every SSO route answers. */
async function ssoSignIn(c: Context<AppEnv>, jwt: string | undefined) {
  const { db, now } = c.get('deps');
  const { settings, sso, claims } = await verifiedSso(c, jwt, true);
  const result = await ssoContact(db, claims, settings, now());
  if ('refused' in result) {
    throw Problem.forbidden(result.refused === 'no-access' ? NO_ACCESS : 'This email address is linked to another sign-in.');
  }
  await clearFailures(c, result.contact.email);
  return { contact: result.contact, settings, allowList: sso.returnToAllowList };
}

/** Signs in with the JWT and redirects to the allow-listed `return_to` (else the link base). */
async function signInAndRedirect(c: Context<AppEnv>, jwt: string | undefined, returnTo: string | undefined) {
  const { contact, settings, allowList } = await ssoSignIn(c, jwt);
  await startSession(c, contact, settings, 'sso');
  c.header('cache-control', 'no-store');
  return c.redirect(safeReturnTo(returnTo, allowList, linkBase(c)), 303);
}

/** Runs an SSO step for a browser: a refusal lands on the portal's sign-in view, which explains in the user's language. */
async function browserAnswer(c: Context<AppEnv>, step: () => Promise<Response>): Promise<Response> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof Problem) || !/text\/html/i.test(c.req.header('accept') ?? '')) throw error;
    const reason = error.status === 403 && error.detail === NO_ACCESS ? 'access-denied' : error.status === 429 ? 'too-many-attempts' : 'sso-failed';
    c.header('cache-control', 'no-store');
    return c.redirect(`${linkBase(c)}#/signin?error=${reason}`, 303);
  }
}

/**
 * SSO by a signed JWT: the browser arrives from the customer's app or identity provider (`GET /auth/sso/jwt`), or a
 * host's server trades a JWT for a bearer session token (`POST /auth/sso/token`, for cross-site embedding).
 */
export const ssoRoutes = new Hono<AppEnv>()
  .get('/auth/sso/jwt', async (c) => {
    const jwt = c.req.query('jwt');
    const returnTo = c.req.query('return_to');
    // A navigation from another site may be login CSRF (a page signing the browser in to an account it chose):
    // the browser confirms on a page of ours first. Direct requests and same-site navigations sign in at once.
    if (c.req.header('sec-fetch-site')?.toLowerCase() === 'cross-site') {
      return browserAnswer(c, async () => {
        const { settings, sso } = await verifiedSso(c, jwt, false);
        const fields = { jwt: jwt ?? '', ...(returnTo === undefined ? {} : { return_to: returnTo }) };
        const page = confirmPage({ purpose: 'sso', portalName: settings.name, action: '/api/v1/auth/sso/jwt', fields, language: pageLanguage(c.req.header('accept-language')) });
        const targets = [linkBase(c), safeReturnTo(returnTo, sso.returnToAllowList, linkBase(c))].map((url) => new URL(url).origin);
        return c.body(page, 200, confirmPageHeaders(targets));
      });
    }
    return browserAnswer(c, () => signInAndRedirect(c, jwt, returnTo));
  })
  .post('/auth/sso/token', async (c) => {
    const { jwt } = await readJson(c, SsoTokenRequest);
    const { contact, settings } = await ssoSignIn(c, jwt);
    const { token, ...auth } = await createSession(c.get('deps').db, contact, settings, c.get('deps').now(), 'sso');
    c.header('cache-control', 'no-store');
    return c.json({ token, expiresAt: sessionBody(auth).expiresAt });
  });

/**
 * The SSO confirmation page's form (a plain form post without X-Portal-Request, so outside the CSRF-guarded group):
 * only that page, on this server, may post it; a cross-site form post is refused.
 */
export const ssoConfirmRoutes = new Hono<AppEnv>()
  .post('/auth/sso/jwt', async (c) => {
    requireOwnPageForm(c, 'Confirm the sign-in on the page single sign-on opens.');
    const form = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    return browserAnswer(c, () => signInAndRedirect(c, text(form.jwt), text(form.return_to)));
  });
