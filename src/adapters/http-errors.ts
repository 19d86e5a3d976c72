import { HttpError, TimeoutError } from './fetch-client.js';
import {
  ConflictError, ContractError, ForbiddenError, NetworkError, NotFoundError, PortalError, RateLimitedError,
  UnauthenticatedError, UnavailableError, ValidationError, type FieldError,
} from '../contract/errors.js';

interface Problem {
  type?: string;
  title?: string;
  detail?: string;
  errors?: FieldError[];
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const body: unknown = await response.clone().json();
    if (body && typeof body === 'object') {
      const p = body as Record<string, unknown>;
      const errors = Array.isArray(p.errors)
        ? p.errors.filter((e): e is FieldError => !!e && typeof e.field === 'string' && typeof e.message === 'string')
        : undefined;
      return { type: typeof p.type === 'string' ? p.type : undefined, title: typeof p.title === 'string' ? p.title : undefined, detail: typeof p.detail === 'string' ? p.detail : undefined, errors };
    }
  } catch {
    // Not JSON: fall back to the status text.
  }
  return {};
}

/** Seconds from a `Retry-After` header (delta-seconds or HTTP date); 1 when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  if (!header) return 1;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, Math.ceil((date - now) / 1000)) : 1;
}

/** Turns an HTTP status and its problem+json body into the contract's typed error. */
export async function errorFromResponse(response: Response): Promise<PortalError> {
  const problem = await readProblem(response);
  const message = problem.detail ?? problem.title ?? `${response.status} ${response.statusText}`;
  switch (response.status) {
    case 401: return new UnauthenticatedError(message, problem.type?.endsWith(':access-revoked') ? { reason: 'access-revoked' } : undefined);
    case 403: return new ForbiddenError(message, problem.type?.endsWith(':registration-unconfirmed') ? { reason: 'unconfirmed' } : undefined);
    case 404: return new NotFoundError(message);
    case 409: return new ConflictError(message);
    case 400: case 413: case 415: case 422: return new ValidationError(message, problem.errors ?? []);
    case 429: return new RateLimitedError(message, retryAfterSeconds(response.headers.get('Retry-After')));
    default: return new UnavailableError(message);
  }
}

/** Any failure of a request (the fetch client's errors, fetch's TypeError, aborts) as a typed error; aborts pass through. */
export async function toPortalError(error: unknown): Promise<unknown> {
  if (error instanceof PortalError) return error;
  if (error instanceof HttpError) return errorFromResponse(error.response);
  if (error instanceof DOMException && error.name === 'AbortError') return error;
  if (error instanceof TimeoutError) return new NetworkError('The server took too long to answer.', { cause: error });
  return new NetworkError('The server could not be reached.', { cause: error });
}

export { ContractError };
