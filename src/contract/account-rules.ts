/**
 * The sign-in rules the browser checks before sending (and the server checks again with the schemas of
 * `session.ts`, built from these): the email address and the password policy, each written once.
 */

/** A practical email address check (the pattern zod's `z.email()` uses by default). */
export const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
export const EMAIL_MAX_LENGTH = 254;
export const EMAIL_MESSAGE = 'Enter a valid email address.';

/** Whether `value` (already trimmed) is an email address the portal accepts. */
export const isEmail = (value: string): boolean => [...value].length <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(value);

/**
 * The password policy, the one place it is written: a new password has at least `minLength` characters, counted
 * in Unicode code points (an emoji counts once; zod's `minLength` counts the same way), at most `maxLength`.
 */
export const PASSWORD_RULE = { minLength: 10, maxLength: 1024 } as const;

/** Whether a new password is shorter than {@link PASSWORD_RULE} allows. */
export const isShortPassword = (value: string): boolean => [...value].length < PASSWORD_RULE.minLength;
