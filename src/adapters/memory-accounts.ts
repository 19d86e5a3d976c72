import { ForbiddenError, ValidationError } from '../contract/errors.js';
import { Registration, TokenAndPassword, type Credentials } from '../contract/session.js';
import { parseOrThrow } from '../contract/validation.js';
import { mayRegister, REGISTRATION_CLOSED } from '../domain/access.js';
import type { DemoWorld } from '../domain/demo-world.js';
import { registrationOutcome, UNCONFIRMED_REGISTRATION } from '../domain/registration.js';
import { refuseWithoutAccess } from './memory-writes.js';

/** The MemoryAdapter's accounts, by the rules and in the order of the server's `/auth/*` routes. */

/** One-time tokens of invitation and reset links, as the server's outbox emails would carry them. */
export type LinkTokens = Map<string, { contactId: number; purpose: 'invite' | 'reset' }>;

const INVALID_LINK = 'This link is invalid or has expired.';

const byEmail = (world: DemoWorld, email: string) => world.contacts.find((c) => c.email.toLowerCase() === email.trim().toLowerCase());

/** Registrations waiting for their address to be confirmed (this adapter sends no email): address → password. */
export type UnconfirmedRegistrations = Map<string, string>;

/**
 * Self-registration: 403 unless the portal takes registrations, 422 naming the field (the contract's
 * `Registration`, password policy included), `null` when nobody is signed in (the address already has an account,
 * or the portal confirms addresses by email first: the registration then waits in `unconfirmed`), else the new
 * contact.
 */
export function registerContact(world: DemoWorld, registration: Registration, unconfirmed: UnconfirmedRegistrations) {
  if (!mayRegister(world.settings)) throw new ForbiddenError(REGISTRATION_CLOSED);
  const given = parseOrThrow(Registration, registration, 'Some fields are not valid.');
  const outcome = registrationOutcome(world.settings, byEmail(world, given.email) !== undefined);
  if (outcome === 'taken') return null;
  if (outcome === 'confirm') {
    unconfirmed.set(given.email.trim().toLowerCase(), given.password);
    return null;
  }
  const contact = {
    id: Math.max(0, ...world.contacts.map((c) => c.id)) + 1, email: given.email.trim(), name: given.name,
    companyId: null, accessGroupIds: [], properties: {}, password: given.password,
  };
  world.contacts.push(contact);
  return contact;
}

/**
 * Sets a password by an invitation or reset token: 422 naming the field for a bad body (password policy), 422
 * naming `token` for an unknown or used token, then the password is set and a contact the portal does not admit is
 * refused (403), as at sign-in.
 */
export function setPasswordByLink(world: DemoWorld, tokens: LinkTokens, input: TokenAndPassword, purpose: 'invite' | 'reset') {
  const given = parseOrThrow(TokenAndPassword, input, 'Some fields are not valid.');
  const entry = tokens.get(given.token);
  const contact = entry?.purpose === purpose ? world.contacts.find((c) => c.id === entry.contactId) : undefined;
  if (!contact) throw new ValidationError(INVALID_LINK, [{ field: 'token', message: INVALID_LINK }]);
  tokens.delete(given.token);
  contact.password = given.password;
  refuseWithoutAccess(world.settings, contact);
  return contact;
}

/** The right password of a registration still waiting for its address to be confirmed: 403, as the server answers. */
export function refuseUnconfirmed(world: DemoWorld, unconfirmed: UnconfirmedRegistrations, credentials: Credentials) {
  if (!byEmail(world, credentials.email) && unconfirmed.get(credentials.email.trim().toLowerCase()) === credentials.password) {
    throw new ForbiddenError(UNCONFIRMED_REGISTRATION, { reason: 'unconfirmed' });
  }
}
