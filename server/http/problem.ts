import type { FieldError } from '../../src/contract/errors.js';

/** An RFC 9457 problem (`application/problem+json`). Thrown anywhere in a handler; `app.onError` answers it. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    /** Short kebab-case name of the problem type, e.g. `validation`. */
    readonly slug: string,
    readonly title: string,
    readonly detail: string = title,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(title);
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

export const validation = (errors: FieldError[], detail = 'Some fields are not valid.') =>
  new Problem(422, 'validation', 'Validation failed', detail, errors);

export const notFound = (what = 'The resource was not found.') => new Problem(404, 'not-found', 'Not found', what);

export const unauthenticated = () => new Problem(401, 'unauthenticated', 'Not signed in', 'Sign in to continue.');

export const forbidden = (detail: string) => new Problem(403, 'forbidden', 'Forbidden', detail);
