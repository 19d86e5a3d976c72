import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createClient, HttpError, retryAfterMs, TimeoutError } from '../../src/adapters/fetch-client.js';
import { CSRF_HEADER, HttpAdapter } from '../../src/adapters/http-adapter.js';
import { NetworkError, RateLimitedError, UnavailableError, ValidationError } from '../../src/contract/errors.js';
import { waitFor } from '../support/wait-for.js';

/**
 * The fetch client and the HttpAdapter built on it, against a real HTTP server in this process that answers what
 * each test scripts and records every request it receives.
 */
interface Seen { method: string; url: string; headers: IncomingHttpHeaders; body: string; at: number }
type Answer = (res: ServerResponse, n: number, req: IncomingMessage) => void;

const seen: Seen[] = [];
const held: ServerResponse[] = [];
let answer: Answer;
let base = '';
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString(), at: performance.now() });
    answer(res, seen.length, req);
  });
});

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
  const json = body === undefined ? '' : JSON.stringify(body);
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  res.writeHead(status, { 'Content-Type': type, ...headers }).end(json);
}
/** Keeps the request open without answering (released when the test ends). */
const hold: Answer = (res) => void held.push(res);
/** Answers `statuses[n - 1]` (with `headers`) for the first requests, then 200 with `ok`. */
const failing = (statuses: number[], ok: unknown = [], headers: Record<string, string> = {}): Answer =>
  (res, n) => (n <= statuses.length ? send(res, statuses[n - 1], { title: 'Unavailable' }, headers) : send(res, 200, ok));

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  for (const res of held.splice(0)) res.destroy();
  seen.length = 0;
  answer = (res) => send(res, 200, []);
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

describe('fetch client', () => {
  const fast = { backoffBase: 1, backoffLimit: 1 };

  it('joins the base URL and the path and appends searchParams (object without undefined, or URLSearchParams)', async () => {
    const http = createClient({ prefixUrl: `${base}/api/v1/` });
    await http('tickets', { searchParams: { view: 'mine', page: 2, q: undefined } });
    await http('tickets/facets', { searchParams: new URLSearchParams([['status', 'open'], ['status', 'closed']]) });
    await http('portal', { searchParams: {} });
    assert.deepEqual(seen.map((s) => s.url), ['/api/v1/tickets?view=mine&page=2', '/api/v1/tickets/facets?status=open&status=closed', '/api/v1/portal']);
  });

  it('sends json as application/json and FormData as multipart with its boundary; default and call headers merge', async () => {
    const http = createClient({ prefixUrl: base, headers: { Accept: 'application/json', 'X-Default': 'd' } });
    await http('a', { method: 'post', json: { email: 'a@example.com' }, headers: { 'X-Call': 'c' } });
    const form = new FormData();
    form.set('body', 'Hello');
    form.append('files[]', new Blob(['data'], { type: 'text/plain' }), 'note.txt');
    await http('b', { method: 'post', body: form });
    assert.equal(seen[0].method, 'POST');
    assert.equal(seen[0].headers['content-type'], 'application/json');
    assert.equal(seen[0].body, '{"email":"a@example.com"}');
    assert.equal(seen[0].headers['x-default'], 'd');
    assert.equal(seen[0].headers['x-call'], 'c');
    assert.equal(seen[0].headers.accept, 'application/json');
    assert.match(String(seen[1].headers['content-type']), /^multipart\/form-data; boundary=/);
    assert.match(seen[1].body, /name="body"\r\n\r\nHello/);
    assert.match(seen[1].body, /name="files\[\]"; filename="note.txt"/);
  });

  it('throws an HttpError carrying the readable Response for non-2xx; throwHttpErrors: false resolves with it', async () => {
    answer = (res) => send(res, 404, { title: 'Not found', detail: 'No such ticket.' });
    const http = createClient({ prefixUrl: base });
    const error = await rejection(http('tickets/9'));
    assert.ok(error instanceof HttpError);
    assert.equal(error.response.status, 404);
    assert.deepEqual(await error.response.json(), { title: 'Not found', detail: 'No such ticket.' });
    const response = await http('tickets/9', { throwHttpErrors: false });
    assert.equal(response.status, 404);
  });

  it('retries GET on 503 and succeeds; gives up after the limit; retry: 0 tries once', async () => {
    const http = createClient({ prefixUrl: base, retry: { limit: 2, ...fast } });
    answer = failing([503, 503], { ok: true });
    assert.deepEqual(await (await http('x')).json(), { ok: true });
    assert.equal(seen.length, 3);

    seen.length = 0;
    answer = failing([503, 502, 504]);
    const error = await rejection(http('x'));
    assert.ok(error instanceof HttpError && error.response.status === 504);
    assert.equal(seen.length, 3);

    seen.length = 0;
    answer = failing([500]);
    assert.ok(await rejection(http('x', { retry: 0 })) instanceof HttpError);
    assert.equal(seen.length, 1);
  });

  it('retries only the listed statuses and methods', async () => {
    const http = createClient({ prefixUrl: base, retry: fast });
    for (const status of [400, 404, 413, 422]) {
      seen.length = 0;
      answer = failing([status], [], { 'Retry-After': '0' });
      assert.ok(await rejection(http('x')) instanceof HttpError);
      assert.equal(seen.length, 1, `${status} is not retried`);
    }
    seen.length = 0;
    answer = failing([503]);
    assert.ok(await rejection(http('x', { method: 'post' })) instanceof HttpError);
    assert.equal(seen.length, 1, 'POST is not retried by default');
    seen.length = 0;
    await http('x', { method: 'post', retry: { methods: ['post'] } });
    assert.equal(seen.length, 2, 'POST is retried when the call allows it');
  });

  it('retries network failures', async () => {
    answer = (res, n) => (n === 1 ? res.socket?.destroy() : send(res, 200, []));
    const http = createClient({ prefixUrl: base, retry: fast });
    assert.equal((await http('x')).status, 200);
    assert.equal(seen.length, 2);
  });

  // A deadline like waitFor's: without the cap the waits would be minutes.
  it('caps the backoff at backoffLimit (a base of 10 minutes still retries at once)', { timeout: 10_000 }, async () => {
    answer = failing([503, 503]);
    const http = createClient({ prefixUrl: base, retry: { backoffBase: 600_000, backoffLimit: 1 } });
    assert.equal((await http('x')).status, 200);
    assert.equal(seen.length, 3);
  });

  it('does not retry when Retry-After asks for more than maxRetryAfter', async () => {
    answer = failing([503], [], { 'Retry-After': '3' });
    const http = createClient({ prefixUrl: base, retry: { maxRetryAfter: 2_000, ...fast } });
    const error = await rejection(http('x'));
    assert.ok(error instanceof HttpError && error.response.status === 503);
    assert.equal(seen.length, 1);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(retryAfterMs('2', now), 2_000);
    assert.equal(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now), 5_000);
    assert.equal(retryAfterMs('Wed, 31 Dec 2025 23:00:00 GMT', now), 0);
    assert.equal(retryAfterMs(null, now), null);
    assert.equal(retryAfterMs('soon', now), null);
  });

  it('times out per attempt with a TimeoutError (not retried); a call can shorten the timeout', async () => {
    answer = hold;
    const http = createClient({ prefixUrl: base, timeout: 50, retry: fast });
    assert.ok(await rejection(http('x')) instanceof TimeoutError);
    assert.equal(seen.length, 1);
    const patient = createClient({ prefixUrl: base, timeout: 600_000 });
    assert.ok(await rejection(patient('y', { timeout: 50 })) instanceof TimeoutError);
  });

  // A deadline like waitFor's: a wait that ignored the abort would last a minute.
  it("the caller's abort passes through as AbortError, during a request and while waiting to retry", { timeout: 10_000 }, async () => {
    answer = hold;
    const http = createClient({ prefixUrl: base, timeout: 600_000 });
    const during = new AbortController();
    const pending = rejection(http('x', { signal: during.signal }));
    await waitFor(() => seen.length === 1, { what: 'the request' });
    during.abort();
    const error = await pending;
    assert.ok(error instanceof DOMException && error.name === 'AbortError', String(error));

    seen.length = 0;
    answer = failing([503], [], { 'Retry-After': '60' });
    let answered = 0;
    const counting = createClient({
      prefixUrl: base, retry: { maxRetryAfter: 120_000 },
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        answered++;
        return response;
      },
    });
    const waiting = new AbortController();
    const retrying = rejection(counting('x', { signal: waiting.signal }));
    await waitFor(() => answered === 1, { what: 'the 503' });
    waiting.abort();
    const waitError = await retrying;
    assert.ok(waitError instanceof DOMException && waitError.name === 'AbortError', String(waitError));
    assert.equal(seen.length, 1);
  });
});

describe('HttpAdapter over the fetch client', () => {
  const adapter = (options: Partial<ConstructorParameters<typeof HttpAdapter>[0]> = {}) =>
    new HttpAdapter({ baseUrl: `${base}/api/v1`, liveUpdates: 'poll', ...options });
  const message = { id: 7, ticketId: 1, author: { kind: 'contact', name: 'Ada' }, body: '<p>Hi</p>', createdAt: '2026-01-01T00:00:00.000Z', attachments: [] };

  it('sends Accept, the CSRF header and credentials: include through the given fetch, with no token by default', async () => {
    const credentials: (RequestCredentials | undefined)[] = [];
    const http = adapter({ fetch: (input, init) => (credentials.push(init?.credentials), fetch(input, init)) });
    await http.listMessages(1);
    assert.deepEqual(credentials, ['include']);
    assert.equal(seen[0].url, '/api/v1/tickets/1/messages');
    assert.equal(seen[0].headers.accept, 'application/json');
    assert.equal(seen[0].headers[CSRF_HEADER.toLowerCase()], '1');
    assert.equal(seen[0].headers.authorization, undefined);
  });

  it('asks getToken before every attempt and sends the bearer token', async () => {
    let n = 0;
    answer = failing([503]);
    await adapter({ getToken: async () => `token-${++n}` }).listMessages(1);
    assert.deepEqual(seen.map((s) => s.headers.authorization), ['Bearer token-1', 'Bearer token-2']);
  });

  it('retries GET and PUT on 503 and succeeds', async () => {
    answer = failing([503, 503]);
    assert.deepEqual(await adapter().listMessages(1), []);
    assert.equal(seen.length, 3);
    seen.length = 0;
    answer = failing([502], { replyEmails: false, locale: 'de' });
    assert.deepEqual(await adapter().setPreferences({ replyEmails: false, locale: 'de' }), { replyEmails: false, locale: 'de' });
    assert.deepEqual(seen.map((s) => s.method), ['PUT', 'PUT']);
    assert.equal(seen[1].body, '{"replyEmails":false,"locale":"de"}');
  });

  it('does not retry a POST without an idempotency key', async () => {
    answer = failing([503]);
    assert.ok(await rejection(adapter().signIn({ email: 'a@example.com', password: 'secret-password' })) instanceof UnavailableError);
    assert.equal(seen.length, 1);
  });

  it('retries a POST that carries an Idempotency-Key (the same key and body each time)', async () => {
    answer = failing([503, 500], message);
    const file = { name: 'a.txt', size: 3, type: 'text/plain', blob: new Blob(['abc'], { type: 'text/plain' }) };
    const sent = await adapter().reply(1, { body: 'Hello', files: [file], idempotencyKey: 'key-1' });
    assert.equal(sent.id, 7);
    assert.equal(seen.length, 3);
    assert.deepEqual(seen.map((s) => s.headers['idempotency-key']), ['key-1', 'key-1', 'key-1']);
    for (const s of seen) assert.match(s.body, /filename="a.txt"[\s\S]*abc/);
  });

  it('honours Retry-After on 503 and refuses to wait beyond 10 s', async () => {
    answer = failing([503], [], { 'Retry-After': '1' });
    await adapter().listMessages(1);
    assert.equal(seen.length, 2);
    assert.ok(seen[1].at - seen[0].at >= 1_000, `retried after ${seen[1].at - seen[0].at} ms`);

    seen.length = 0;
    answer = failing([503], [], { 'Retry-After': '11' });
    assert.ok(await rejection(adapter().listMessages(1)) instanceof UnavailableError);
    assert.equal(seen.length, 1);
  });

  it('a timeout is a NetworkError saying the server took too long (not retried)', async () => {
    answer = hold;
    const error = await rejection(adapter({ timeout: 50 }).listMessages(1));
    assert.ok(error instanceof NetworkError);
    assert.equal(error.message, 'The server took too long to answer.');
    assert.equal(seen.length, 1);
  });

  it('an unreachable server is a NetworkError after the retries', async () => {
    answer = (res) => void res.socket?.destroy();
    const error = await rejection(adapter({ retries: 1 }).listMessages(1));
    assert.ok(error instanceof NetworkError);
    assert.equal(error.message, 'The server could not be reached.');
    assert.equal(seen.length, 2);
  });

  it("the caller's abort passes through as AbortError", async () => {
    answer = hold;
    const controller = new AbortController();
    const pending = rejection(adapter().listMessages(1, { signal: controller.signal }));
    await waitFor(() => seen.length === 1, { what: 'the request' });
    controller.abort();
    const error = await pending;
    assert.ok(error instanceof DOMException && error.name === 'AbortError', String(error));
  });

  it('problem+json becomes the typed errors: ValidationError with field errors, RateLimitedError with seconds', async () => {
    const errors = [{ field: 'email', message: 'Enter an email address.' }];
    answer = (res) => send(res, 422, { type: 'urn:portal:problem:validation', title: 'Invalid', detail: 'Check the form.', errors });
    const invalid = await rejection(adapter().signIn({ email: 'x', password: 'secret-password' }));
    assert.ok(invalid instanceof ValidationError);
    assert.equal(invalid.message, 'Check the form.');
    assert.deepEqual(invalid.fieldErrors, errors);

    answer = (res) => send(res, 429, { title: 'Too many attempts' }, { 'Retry-After': '30' });
    const throttled = await rejection(adapter().signIn({ email: 'a@example.com', password: 'secret-password' }));
    assert.ok(throttled instanceof RateLimitedError);
    assert.equal(throttled.retryAfterSeconds, 30);
    seen.length = 0;
    const throttledGet = await rejection(adapter().listMessages(1));
    assert.ok(throttledGet instanceof RateLimitedError && throttledGet.retryAfterSeconds === 30);
    assert.equal(seen.length, 1, 'a wait beyond the cap is left to the user');
  });

  it('polls /events: non-2xx answers (304, 500) resolve and polling goes on; the ETag is sent back', async () => {
    const changes: unknown[] = [];
    const change = { type: 'ticket', ticketId: 1 };
    answer = (res, n) => {
      if (n === 1) send(res, 200, [], { ETag: '"e1"' });
      else if (n === 2) send(res, 304, undefined, { ETag: '"e1"' });
      else if (n === 3) send(res, 500, { title: 'Broken' });
      else send(res, 200, [change], { ETag: '"e2"' });
    };
    const stop = adapter({ pollInterval: 5 }).subscribe((c) => changes.push(c));
    await waitFor(() => changes.length > 0, { what: 'a change after the 304 and the 500' });
    stop();
    assert.match(seen[0].url, /^\/api\/v1\/events\?since=/);
    assert.equal(seen[1].headers['if-none-match'], '"e1"');
    assert.deepEqual(changes[0], change);
  });
});
