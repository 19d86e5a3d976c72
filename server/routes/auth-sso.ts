import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import { NO_ACCESS } from '../auth/access.js';
import { createSession, sessionBody, startSession } from '../auth/sessions.js';
import { ssoContact } from '../auth/sso/contact.js';
import { safeReturnTo } from '../auth/sso/return-to.js';
import { InvalidSsoToken, LEEWAY_SECONDS, verifySsoJwt } from '../auth/sso/verify.js';
import { readJson } from '../http/body.js';
import { linkBase } from '../http/client.js';
import type { AppEnv } from '../http/context.js';
import { forbidden, Problem } from '../http/problem.js';
import { clearFailures, guardFailures, recordFailure } from '../http/throttling.js';
import { useJti } from '../store/used-jtis.js';

const MAX_JWT_LENGTH = 8192;
export const SsoTokenRequest = z.object({ jwt: z.string().check(z.minLength(1), z.maxLength(MAX_JWT_LENGTH)) });
export const SsoTokenAnswer = z.object({ token: z.string(), expiresAt: z.string() });

const invalidToken = () => Problem.unauthenticated('The sign-in token is invalid or has expired.', { slug: 'invalid-sso-token', title: 'Sign-in failed' });

/** Verifies the JWT, uses up its `jti`, and finds or creates the contact; the problems every SSO route answers. */
async function ssoSignIn(c: Context<AppEnv>, jwt: string | undefined) {
  const { db, now, log } = c.get('deps');
  const settings = c.get('settings');
  const sso = settings.access.mode === 'sso' ? settings.access.sso : null;
  if (!sso) throw forbidden('Single sign-on is not enabled on this portal.');
  await guardFailures(c);
  let claims;
  try {
    if (!jwt || jwt.length > MAX_JWT_LENGTH) throw new InvalidSsoToken('missing');
    claims = await verifySsoJwt(jwt, sso.jwt, now());
    if (!(await useJti(db, claims.jti, (claims.exp + LEEWAY_SECONDS) * 1000, now()))) throw new InvalidSsoToken('replayed');
  } catch (error) {
    if (!(error instanceof InvalidSsoToken)) throw error;
    await recordFailure(c);
    if (log) process.stdout.write(`${JSON.stringify({ level: 'info', event: 'sso-refused', reason: error.message, cause: String(error.cause ?? '') })}\n`);
    throw invalidToken();
  }
  const result = await ssoContact(db, claims, settings, now());
  if ('refused' in result) {
    throw forbidden(result.refused === 'no-access' ? NO_ACCESS : 'This email address is linked to another sign-in.');
  }
  await clearFailures(c, result.contact.email);
  return { contact: result.contact, settings, allowList: sso.returnToAllowList };
}

/**
 * SSO by a signed JWT: the browser arrives from the customer's app or identity provider (`GET /auth/sso/jwt`), or a
 * host's server trades a JWT for a bearer session token (`POST /auth/sso/token`, for cross-site embedding).
 */
export const ssoRoutes = new Hono<AppEnv>()
  .get('/auth/sso/jwt', async (c) => {
    let signedIn: Awaited<ReturnType<typeof ssoSignIn>>;
    try {
      signedIn = await ssoSignIn(c, c.req.query('jwt'));
    } catch (error) {
      // A browser (it asks for HTML) lands on the portal's sign-in view, which explains in the user's language.
      if (!(error instanceof Problem) || !/text\/html/i.test(c.req.header('accept') ?? '')) throw error;
      const reason = error.status === 403 && error.detail === NO_ACCESS ? 'access-denied' : error.status === 429 ? 'too-many-attempts' : 'sso-failed';
      return c.redirect(`${linkBase(c)}#/signin?error=${reason}`, 303);
    }
    const { contact, settings, allowList } = signedIn;
    await startSession(c, contact, settings, 'sso');
    return c.redirect(safeReturnTo(c.req.query('return_to'), allowList, linkBase(c)), 303);
  })
  .post('/auth/sso/token', async (c) => {
    const { jwt } = await readJson(c, SsoTokenRequest);
    const { contact, settings } = await ssoSignIn(c, jwt);
    const { token, ...auth } = await createSession(c.get('deps').db, contact, settings, c.get('deps').now(), 'sso');
    return c.json({ token, expiresAt: sessionBody(auth).expiresAt });
  });
