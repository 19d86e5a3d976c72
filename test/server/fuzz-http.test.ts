import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { testServer, type TestServer } from './helpers.js';

/** A request that takes longer than this is taken as hanging. */
const HANG_MS = 2_000;
const RUNS = Number(process.env.FUZZ_RUNS ?? 250);

interface Operation { method: string; path: string; params: string[] }

/** Rows a customer (or nobody) must never change, whatever they send: a digest per table. */
async function protectedState(s: TestServer) {
  const parts = await Promise.all([
    s.query('select data, version from settings'),
    s.query('select id, name from companies order by id'),
    s.query('select id, name from access_groups order by id'),
    s.query('select id, first_name, last_name from agents order by id'),
    s.query('select id, email, name, company_id, password_hash from contacts where id <= 8 order by id'),
    s.query('select id, subject, stage, owner_id, contact_id, last_activity_at from tickets where contact_id <> 1 order by id'),
    s.query('select count(*) as n from messages m join tickets t on t.id = m.ticket_id where t.contact_id <> 1'),
    s.query('select pipeline_id, id, closed from stages order by pipeline_id, id'),
  ]);
  return JSON.stringify(parts);
}

const oversized = fc.integer({ min: 1_000, max: 20_000 }).map((n) => 'x'.repeat(n));
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), oversized,
  fc.constantFrom('', ' ', '-1', '0', '1', '1e309', 'NaN', 'null', '[]', '{}', '%00', '../..', '<script>', "'; drop table tickets; --", '９'));
const pathValue = fc.oneof(fc.integer({ min: -1e15, max: 1e15 }).map(String), fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.constantFrom('1', '2', '0', '-1', '%2e%2e', '..', '9'.repeat(400), '1.5', '0x10', '%00'));
const jsonBody = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.dictionary(fc.constantFrom('email', 'password', 'name', 'consent', 'token', 'jwt', 'subject', 'body', 'contactId', 'access', 'columns'), fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 }))).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '{"email":', '\u0000', '[1,2', 'null'),
  fc.integer({ min: 1, max: 3 }).map((mb) => `"${'a'.repeat(mb * 600_000)}"`),
);
const multipartBody = fc.tuple(fc.constantFrom('xyz', 'boundary'), fc.array(fc.tuple(fc.constantFrom('subject', 'content', 'body', 'files[]', 'category', 'x'), text), { maxLength: 6 }), fc.boolean())
  .map(([boundary, parts, truncate]) => {
    const body = parts.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${name === 'files[]' ? '; filename="a.txt"' : ''}\r\n\r\n${value}\r\n`).join('');
    return { boundary, body: truncate ? body : `${body}--${boundary}--\r\n` };
  });

describe('randomized HTTP input against every route of the OpenAPI document', () => {
  let s: TestServer;
  let operations: Operation[] = [];
  let cookie = '';
  before(async () => {
    s = await testServer();
    const doc = (await s.call('GET', '/openapi.json')).json as { paths: Record<string, Record<string, { parameters?: { name: string }[] }>> };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({ method: method.toUpperCase(), path, params: (op.parameters ?? []).map((p) => p.name) })));
    cookie = await s.login();
  });
  after(() => s.close());

  it('answers ids beyond the 32-bit row ids as naming nothing (PostgreSQL would refuse them in a query)', async () => {
    const big = '444016490808372';
    for (const path of [`/tickets/${big}`, `/tickets/${big}/messages`, `/attachments/${big}`, `/tickets/${2 ** 31}`]) {
      const res = await s.call('GET', path, { cookie });
      assert.equal(res.status, 404, `${path} → ${res.status} ${res.text}`);
    }
    for (const query of [`filter[id]=${big}`, `filter[ownerId]=${big}`, `filter[contactId]=${2 ** 31}`, `q=%23${big}`]) {
      const res = await s.call('GET', `/tickets?${query}`, { cookie });
      assert.equal(res.status, 200, `${query} → ${res.status} ${res.text}`);
      assert.equal(res.json.total, 0);
    }
  });

  it('never answers 500, never hangs, and changes nothing a customer may not change', async () => {
    assert.ok(operations.length >= 30, `only ${operations.length} operations in the OpenAPI document`);
    const before = await protectedState(s);
    const seen = new Set<string>();
    const request = fc.record({
      op: fc.constantFrom(...operations),
      pathValues: fc.array(pathValue, { minLength: 2, maxLength: 2 }),
      query: fc.array(fc.tuple(fc.oneof(fc.constantFrom('view', 'q', 'status', 'sort', 'order', 'page', 'pageSize', 'since', 'token', 'jwt', 'return_to', 'locale', 'filter[priority]', 'filter[id]'),
        fc.string({ maxLength: 12 }).map((k) => `filter[${k}]`), fc.string({ maxLength: 20 })), text), { maxLength: 12 }),
      manyFilters: fc.option(fc.integer({ min: 15, max: 1_200 }), { freq: 5 }),
      kind: fc.constantFrom('json', 'multipart', 'none', 'text'),
      json: jsonBody,
      multipart: multipartBody,
      signedIn: fc.boolean(),
      csrf: fc.boolean(),
      extra: fc.dictionary(fc.constantFrom('idempotency-key', 'last-event-id', 'if-none-match', 'accept-language', 'authorization', 'x-forwarded-proto', 'x-forwarded-for'), text.map((v) => v.replace(/[^\x20-\x7e]/g, '?').slice(0, 4000)), { maxKeys: 3 }),
    });
    await fc.assert(fc.asyncProperty(request, async (r) => {
      let i = 0;
      const path = r.op.path.replace(/\{[^}]+\}/g, () => r.pathValues[i++ % 2]);
      const search = new URLSearchParams(r.query);
      if (r.manyFilters) for (let n = 0; n < r.manyFilters; n++) search.append(`filter[p${n}]`, 'x');
      const headers: Record<string, string> = { ...r.extra };
      // Never the admin token: admin routes must refuse and change nothing.
      if (/^bearer/i.test(headers.authorization ?? '')) delete headers.authorization;
      if (r.signedIn) headers.cookie = cookie;
      if (r.csrf) headers['x-portal-request'] = '1';
      let body: string | undefined;
      if (r.op.method !== 'GET') {
        if (r.kind === 'json') { body = r.json; headers['content-type'] = 'application/json'; }
        if (r.kind === 'text') { body = r.json; headers['content-type'] = 'text/plain'; }
        if (r.kind === 'multipart') { body = r.multipart.body; headers['content-type'] = `multipart/form-data; boundary=${r.multipart.boundary}`; }
      }
      const url = `${s.url}/api/v1${path}${search.size > 0 ? `?${search}` : ''}`;
      const started = Date.now();
      let res: Response;
      try {
        res = await fetch(url, { method: r.op.method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(HANG_MS) });
        // A live-update stream stays open by design: its headers arriving in time is the answer.
        if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) await res.body?.cancel();
        else await res.arrayBuffer();
      } catch (error) {
        // The server may close the connection after refusing an oversized body (413, Connection: close).
        if ((error as Error).name === 'TimeoutError') assert.fail(`${r.op.method} ${url.slice(0, 200)} hung for ${Date.now() - started} ms`);
        return;
      }
      seen.add(`${r.op.method} ${r.op.path}`);
      assert.ok(res.status < 500, `${r.op.method} ${url.slice(0, 300)} → ${res.status}`);
      // A session the request ended (logout) is started again, so later runs still reach signed-in code.
      if (r.signedIn && r.op.path === '/auth/logout' && res.status === 204) cookie = await s.login();
    }), { numRuns: RUNS, endOnFailure: true });
    assert.equal(await protectedState(s), before, 'data a customer may not change was changed');
    assert.ok(seen.size >= operations.length * 0.6, `only ${seen.size} of ${operations.length} operations were reached`);
  });
});
