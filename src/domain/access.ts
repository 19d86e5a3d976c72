import type { Settings } from '../contract/settings.js';
import type { ContactRecord } from './world.js';

/**
 * Whether a contact who proved who they are without SSO (password, invitation, reset, emailed link) may enter:
 * never on an SSO portal; on an access-group portal only members of its groups. Checked at sign-in and again on
 * every request of the session, so an access change applies at once.
 */
export function mayEnterWithPassword(settings: Pick<Settings, 'access'>, contact: Pick<ContactRecord, 'accessGroupIds'>): boolean {
  const { access } = settings;
  if (access.mode === 'sso') return false;
  if (access.mode === 'access-groups') return contact.accessGroupIds.some((id) => access.accessGroupIds.includes(id));
  return true;
}
