import { ForbiddenError, ValidationError } from '../contract/errors.js';
import { Registration, TokenAndPassword } from '../contract/session.js';
import { parseOrThrow } from '../contract/validation.js';
import { mayRegister, REGISTRATION_CLOSED } from '../domain/access.js';
import type { DemoWorld } from '../domain/demo-world.js';
import { refuseWithoutAccess } from './memory-writes.js';

/** The MemoryAdapter's accounts, by the rules and in the order of the server's `/auth/*` routes. */

/** One-time tokens of invitation and reset links, as the server's outbox emails would carry them. */
export type LinkTokens = Map<string, { contactId: number; purpose: 'invite' | 'reset' }>;

const INVALID_LINK = 'This link is invalid or has expired.';

const byEmail = (world: DemoWorld, email: string) => world.contacts.find((c) => c.email.toLowerCase() === email.trim().toLowerCase());

/**
 * Self-registration: 403 unless the portal takes registrations, 422 naming the field (the contract's
 * `Registration`, password policy included), `null` when the address already has an account (nobody is signed in),
 * else the new contact.
 */
export function registerContact(world: DemoWorld, registration: Registration) {
  if (!mayRegister(world.settings)) throw new ForbiddenError(REGISTRATION_CLOSED);
  const given = parseOrThrow(Registration, registration, 'Some fields are not valid.');
  if (byEmail(world, given.email)) return null;
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
