import { Hono } from 'hono';
import { Registration } from '../../src/contract/session.js';
import { registrationOutcome } from '../../src/domain/registration.js';
import { hashPassword } from '../auth/passwords.js';
import { sessionBody, startSession } from '../auth/sessions.js';
import type { Db } from '../db/connect.js';
import { mayRegister, REGISTRATION_CLOSED } from '../../src/domain/access.js';
import { readJson } from '../http/body.js';
import { portalLink, publicUrl } from '../http/client.js';
import type { AppEnv } from '../http/context.js';
import { Problem } from '../http/problem.js';
import { limitMailRequests, mayEmail } from '../http/throttling.js';
import { insertConsent } from '../store/consents.js';
import { insertContact, readContact } from '../store/contacts.js';
import { issueToken } from '../store/one-time-tokens.js';
import { issueRegistration } from '../store/registrations.js';
import { contactMailLocale, queueMail } from '../mail/index.js';
import { queueWebhookEvent } from '../webhooks/events.js';

export interface NewRegistration {
  name: string;
  email: string;
  passwordHash: string;
  consentText: string;
}

const isUniqueViolation = (error: unknown) => /UNIQUE|unique/.test(String((error as { code?: string })?.code ?? error));

/** Creates the contact with its consent; `undefined` when the address is taken (also when a concurrent request won). */
export async function createRegistered(db: Db, r: NewRegistration, at: number): Promise<number | undefined> {
  try {
    return await db.transaction().execute(async (trx) => {
      if (await trx.selectFrom('contacts').select('id').where('email', '=', r.email).executeTakeFirst()) return undefined;
      const id = await insertContact(trx, {
        email: r.email, name: r.name, companyId: null, accessGroupIds: [], properties: {}, passwordHash: r.passwordHash,
        createdAt: new Date(at).toISOString(),
      });
      await insertConsent(trx, id, r.consentText, at);
      await queueWebhookEvent(trx, 'contact.registered', { contactId: id }, at);
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
}

/**
 * Self-registration (`registrationOutcome` of `src/domain/registration.ts`). A taken address never signs in and
 * never changes that account: it answers 202 `{status: "check-email"}` and emails the owner a password-reset link.
 * With `access.registrationConfirmation: "email"` a new address gets the same 202 and a confirmation link; the
 * account is created when the link is followed (`auth-register-confirm.ts`).
 */
export const registerRoutes = new Hono<AppEnv>().post('/auth/register', async (c) => {
  const { db, now } = c.get('deps');
  const settings = c.get('settings');
  if (!mayRegister(settings)) throw Problem.forbidden(REGISTRATION_CLOSED);
  const body = await readJson(c, Registration);
  await limitMailRequests(c);
  const email = body.email.trim().toLowerCase();
  // Always hash, so a taken address costs about the same time as a new one.
  const passwordHash = await hashPassword(body.password, c.get('deps').scrypt);
  const at = now();
  const locale = [c.req.header('accept-language'), settings.defaultLocale];
  if (registrationOutcome(settings, false) === 'confirm') {
    const taken = await db.selectFrom('contacts').select('id').where('email', '=', email).executeTakeFirst();
    if (await mayEmail(c, email)) {
      if (taken) {
        const token = await issueToken(db, 'reset', taken.id, at);
        await queueMail(db, { kind: 'account-exists', to: email, locale: await contactMailLocale(db, taken.id, locale), portal: settings.name, link: portalLink(c, `/reset?token=${token}`) }, at);
      } else {
        await db.transaction().execute(async (trx) => {
          const token = await issueRegistration(trx, { name: body.name, email, passwordHash, consentText: settings.consent.text }, at);
          const link = `${publicUrl(c)}/api/v1/auth/register/confirm?token=${token}`;
          await queueMail(trx, { kind: 'confirm-registration', to: email, locale: await contactMailLocale(trx, undefined, locale), portal: settings.name, name: body.name, link }, at);
        });
      }
    }
    c.header('cache-control', 'no-store');
    return c.json({ status: 'check-email' }, 202);
  }
  const id = await createRegistered(db, { name: body.name, email, passwordHash, consentText: settings.consent.text }, at);
  const contact = id === undefined ? undefined : await readContact(db, id);
  if (!contact) {
    const existing = await db.selectFrom('contacts').select('id').where('email', '=', email).executeTakeFirst();
    if (existing && (await mayEmail(c, email))) {
      const token = await issueToken(db, 'reset', existing.id, at);
      const locale = await contactMailLocale(db, existing.id, [c.req.header('accept-language'), settings.defaultLocale]);
      await queueMail(db, { kind: 'account-exists', to: email, locale, portal: settings.name, link: portalLink(c, `/reset?token=${token}`) }, at);
    }
    return c.json({ status: 'check-email' }, 202);
  }
  c.get('deps').webhooks?.kick();
  const auth = await startSession(c, contact, settings);
  return c.json(sessionBody(auth), 201);
});
