import { msg } from '../../internal/messages.js';

import type { SignOutReason } from '../../internal/events.js';

export type { SignOutReason };

/** What the sign-in form says about why the customer sees it again ('' when nothing needs saying). */
export function signOutNotice(reason: SignOutReason): string {
  switch (reason) {
    case 'expired': return msg('You were signed out after a period of inactivity.', { id: 'portal.signed-out-idle' });
    case 'access-revoked': return msg('Your access to this portal has changed. Please sign in again.', { id: 'portal.access-revoked' });
    case 'ended': return msg('Your session has ended. Please sign in again.', { id: 'portal.session-ended' });
    default: return '';
  }
}
