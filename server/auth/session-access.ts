import type { Settings } from '../../src/contract/settings.js';
import type { ContactRecord } from '../../src/domain/world.js';
import type { SessionMethod } from '../db/types.js';
import { Problem } from '../http/problem.js';
import { ACCESS_REVOKED, sessionStillAdmits as admits } from '../../src/domain/access.js';

/**
 * Whether a session started by `method` still admits the contact under the current access settings: a password
 * session only while passwords admit the contact (not on an SSO portal, only members of its access groups), an SSO
 * session only while the portal uses SSO and the contact is in its groups (when it names any).
 */
export function sessionStillAdmits(settings: Settings, contact: ContactRecord, method: SessionMethod): boolean {
  return admits(settings, contact, method);
}

export { ACCESS_REVOKED };

/** 401 for a session ended because the access settings (or the contact) changed. */
export const accessRevoked = () => Problem.unauthenticated(ACCESS_REVOKED, { slug: 'access-revoked', title: 'Access changed' });
