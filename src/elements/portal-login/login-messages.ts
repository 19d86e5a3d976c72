import { msg, str } from '../../internal/messages.js';
import { getPortalLocale } from '../../internal/localization.js';
import { isEmail, isShortPassword, PASSWORD_RULE } from '../../contract/account-rules.js';
import { CellFormat } from '../../internal/formats.js';
import { plural } from '../../internal/plural.js';

/** Localized checks of the sign-in forms; the server checks the same rules again. */
export const MIN_PASSWORD = PASSWORD_RULE.minLength;

export function emailError(value: string): string | undefined {
  if (!value.trim()) return msg('Enter your email address.', { id: 'login.email-missing' });
  if (!isEmail(value.trim())) {
    return msg('Enter a valid email address, like name@example.com.', { id: 'login.email-invalid' });
  }
  return undefined;
}

export function passwordError(value: string): string | undefined {
  return value ? undefined : msg('Enter your password.', { id: 'login.password-missing' });
}

/** "Use at least 10 characters." in the user's language and digits. */
function passwordTooShort(): string {
  const locale = getPortalLocale();
  const n = CellFormat.for(locale).number.format(MIN_PASSWORD);
  return plural(MIN_PASSWORD, locale,
    () => msg(str`Use at least ${n} character.`, { id: 'login.password-short.one' }),
    (category) => msg(str`Use at least ${n} characters.`, { id: `login.password-short.${category}` }));
}

/** "Too many attempts. Try again in 30 seconds." */
export function rateLimitedText(seconds: number): string {
  const locale = getPortalLocale();
  const n = CellFormat.for(locale).number.format(seconds);
  return plural(seconds, locale,
    () => msg(str`Too many attempts. Try again in ${n} second.`, { id: 'login.rate-limited.one' }),
    (category) => msg(str`Too many attempts. Try again in ${n} seconds.`, { id: `login.rate-limited.${category}` }));
}

export function newPasswordError(value: string): string | undefined {
  if (!value) return msg('Enter a new password.', { id: 'login.new-password-missing' });
  if (isShortPassword(value)) return passwordTooShort();
  return undefined;
}

export function nameError(value: string): string | undefined {
  return value.trim() ? undefined : msg('Enter your name.', { id: 'login.name-missing' });
}

export function consentError(checked: boolean): string | undefined {
  return checked ? undefined : msg('Please agree to continue.', { id: 'login.consent-missing' });
}

export const invalidLinkMessage = () => msg('This link is invalid or has expired.', { id: 'login.link-invalid' });

/** A server field error in the user's language, where the field is known; else the server's own words. */
export function localizeServerFieldError(field: string, serverMessage: string): string {
  switch (field) {
    case 'email': return msg('Enter a valid email address, like name@example.com.', { id: 'login.email-invalid' });
    case 'password': return passwordTooShort();
    case 'name': return msg('Enter your name.', { id: 'login.name-missing' });
    case 'consent': return msg('Please agree to continue.', { id: 'login.consent-missing' });
    case 'token': return invalidLinkMessage();
    default: return serverMessage;
  }
}
