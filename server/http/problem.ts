import type { FieldError } from '../../src/contract/errors.js';

/** What a problem is made of; the named factories on {@link Problem} fill in the usual ones. */
export interface ProblemInit {
  status: number;
  /** Short kebab-case name of the problem type, e.g. `validation` (answered as `urn:portal:problem:<slug>`). */
  slug: string;
  title: string;
  /** Defaults to the title. */
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

/** Options of the factories whose type, title or headers vary. */
interface Variant {
  slug?: string;
  title?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

/** A refusal that stops reading the request: the rest of the body is not read, so the connection closes. */
const CLOSE = { connection: 'close' } as const;

/**
 * An RFC 9457 problem (`application/problem+json`). Thrown anywhere in a handler; `app.onError` answers it. Made by
 * the named factories (`Problem.validation(errors)`, `Problem.notFound()`, …) or, for a one-off, from a
 * {@link ProblemInit}.
 */
export class Problem extends Error {
  readonly status: number;
  readonly slug: string;
  readonly title: string;
  readonly detail: string;
  readonly errors?: FieldError[];
  readonly headers: Record<string, string>;

  constructor(init: ProblemInit) {
    super(init.title);
    this.status = init.status;
    this.slug = init.slug;
    this.title = init.title;
    this.detail = init.detail ?? init.title;
    this.errors = init.errors;
    this.headers = init.headers ?? {};
  }

  /** 400: the request cannot be processed as sent. */
  static badRequest(detail: string, variant: Variant = {}): Problem {
    return new Problem({ status: 400, slug: 'bad-request', title: 'Bad request', detail, ...variant });
  }

  /** 400: the multipart body is malformed (reading stops: the connection closes). */
  static malformedMultipart(reason: string): Problem {
    return Problem.badRequest(`The multipart body is not valid: ${reason}`, { slug: 'malformed-multipart', title: 'Malformed request', headers: CLOSE });
  }

  /** 401: not signed in (or, with a variant, another missing or refused credential). */
  static unauthenticated(detail = 'Sign in to continue.', variant: Variant = {}): Problem {
    return new Problem({ status: 401, slug: 'unauthenticated', title: 'Not signed in', detail, ...variant });
  }

  /** 403: signed in (or not needed), but not allowed. */
  static forbidden(detail: string, variant: Variant = {}): Problem {
    return new Problem({ status: 403, slug: 'forbidden', title: 'Forbidden', detail, ...variant });
  }

  /** 404: nothing (visible to the caller) has this name. */
  static notFound(detail = 'The resource was not found.'): Problem {
    return new Problem({ status: 404, slug: 'not-found', title: 'Not found', detail });
  }

  /** 409: the request clashes with the current state. */
  static conflict(title: string, detail: string, variant: Variant = {}): Problem {
    return new Problem({ status: 409, slug: 'conflict', title, detail, ...variant });
  }

  /** 413: the request is larger than allowed (reading stops: the connection closes). */
  static tooLarge(detail: string, variant: Variant = {}): Problem {
    return new Problem({ status: 413, slug: 'payload-too-large', title: 'Payload too large', detail, ...variant, headers: { ...CLOSE, ...variant.headers } });
  }

  /** 415: the body is not of the media type the route reads. */
  static unsupportedMediaType(detail: string): Problem {
    return new Problem({ status: 415, slug: 'unsupported-media-type', title: 'Unsupported media type', detail });
  }

  /** 422: fields that are not valid, each named. */
  static validation(errors: FieldError[], detail = 'Some fields are not valid.', variant: Variant = {}): Problem {
    return new Problem({ status: 422, slug: 'validation', title: 'Validation failed', detail, errors, ...variant });
  }

  /** 429 with `Retry-After` in seconds. */
  static tooManyRequests(seconds: number, variant: Variant & { detail?: string } = {}): Problem {
    const { detail = `Too many attempts. Try again in ${seconds} seconds.`, ...rest } = variant;
    return new Problem({ status: 429, slug: 'too-many-requests', title: 'Too many attempts', detail, ...rest, headers: { 'retry-after': String(seconds), ...rest.headers } });
  }

  /** 500: our fault. */
  static internal(detail = 'Something went wrong on our side.'): Problem {
    return new Problem({ status: 500, slug: 'internal', title: 'Internal server error', detail });
  }

  /** 503: the service (or this part of it) cannot answer now. */
  static unavailable(title: string, detail: string, variant: Variant = {}): Problem {
    return new Problem({ status: 503, slug: 'unavailable', title, detail, ...variant });
  }

  toJSON() {
    return {
      type: `urn:portal:problem:${this.slug}`,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }

  toResponse(): Response {
    return new Response(JSON.stringify(this.toJSON()), {
      status: this.status,
      headers: { 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store', ...this.headers },
    });
  }
}

/** Zod issues as field errors with dotted paths (`access.sso.startUrl`; `body` for the whole body). */
export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = ''): FieldError[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.');
    return { field: path || 'body', message: issue.message };
  });
}
