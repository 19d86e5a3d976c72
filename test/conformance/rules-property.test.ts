import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { HttpAdapter } from '../../src/adapters/http-adapter.js';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import type { PortalAdapter } from '../../src/contract/adapter.js';
import { ForbiddenError, ValidationError } from '../../src/contract/errors.js';
import type { TicketPage, TicketQuery } from '../../src/contract/tickets.js';
import type { DemoWorld } from '../../src/domain/demo-world.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { startServer } from '../../server/start.js';
import { TEST_SCRYPT } from '../support/test-scrypt.js';
import { cookieFetch } from '../support/cookie-fetch.js';
import { allowed, companyAllowed, filterable, matches, sortable } from './reference-rules.js';
import { queryArb, WORLD_PASSWORD, worldArb, writeWorld } from './random-world.js';

/**
 * Random worlds (companies, contacts with and without a company, tickets over the demo pipelines, permission mode,
 * visibility rules, columns) and random queries, through the HttpAdapter against a fresh reference server and
 * through the MemoryAdapter over the same world: every listed ticket and every CSV row is one the rules allow
 * (an independent reading of them), the pages together hold exactly the allowed matching tickets, and both
 * adapters answer the same pages, facets and CSV bytes.
 */
const WORLDS = Number(process.env.RULES_PROPERTY_RUNS ?? 25);

/** RFC 4180 records (quoted fields with "", commas and line breaks), CRLF-terminated. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { record.push(field); field = ''; } else if (ch === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i++; } else field += ch;
  }
  return records;
}

async function allPages(adapter: PortalAdapter, query: TicketQuery): Promise<TicketPage[]> {
  const pages = [await adapter.listTickets(query)];
  while (pages.length * query.pageSize < pages[0].total) pages.push(await adapter.listTickets({ ...query, page: pages.length + 1 }));
  pages.push(await adapter.listTickets({ ...query, page: pages.length + 1 })); // one past the end: empty
  return pages;
}

const outcome = async <T>(work: Promise<T>): Promise<{ ok: T } | { forbidden: true }> => {
  try {
    return { ok: await work };
  } catch (error) {
    if (error instanceof ForbiddenError) return { forbidden: true };
    throw error;
  }
};

async function checkWorld(world: DemoWorld, queries: TicketQuery[], locale: string, passwordHash: string) {
  const dir = mkdtempSync(join(tmpdir(), 'portal-rules-'));
  const database = await writeWorld(dir, world, passwordHash);
  const server = await startServer({ dbFile: database.location, filesDir: database.filesDir, seed: 'none', log: false, scrypt: TEST_SCRYPT });
  try {
    for (const contact of world.contacts) {
      const http = new HttpAdapter({ baseUrl: `${server.url}/api/v1`, fetch: cookieFetch(), retries: 0 });
      const memory = new MemoryAdapter({ world: structuredClone(world) });
      for (const adapter of [http, memory]) await adapter.signIn({ email: contact.email, password: WORLD_PASSWORD });
      for (const view of ['mine', 'company'] as const) {
        const facets = [await outcome(http.ticketFacets(view)), await outcome(memory.ticketFacets(view))];
        assert.deepEqual(facets[0], facets[1], `facets ${view}`);
        assert.equal('forbidden' in facets[0], view === 'company' && !companyAllowed(world.settings, contact), `facets ${view} permission`);
      }
      for (const query of queries) {
        const label = `contact ${contact.id} ${JSON.stringify(query)}`;
        const may = query.view === 'mine' || companyAllowed(world.settings, contact);
        const hidden = Object.keys(query.filters).find((name) => !filterable(world.settings, name));
        if (may && hidden !== undefined) {
          // A filter by a property customers are not shown is refused, naming the parameter, by both.
          for (const refused of [() => http.listTickets(query), () => memory.listTickets(query), () => http.exportTickets(query, { locale }), () => memory.exportTickets(query, { locale })]) {
            const error = await refused().then(() => undefined, (e: unknown) => e);
            assert.ok(error instanceof ValidationError, `refused: ${label}`);
            const named = error.fieldErrors.map((f) => f.field);
            assert.ok(Object.keys(query.filters).some((n) => !filterable(world.settings, n) && named.includes(`filter[${n}]`)), `names the filter: ${label}`);
          }
          continue;
        }
        if (may && !sortable(world.settings, query.sort)) {
          // A sort by a property customers are not shown is refused, naming `sort`, by both.
          for (const refused of [() => http.listTickets(query), () => memory.listTickets(query), () => http.exportTickets(query, { locale }), () => memory.exportTickets(query, { locale })]) {
            const error = await refused().then(() => undefined, (e: unknown) => e);
            assert.ok(error instanceof ValidationError, `sort refused: ${label}`);
            assert.deepEqual(error.fieldErrors.map((f) => f.field), ['sort'], `names sort: ${label}`);
          }
          continue;
        }
        const [httpPages, memoryPages] = [await outcome(allPages(http, query)), await outcome(allPages(memory, query))];
        if (!may) {
          assert.ok('forbidden' in httpPages && 'forbidden' in memoryPages, `forbidden: ${label}`);
          assert.ok('forbidden' in await outcome(http.exportTickets(query, { locale })), `export forbidden: ${label}`);
          continue;
        }
        assert.ok('ok' in httpPages && 'ok' in memoryPages, label);
        assert.deepEqual(httpPages.ok, memoryPages.ok, `same pages: ${label}`);
        const expected = world.tickets.filter((t) => allowed(world.settings, contact, t, query.view) && matches(world.pipelines, t, query));
        const listed = httpPages.ok.flatMap((p) => p.items.map((t) => t.id));
        const byId = new Map(world.tickets.map((t) => [t.id, t]));
        for (const id of listed) assert.ok(allowed(world.settings, contact, byId.get(id)!, query.view), `listed #${id} is allowed: ${label}`);
        assert.deepEqual([...listed].sort((a, b) => a - b), expected.map((t) => t.id), `union of pages: ${label}`);
        assert.ok(httpPages.ok.every((p) => p.total === expected.length), `total: ${label}`);

        const [httpCsv, memoryCsv] = [await http.exportTickets(query, { locale }), await memory.exportTickets(query, { locale })];
        const bytes = new Uint8Array(await httpCsv.arrayBuffer());
        assert.deepEqual(bytes, new Uint8Array(await memoryCsv.arrayBuffer()), `same CSV: ${label}`);
        const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
        assert.equal(text.charCodeAt(0), 0xfeff, 'BOM');
        const [header, ...rows] = csvRecords(text.slice(1));
        const idColumn = world.settings.columns.indexOf('id');
        assert.equal(header.length, world.settings.columns.length);
        assert.deepEqual(rows.map((r) => Number(r[idColumn])), listed, `CSV rows = pages in order: ${label}`);
      }
    }
  } finally {
    await server.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the permission and visibility rules hold in random worlds, through both adapters', () => {
  it(`${WORLDS} random worlds: pages, totals, facets and CSV`, { timeout: 120_000 }, async () => {
    const passwordHash = await hashPassword(WORLD_PASSWORD, TEST_SCRYPT);
    await fc.assert(
      fc.asyncProperty(worldArb, fc.array(queryArb, { minLength: 1, maxLength: 3 }), fc.constantFrom('en', 'de', 'sv', 'da-DK'),
        (world, queries, locale) => checkWorld(world, queries, locale, passwordHash)),
      { numRuns: WORLDS, seed: process.env.RULES_PROPERTY_SEED ? Number(process.env.RULES_PROPERTY_SEED) : undefined, endOnFailure: true },
    );
  });
});
