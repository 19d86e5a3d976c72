import type { Settings } from '../../src/contract/settings.js';
import { mayEnterWithPassword } from '../../src/domain/access.js';
import type { ContactRecord } from '../../src/domain/world.js';
import { forbidden, type Problem } from '../http/problem.js';

export const NO_ACCESS = "You don't have access to this portal.";

/** Whether the contact is in one of the portal's access groups (always true when the portal names none). */
export const inPortalGroups = (settings: Settings, contact: ContactRecord) =>
  settings.access.accessGroupIds.length === 0 || contact.accessGroupIds.some((id) => settings.access.accessGroupIds.includes(id));

/**
 * Why a contact who proved who they are by password, invitation, reset or emailed link may not enter, or `null`.
 * SSO portals take no passwords; access-group portals only their groups' members.
 */
export function passwordAccessProblem(settings: Settings, contact: ContactRecord): Problem | null {
  if (settings.access.mode === 'sso') return forbidden('This portal uses single sign-on.');
  return mayEnterWithPassword(settings, contact) ? null : forbidden(NO_ACCESS);
}
