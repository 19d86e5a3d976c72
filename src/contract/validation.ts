import * as z from 'zod/mini';
import { ValidationError, type FieldError } from './errors.js';

/** A zod failure as field errors with dotted paths (`access.sso.startUrl`, `columns.3`). */
export function fieldErrorsOf(error: z.core.$ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
}

/** Parses with a contract schema, or throws the contract's `ValidationError` naming each bad field. */
export function parseOrThrow<T>(schema: z.ZodMiniType<T>, data: unknown, message = 'Some values are not valid.'): T {
  const result = z.safeParse(schema, data);
  if (!result.success) throw new ValidationError(message, fieldErrorsOf(result.error));
  return result.data;
}
