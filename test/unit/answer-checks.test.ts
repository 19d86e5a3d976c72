import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { HttpAdapter } from '../../src/adapters/http-adapter.js';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import * as answers from '../../src/contract/answers.js';
import { DEFAULT_QUERY } from '../../src/contract/list-rules.js';
import { array, check, int, nullable, object, oneOf, optional, record, string, union } from '../../src/contract/check.js';
import { ContractError } from '../../src/contract/errors.js';
import { demoWorld, DEMO_SIGN_IN } from '../../src/domain/demo-world.js';
import { toPublicSettings } from '../../src/domain/public-settings.js';

const Messages = array(answers.Message);
const SupportForm = nullable(answers.FormDefinition);

const session = {
  user: { id: 7, email: 'anna@example.com', name: 'Anna', companyId: null },
  canViewCompany: true, expiresAt: '2026-11-23T08:00:00.000Z', idleTimeoutSeconds: 1800,
};

describe('the client checker (src/contract/check.ts)', () => {
  it('gives the value, objects with only their declared fields', () => {
    const shape = object({ a: string, b: optional(int(1)), c: nullable(array(oneOf(['x', 'y'] as const))) });
    assert.deepEqual(check(shape, { a: 'A', c: ['x'], extra: 1 }), { ok: true, value: { a: 'A', c: ['x'] } });
    assert.deepEqual(check(shape, { a: 'A', b: 2, c: null }), { ok: true, value: { a: 'A', b: 2, c: null } });
  });

  it('names every bad field with a dotted path', () => {
    const shape = object({ a: string, list: array(object({ n: int(0) })), map: record(string) });
    const result = check(shape, { a: 1, list: [{ n: 0 }, { n: -1 }, 'no'], map: { k: 2 } });
    assert.deepEqual(!result.ok && result.problems.map((p) => p.field), ['a', 'list.1.n', 'list.2', 'map.k']);
    assert.ok(!result.ok && result.problems.every((p) => p.message.startsWith('Expected ')));
    assert.deepEqual(check(shape, 'text'), { ok: false, problems: [{ field: '', message: 'Expected an object.' }] });
  });

  it('takes the first matching union option, else the problems of the closest one', () => {
    const either = union(object({ type: oneOf(['a'] as const), n: int() }), object({ type: oneOf(['b'] as const) }));
    assert.deepEqual(check(either, { type: 'b', n: 'x' }), { ok: true, value: { type: 'b' } });
    const bad = check(either, { type: 'a', n: 'x' });
    assert.deepEqual(!bad.ok && bad.problems.map((p) => p.field), ['n']);
  });

  it('accepts the contract data the domain produces and refuses broken copies', () => {
    const world = demoWorld();
    const settings = toPublicSettings(world.settings, 'en');
    assert.deepEqual(check(answers.PublicSettings, settings), { ok: true, value: settings });
    assert.ok(check(answers.Session, session).ok);
    const broken = check(answers.Session, { ...session, user: { ...session.user, id: 0 }, expiresAt: 'yesterday' });
    assert.deepEqual(!broken.ok && broken.problems.map((p) => p.field), ['user.id', 'expiresAt']);
    assert.ok(check(answers.TicketPage, { items: [], page: 1, pageSize: 25, total: 0 }).ok);
    assert.deepEqual(check(Messages, []), { ok: true, value: [] });
  });

  it("passes every answer of the MemoryAdapter's demo world unchanged (the server's: test/conformance)", async () => {
    const adapter = new MemoryAdapter({ world: demoWorld() });
    const same = <T>(checker: Parameters<typeof check<T>>[0], value: T) => assert.deepEqual(check(checker, value), { ok: true, value });
    same(answers.Session, await adapter.signIn(DEMO_SIGN_IN));
    same(answers.PublicSettings, await adapter.getSettings());
    const page = await adapter.listTickets({ ...DEFAULT_QUERY, view: 'company' });
    assert.ok(page.items.length > 0);
    same(answers.TicketPage, page);
    same(answers.Ticket, await adapter.getTicket(page.items[0].id));
    same(Messages, await adapter.listMessages(page.items[0].id));
    same(answers.TicketFacets, await adapter.ticketFacets('company'));
    same(SupportForm, await adapter.getSupportForm());
    same(answers.Preferences, await adapter.getPreferences());
    const broken = check(answers.TicketPage, { ...page, items: [{ ...page.items[0], properties: { tier: { nested: 1 } } }] });
    assert.deepEqual(!broken.ok && broken.problems, [{ field: 'items.0.properties.tier', message: 'Expected text, a number, true, false or null.' }]);
  });
});

describe('HttpAdapter: a broken answer is a ContractError naming the fields', () => {
  let server: Server;
  let base: string;
  before(async () => {
    server = createServer((request, response) => {
      const body = request.url === '/api/v1/auth/session'
        ? { ...session, canViewCompany: 'yes', user: { ...session.user, email: null } }
        : request.url?.startsWith('/api/v1/tickets?')
          ? { items: [{ id: 'x' }], page: 1, pageSize: 25, total: -1 }
          : session;
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('a well-formed answer passes', async () => {
    const adapter = new HttpAdapter({ baseUrl: base, retries: 0 });
    assert.deepEqual(await adapter.extendSession(), session);
  });

  it('rejects a session answer with the bad fields', async () => {
    const adapter = new HttpAdapter({ baseUrl: base, retries: 0 });
    const error = await adapter.getSession().then(() => null, (e: unknown) => e);
    assert.ok(error instanceof ContractError, String(error));
    assert.equal(error.kind, 'contract');
    assert.deepEqual(error.issues.map((i) => i.field), ['user.email', 'canViewCompany']);
  });

  it('rejects a ticket page with the bad fields of its rows', async () => {
    const adapter = new HttpAdapter({ baseUrl: base, retries: 0 });
    const error = await adapter.listTickets({ view: 'mine', q: '', status: 'all', sort: 'createdAt', order: 'desc', page: 1, pageSize: 25, filters: {} })
      .then(() => null, (e: unknown) => e);
    assert.ok(error instanceof ContractError, String(error));
    const fields = error.issues.map((i) => i.field);
    assert.ok(fields.includes('items.0.id') && fields.includes('items.0.subject') && fields.includes('total'), fields.join(', '));
  });
});
