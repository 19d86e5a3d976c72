import { msg } from '../../internal/messages.js';

/**
 * What the sign-in view says after the server sent the browser back with `#/signin?error=…` (a refused one-time link
 * or single sign-on): a localized sentence, never the server's raw answer. Empty without an error.
 */
export function signInNotice(error: string): string {
  switch (error) {
    case '':
      return '';
    case 'access-denied':
      return msg('Your account is not allowed to use this portal. If you think this is a mistake, contact the company that runs it.', { id: 'login.denied' });
    case 'sso-failed':
      return msg('Sign-in did not work. Please try again.', { id: 'login.sso-failed' });
    case 'too-many-attempts':
      return msg('Too many attempts. Please wait a moment and try again.', { id: 'login.too-many-attempts' });
    default:
      return msg('This link is invalid or has expired.', { id: 'login.link-invalid' });
  }
}
