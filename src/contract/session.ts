import * as z from 'zod/mini';
import { Id, IsoDateTime } from './common.js';
import { EMAIL_MAX_LENGTH, EMAIL_MESSAGE, EMAIL_PATTERN, PASSWORD_RULE } from './account-rules.js';

export { isShortPassword, PASSWORD_RULE } from './account-rules.js';

export const User = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  companyId: z.nullable(Id),
});
export type User = z.infer<typeof User>;

/** The signed-in contact and what the session allows: `GET /auth/session`. */
export const Session = z.object({
  user: User,
  canViewCompany: z.boolean(),
  expiresAt: IsoDateTime,
  idleTimeoutSeconds: z.int().check(z.positive()),
});
export type Session = z.infer<typeof Session>;

export const Email = z.email({ pattern: EMAIL_PATTERN, error: EMAIL_MESSAGE }).check(z.maxLength(EMAIL_MAX_LENGTH));
export const Password = z.string().check(z.minLength(1, 'Enter your password.'), z.maxLength(1024));

export const NewPassword = z
  .string()
  .check(
    z.minLength(PASSWORD_RULE.minLength, `Use at least ${PASSWORD_RULE.minLength} characters.`),
    z.maxLength(PASSWORD_RULE.maxLength, `Use at most ${PASSWORD_RULE.maxLength} characters.`),
  );

export const Credentials = z.object({ email: Email, password: Password });
export type Credentials = z.infer<typeof Credentials>;

export const Registration = z.object({
  name: z.string().check(z.trim(), z.minLength(1, 'Enter your name.'), z.maxLength(200)),
  email: Email,
  password: NewPassword,
  consent: z.literal(true, 'Consent is required to register.'),
});
export type Registration = z.infer<typeof Registration>;

/**
 * What registration answers: a session, or — when the address already has an account — a request to check the
 * email (the account is never signed in or changed by someone who only knows the address).
 */
export const RegistrationResult = z.union([Session, z.object({ status: z.literal('check-email') })]);
export type RegistrationResult = z.infer<typeof RegistrationResult>;

export const EmailOnly = z.object({ email: Email });
export const TokenAndPassword = z.object({ token: z.string().check(z.minLength(16), z.maxLength(512)), password: NewPassword });
export type TokenAndPassword = z.infer<typeof TokenAndPassword>;

export const Company = z.object({ id: Id, name: z.string(), domain: z.nullable(z.string()) });
export type Company = z.infer<typeof Company>;
