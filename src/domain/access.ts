import type { Settings } from '../contract/settings.js';
import type { ContactRecord } from './world.js';

/** Why a password sign-in is refused: the English texts both backends answer (the server with 403). */
export const ACCESS_REFUSALS = {
  sso: 'This portal uses single sign-on.',
  'no-access': "You don't have access to this portal.",
} as const;
export type AccessRefusal = keyof typeof ACCESS_REFUSALS;

/** Why registration is refused (403) on a portal that does not take registrations. */
export const REGISTRATION_CLOSED = 'Registration is not open on this portal.';

/** Whether the portal takes self-registrations. */
export const mayRegister = (settings: Pick<Settings, 'access'>): boolean => settings.access.mode === 'self-registration';

/** What a session ended by an access change answers (401, reason `access-revoked`). */
export const ACCESS_REVOKED = 'Your access to this portal has changed. Sign in again.';

/** Whether the contact is in one of the portal's access groups (always true when the portal names none). */
export const inPortalGroups = (settings: Pick<Settings, 'access'>, contact: Pick<ContactRecord, 'accessGroupIds'>): boolean =>
  settings.access.accessGroupIds.length === 0 || contact.accessGroupIds.some((id) => settings.access.accessGroupIds.includes(id));

/**
 * Why a contact who proved who they are without SSO (password, invitation, reset, emailed link) may not enter, or
 * `null`: never on an SSO portal (`sso`); on an access-group portal only members of its groups (`no-access`).
 * Checked at sign-in and again on every request of the session, so an access change applies at once.
 */
export function passwordAccessRefusal(settings: Pick<Settings, 'access'>, contact: Pick<ContactRecord, 'accessGroupIds'>): AccessRefusal | null {
  const { access } = settings;
  if (access.mode === 'sso') return 'sso';
  if (access.mode === 'access-groups' && !contact.accessGroupIds.some((id) => access.accessGroupIds.includes(id))) return 'no-access';
  return null;
}

/** Whether a contact who proved who they are without SSO may enter (see {@link passwordAccessRefusal}). */
export const mayEnterWithPassword = (settings: Pick<Settings, 'access'>, contact: Pick<ContactRecord, 'accessGroupIds'>): boolean =>
  passwordAccessRefusal(settings, contact) === null;

/**
 * Whether a session still admits the contact under the current access settings: a password session while
 * passwords admit the contact, an SSO session while the portal uses SSO and the contact is in its groups (when it
 * names any).
 */
export function sessionStillAdmits(settings: Pick<Settings, 'access'>, contact: Pick<ContactRecord, 'accessGroupIds'>, method: 'password' | 'sso'): boolean {
  if (method === 'sso') return settings.access.mode === 'sso' && inPortalGroups(settings, contact);
  return mayEnterWithPassword(settings, contact);
}
