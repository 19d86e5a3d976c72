/** A field-level validation message: `field` is a dotted path such as `access.sso.startUrl`. */
export interface FieldError {
  field: string;
  message: string;
}

export type PortalErrorKind =
  | 'unauthenticated' | 'forbidden' | 'not-found' | 'validation' | 'conflict'
  | 'rate-limited' | 'unavailable' | 'network' | 'contract';

/** Base of every error an adapter may reject with. Elements switch on `kind`. */
export abstract class PortalError extends Error {
  abstract readonly kind: PortalErrorKind;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * No (or no longer a) session: sign in again. `reason` is `access-revoked` when the session ended because the
 * portal's access settings no longer admit the contact.
 */
export class UnauthenticatedError extends PortalError {
  readonly kind = 'unauthenticated' as const;
  readonly reason?: 'access-revoked';
  constructor(message: string, options?: { cause?: unknown; reason?: 'access-revoked' }) {
    super(message, options);
    if (options?.reason) this.reason = options.reason;
  }
}

/**
 * Signed in, but not allowed (e.g. not in an access group, replying to a closed ticket). `reason` is
 * `unconfirmed` when a password sign-in waits for the registration's emailed confirmation link.
 */
export class ForbiddenError extends PortalError {
  readonly kind = 'forbidden' as const;
  readonly reason?: 'unconfirmed';
  constructor(message: string, options?: { cause?: unknown; reason?: 'unconfirmed' }) {
    super(message, options);
    if (options?.reason) this.reason = options.reason;
  }
}

/** The thing does not exist, or the user may not know that it does. */
export class NotFoundError extends PortalError {
  readonly kind = 'not-found' as const;
}

/** The input was refused; `fieldErrors` say which field and why. */
export class ValidationError extends PortalError {
  readonly kind = 'validation' as const;
  constructor(message: string, readonly fieldErrors: FieldError[] = [], options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The request clashes with the current state (e.g. an idempotency key reused for other content). */
export class ConflictError extends PortalError {
  readonly kind = 'conflict' as const;
}

/** Too many attempts; try again after `retryAfterSeconds`. */
export class RateLimitedError extends PortalError {
  readonly kind = 'rate-limited' as const;
  constructor(message: string, readonly retryAfterSeconds: number, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The portal is switched off, or the server failed. */
export class UnavailableError extends PortalError {
  readonly kind = 'unavailable' as const;
}

/** The server could not be reached (offline, DNS, timeout). */
export class NetworkError extends PortalError {
  readonly kind = 'network' as const;
}

/** The server answered with data that breaks the contract's schema. */
export class ContractError extends PortalError {
  readonly kind = 'contract' as const;
  constructor(message: string, readonly issues: FieldError[] = [], options?: { cause?: unknown }) {
    super(message, options);
  }
}

export const isPortalError = (value: unknown): value is PortalError => value instanceof PortalError;
