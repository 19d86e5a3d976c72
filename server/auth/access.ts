import type { Settings } from '../../src/contract/settings.js';
import { ACCESS_REFUSALS, passwordAccessRefusal } from '../../src/domain/access.js';
import type { ContactRecord } from '../../src/domain/world.js';
import { Problem } from '../http/problem.js';

export { inPortalGroups } from '../../src/domain/access.js';

export const NO_ACCESS = ACCESS_REFUSALS['no-access'];

/**
 * 403 when a contact who proved who they are by password, invitation, reset or emailed link may not enter
 * (the domain's `passwordAccessRefusal`), or `null`.
 */
export function passwordAccessProblem(settings: Settings, contact: ContactRecord): Problem | null {
  const refusal = passwordAccessRefusal(settings, contact);
  return refusal ? Problem.forbidden(ACCESS_REFUSALS[refusal]) : null;
}
