import type { RegistrationConfirmation, Settings } from '../contract/settings.js';

/** How long a registration's confirmation link works. */
export const REGISTRATION_CONFIRMATION_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** The portal's registration confirmation: `instant` unless the admin chose `email`. */
export const registrationConfirmation = (settings: Pick<Settings, 'access'>): RegistrationConfirmation =>
  settings.access.registrationConfirmation ?? 'instant';

/**
 * What a self-registration answers (the server and the MemoryAdapter alike):
 * - `session`: a new address on a portal with instant sign-in — the contact is created and signed in;
 * - `confirm`: a new address on a portal that confirms addresses — nothing is created yet; a confirmation link is
 *   emailed and the answer is "check your email";
 * - `taken`: a known address — never signed in or changed; the owner is emailed, the answer is "check your email".
 * With `email` confirmation, `confirm` and `taken` answer exactly alike, so registering tells nobody which addresses
 * have accounts.
 */
export function registrationOutcome(settings: Pick<Settings, 'access'>, addressTaken: boolean): 'session' | 'confirm' | 'taken' {
  if (addressTaken) return 'taken';
  return registrationConfirmation(settings) === 'email' ? 'confirm' : 'session';
}

/** The message of the 403 a password sign-in gets while the account's registration is not confirmed yet. */
export const UNCONFIRMED_REGISTRATION = 'Confirm your email address first: open the link in the email we sent you when you registered.';
