import fc from 'fast-check';
import type { FilterCondition, FilterGroups } from '../../src/contract/filters.js';
import type { Settings } from '../../src/contract/settings.js';
import { DEFAULT_QUERY, type TicketQuery } from '../../src/contract/tickets.js';
import { defaultSettings } from '../../src/domain/default-settings.js';
import { DEMO_PIPELINES, type DemoWorld } from '../../src/domain/demo-world.js';
import type { TicketRecord } from '../../src/domain/world.js';
import { afterExplicitIds, openDatabase } from '../../server/db/connect.js';
import { testDatabase, type TestDatabase } from '../support/test-database.js';
import { insertAgent } from '../../server/store/agents.js';
import { insertContact } from '../../server/store/contacts.js';
import { insertPipelines } from '../../server/store/pipelines.js';
import { writeSettings } from '../../server/store/settings.js';
import { insertTicket } from '../../server/store/tickets.js';

/** Random small worlds for the rules property test: companies, contacts, tickets over the demo pipelines, settings. */
export const WORLD_PASSWORD = 'random-world-password';

const SUBJECTS = ['Cannot sign in', 'cloud sync, again', 'Say "hi"', '=SUM(A1)', '+49 30 1', '-minus', '@handle', '\tTabbed',
  'Two\nlines', 'Ärger mit 50% Rabatt', 'under_score', ' padded '];
const DATES = ['2026-01-05T10:00:00.000Z', '2026-02-01T08:30:00.000Z', '2026-03-15T12:00:00.000Z', '2026-03-15T12:00:00.000Z'];
const VALUES: (string | number | boolean)[] = ['support', 'billing', 'new', 'closed', 'resolved', 'high', 'LOW', 'Cloud', 'cloud', 'mobile',
  'admin', 'member', 'a', '2026-02', 1, 2, 3, '2', true, false];
const TICKET_PROPS = ['pipeline', 'stage', 'priority', 'product', 'severity', 'flag', 'ownerId', 'subject', 'createdAt', 'id', 'companyId'];
const CONTACT_PROPS = ['role', 'tier', 'email', 'companyId', 'name', 'id'];
const COLUMNS = ['subject', 'requester', 'createdAt', 'owner', 'lastActivityAt', 'status', 'priority', 'product', 'severity', 'pipeline', 'stage', 'flag'];
const SORTS = ['createdAt', 'lastActivityAt', 'id', 'subject', 'requester', 'owner', 'status', 'priority', 'product', 'severity', 'flag', 'nothing'];

const condition = (properties: string[]): fc.Arbitrary<FilterCondition> => fc.record({
  property: fc.constantFrom(...properties),
  operator: fc.constantFrom('eq', 'neq', 'in', 'contains', 'gt', 'lt', 'known', 'unknown' as const),
  single: fc.constantFrom(...VALUES),
  list: fc.array(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 3 }),
}).map(({ property, operator, single, list }) => (operator === 'known' || operator === 'unknown' ? { property, operator }
  : operator === 'in' ? { property, operator, value: list } : { property, operator, value: single }));

export const groups = (properties: string[]): fc.Arbitrary<FilterGroups> =>
  fc.array(fc.record({ all: fc.array(condition(properties), { maxLength: 2 }) }), { maxLength: 3 }).map((any) => ({ any }));

export interface RandomWorld { world: DemoWorld }

export const worldArb = fc.record({
  companies: fc.integer({ min: 1, max: 3 }),
  aliases: fc.tuple(fc.option(fc.constantFrom('Maja (Support)', ''), { nil: null }), fc.option(fc.constant('Jo'), { nil: null })),
  contacts: fc.array(fc.record({
    company: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null, freq: 4 }),
    name: fc.constantFrom('Anna Berg', 'bob', 'Åsa Ek', 'Émile', 'anna berg'),
    role: fc.option(fc.constantFrom('admin', 'member', 'Admin'), { nil: undefined }),
    tier: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  }), { minLength: 2, maxLength: 4 }),
  tickets: fc.array(fc.record({
    contact: fc.nat(), billing: fc.boolean(), stage: fc.nat({ max: 4 }), subject: fc.constantFrom(...SUBJECTS),
    priority: fc.constantFrom('low', 'High', 'medium', null), owner: fc.constantFrom(null, 1, 2), created: fc.constantFrom(...DATES),
    activity: fc.constantFrom(...DATES), product: fc.option(fc.constantFrom('Cloud', 'cloud', 'Mobile', ''), { nil: undefined }),
    severity: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), flag: fc.option(fc.boolean(), { nil: undefined }),
  }), { maxLength: 14 }),
  permissions: fc.oneof(
    fc.constant({ mode: 'own' as const }), fc.constant({ mode: 'company' as const }),
    fc.record({ mode: fc.constant('company-for-group' as const), group: groups(CONTACT_PROPS) }),
  ),
  visibility: fc.option(groups(TICKET_PROPS), { nil: null, freq: 3 }),
  columns: fc.shuffledSubarray(COLUMNS, { maxLength: 9 }),
  idAt: fc.nat(),
  statusDisplay: fc.constantFrom('open-closed', 'stages' as const),
  ownerName: fc.constantFrom('first', 'full', 'last', 'alias' as const),
}).map((w): DemoWorld => {
  const companies = Array.from({ length: w.companies }, (_, i) => ({ id: i + 1, name: `Company ${i + 1}`, domain: null }));
  const contacts = w.contacts.map((c, i) => ({
    id: i + 1, email: `c${i + 1}@world.example`, name: c.name, companyId: c.company !== null && c.company <= w.companies ? c.company : null,
    accessGroupIds: [], password: WORLD_PASSWORD,
    properties: { ...(c.role === undefined ? {} : { role: c.role }), ...(c.tier === undefined ? {} : { tier: c.tier }) },
  }));
  const tickets = w.tickets.map((t, i): TicketRecord => {
    const contact = contacts[t.contact % contacts.length];
    const pipeline = DEMO_PIPELINES[t.billing ? 1 : 0];
    const properties: TicketRecord['properties'] = {};
    if (t.product !== undefined) properties.product = t.product;
    if (t.severity !== undefined) properties.severity = t.severity;
    if (t.flag !== undefined) properties.flag = t.flag;
    return {
      id: i + 1, subject: t.subject, content: '', pipeline: pipeline.id, stage: pipeline.stages[t.stage]?.id ?? 'retired-stage',
      priority: t.priority, ownerId: t.owner, contactId: contact.id, companyId: contact.companyId, createdAt: t.created,
      lastActivityAt: t.activity, properties,
    };
  });
  const columns = [...w.columns];
  columns.splice(w.idAt % (columns.length + 1), 0, 'id');
  const settings: Settings = {
    ...defaultSettings(), permissions: w.permissions, visibility: w.visibility, columns, statusDisplay: w.statusDisplay, ownerName: w.ownerName,
  };
  const agents = [{ id: 1, firstName: 'Maja', lastName: 'Lindqvist', alias: w.aliases[0] }, { id: 2, firstName: 'Jonas', lastName: 'weber', alias: w.aliases[1] }];
  return { settings, pipelines: DEMO_PIPELINES, companies, accessGroups: [], contacts, agents, tickets, messages: [] };
});

export const queryArb: fc.Arbitrary<TicketQuery> = fc.record({
  view: fc.constantFrom('mine', 'company' as const),
  q: fc.oneof(fc.constantFrom('', 'a', 'CLOUD', ' sign ', '%', '_', '"', 'ä'), fc.nat({ max: 15 }).map((n) => `#${n}`), fc.nat({ max: 15 }).map(String)),
  status: fc.constantFrom('all', 'open', 'closed' as const),
  sort: fc.constantFrom(...SORTS),
  order: fc.constantFrom('asc', 'desc' as const),
  pageSize: fc.integer({ min: 1, max: 6 }),
  filters: fc.dictionary(fc.constantFrom(...TICKET_PROPS, 'contactId'), fc.constantFrom(...VALUES.map(String), '1', ''), { maxKeys: 2 }),
}).map((q) => ({ ...DEFAULT_QUERY, ...q, page: 1 }));

/** Writes the world into a fresh test database (the server's own store functions), ready for `startServer`. */
export async function writeWorld(dir: string, world: DemoWorld, passwordHash: string): Promise<TestDatabase> {
  const database = await testDatabase(dir);
  const db = await openDatabase(database.location);
  try {
    await db.transaction().execute(async (trx) => {
      await insertPipelines(trx, world.pipelines);
      for (const c of world.companies) await trx.insertInto('companies').values(c).execute();
      for (const c of world.contacts) await insertContact(trx, { ...c, passwordHash, createdAt: DATES[0] });
      for (const a of world.agents) await insertAgent(trx, a);
      for (const t of world.tickets) await insertTicket(trx, t);
      await writeSettings(trx, world.settings, Date.now());
      await afterExplicitIds(trx);
    });
  } finally {
    await db.destroy();
  }
  return database;
}
