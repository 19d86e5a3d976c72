/**
 * A small `fetch` wrapper for the HttpAdapter: a base URL, default headers, a timeout per attempt, the caller's
 * AbortSignal, retries with exponential backoff and jitter (Retry-After honoured up to a cap) and an error carrying
 * the Response for every non-2xx answer. Platform code only (fetch, AbortSignal.any, URLSearchParams).
 */

/** When and how often a request is tried again. */
export interface RetryOptions {
  /** Retries after the first attempt. */
  limit?: number;
  /** Methods that may be retried (case-insensitive). */
  methods?: readonly string[];
  /** Statuses that are retried (network failures are retried too; timeouts are not). */
  statusCodes?: readonly number[];
  /** Statuses whose `Retry-After` header sets the wait instead of the backoff. */
  afterStatusCodes?: readonly number[];
  /** Longest `Retry-After` wait in ms; an answer asking for longer is not retried. */
  maxRetryAfter?: number;
  /** First backoff wait in ms, doubled per retry (each wait a random share of it: full jitter). */
  backoffBase?: number;
  /** Longest backoff wait in ms. */
  backoffLimit?: number;
}

/** Options of one request; `retry`, `headers` and `timeout` refine the client's defaults. */
export interface Options {
  method?: string;
  headers?: HeadersInit;
  /** Appended as the query string; `undefined` values are left out. */
  searchParams?: URLSearchParams | Record<string, string | number | boolean | undefined>;
  /** Sent as `application/json`. */
  json?: unknown;
  /** Any fetch body (FormData gets its multipart boundary from fetch). */
  body?: BodyInit | null;
  signal?: AbortSignal;
  /** Milliseconds per attempt until the response headers arrive. */
  timeout?: number;
  /** A number is the retry limit. */
  retry?: number | RetryOptions;
  /** `false`: non-2xx answers resolve like any other. Default `true`. */
  throwHttpErrors?: boolean;
}

/** How a client is set up. */
export interface ClientOptions {
  /** Prepended to every path (a `/` joins them). */
  prefixUrl: string;
  credentials?: RequestCredentials;
  headers?: HeadersInit;
  /** Default 10 000 ms. */
  timeout?: number;
  retry?: RetryOptions;
  fetch?: typeof fetch;
  /** Runs before every attempt, e.g. to set a fresh bearer token. */
  beforeRequest?: (headers: Headers) => void | Promise<void>;
}

/** Makes a request; resolves with the Response (2xx unless `throwHttpErrors: false`). */
export type HttpClient = (path: string, options?: Options) => Promise<Response>;

/** A non-2xx answer; `response` still has its body for the caller to read. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(readonly response: Response, readonly request: { method: string; url: string }) {
    super(`${response.status} ${response.statusText} (${request.method} ${request.url})`);
  }
}

/** No answer within the timeout: the attempt was aborted. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor(readonly request: { method: string; url: string }) {
    super(`No answer in time (${request.method} ${request.url})`);
  }
}

const RETRY_DEFAULTS: Required<RetryOptions> = {
  limit: 2,
  methods: ['get', 'head', 'put', 'delete', 'options'],
  statusCodes: [408, 429, 500, 502, 503, 504],
  afterStatusCodes: [413, 429, 503],
  maxRetryAfter: 10_000,
  backoffBase: 300,
  backoffLimit: 4_000,
};

/** Milliseconds a `Retry-After` header asks for (delta-seconds or HTTP date), or `null` when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}

function urlOf(prefix: string, path: string, searchParams: Options['searchParams']): string {
  let url = `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  if (searchParams) {
    const params = searchParams instanceof URLSearchParams
      ? searchParams
      : new URLSearchParams(Object.entries(searchParams).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
    const query = params.toString();
    if (query) url += `?${query}`;
  }
  return url;
}

/** The retry decision for a failed attempt: the wait in ms, or `null` for no retry. */
function retryDelay(error: unknown, retry: Required<RetryOptions>, retryCount: number): number | null {
  if (error instanceof TimeoutError) return null;
  if (error instanceof HttpError) {
    const { status, headers } = error.response;
    if (!retry.statusCodes.includes(status)) return null;
    const after = retry.afterStatusCodes.includes(status) ? retryAfterMs(headers.get('Retry-After')) : null;
    if (after !== null) return after <= retry.maxRetryAfter ? after : null;
  }
  const backoff = retry.backoffBase * 2 ** (retryCount - 1);
  return Math.min(retry.backoffLimit, Math.random() * backoff);
}

/**
 * A client bound to a base URL and defaults. Each attempt gets its own timeout; the caller's signal aborts the
 * request and any wait between attempts (the rejection is the signal's reason, an `AbortError` by default).
 */
export function createClient(defaults: ClientOptions): HttpClient {
  const fetchFn = defaults.fetch ?? globalThis.fetch.bind(globalThis);
  return async (path, options = {}) => {
    const method = (options.method ?? 'GET').toUpperCase();
    const url = urlOf(defaults.prefixUrl, path, options.searchParams);
    const request = { method, url };
    const retry: Required<RetryOptions> = {
      ...RETRY_DEFAULTS, ...defaults.retry,
      ...(typeof options.retry === 'number' ? { limit: options.retry } : options.retry),
    };
    const timeout = options.timeout ?? defaults.timeout ?? 10_000;
    const headers = new Headers(defaults.headers);
    new Headers(options.headers).forEach((value, name) => headers.set(name, value));
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    }
    const signal = options.signal;

    for (let retryCount = 0; ; retryCount++) {
      try {
        return await attempt();
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        const canRetry = retryCount < retry.limit && retry.methods.some((m) => m.toUpperCase() === method);
        const delay = canRetry ? retryDelay(error, retry, retryCount + 1) : null;
        if (delay === null) throw error;
        if (error instanceof HttpError) void error.response.body?.cancel().catch(() => undefined);
        await wait(delay, signal);
      }
    }

    async function attempt(): Promise<Response> {
      const attemptHeaders = new Headers(headers);
      await defaults.beforeRequest?.(attemptHeaders);
      const timer = new AbortController();
      let timedOut = false;
      const id = setTimeout(() => {
        timedOut = true;
        timer.abort();
      }, timeout);
      let response: Response;
      try {
        response = await fetchFn(url, {
          method, headers: attemptHeaders, body, credentials: defaults.credentials,
          signal: signal ? AbortSignal.any([signal, timer.signal]) : timer.signal,
        });
      } catch (error) {
        if (timedOut && !signal?.aborted) throw new TimeoutError(request);
        throw error;
      } finally {
        clearTimeout(id);
      }
      if (!response.ok && options.throwHttpErrors !== false) throw new HttpError(response, request);
      return response;
    }
  };
}
