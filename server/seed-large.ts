/**
 * `npm run seed:large`: a large world for the performance bench — 100 000 tickets across 500 companies and
 * 5 000 contacts (custom properties, varied stages, owners and dates), written to PORTAL_DB (default
 * `./data/large.db`, replaced if it exists). Ticket counts per company follow a Zipf-like curve, so the largest
 * company holds several thousand tickets. Every contact signs in with LARGE_PASSWORD.
 * Options: `--tickets N --companies N --contacts N` (defaults above).
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { DEFAULT_COLUMNS } from '../src/contract/settings.js';
import { defaultSettings } from '../src/domain/default-settings.js';
import { DEMO_PIPELINES, seededRandom } from '../src/domain/demo-world.js';
import type { TicketRecord } from '../src/domain/world.js';
import { hashPassword } from './auth/passwords.js';
import { openDatabase } from './db/connect.js';
import { LARGE_PASSWORD, LARGE_SIGN_IN } from './large-world.js';
import { agentRow } from './store/agents.js';
import { insertPipelines } from './store/pipelines.js';
import { writeSettings } from './store/settings.js';
import { ticketPropertyRows } from './store/ticket-index.js';


const { values: args } = parseArgs({ options: { tickets: { type: 'string' }, companies: { type: 'string' }, contacts: { type: 'string' } } });
const TICKETS = Number(args.tickets ?? 100_000);
const COMPANIES = Number(args.companies ?? 500);
const CONTACTS = Number(args.contacts ?? 5_000);
const AGENTS = 40;
const file = resolve(process.env.PORTAL_DB || './data/large.db');

const rnd = seededRandom(100_000);
const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
/** Index 0..n-1 with weight 1/(i+1)^s (cumulative table + binary search). */
function zipf(n: number, s: number) {
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) cumulative.push((sum += 1 / (i + 1) ** s));
  return () => {
    const x = rnd() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const WORDS = ['Cannot sign in', 'Invoice shows wrong VAT', 'Export to Excel is empty', 'Two-factor codes late', 'Dark mode request',
  'Calendar sync stopped', 'Refund for duplicate charge', 'Upgrade to Team plan', 'Reset email missing', 'Mobile app crashes',
  'API rate limit too low', 'Wrong currency on quote', 'Change billing address', 'Attachments fail to upload', 'Search misses orders',
  'Übersetzung fehlt', 'Fakturan har fel datum', 'Kan ikke åbne rapporten', 'Printer offline', 'Webhook retries'];
const FIRST = ['Maja', 'Jonas', 'Sofie', 'Lars', 'Eva', 'Nils', 'Ida', 'Omar', 'Lea', 'Tom'];
const LAST = ['Lindqvist', 'Weber', 'Kjær', 'Berg', 'Holm', 'Novak', 'Rossi', 'Smith', 'Dubois', 'Nowak'];

const started = performance.now();
for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
const db = await openDatabase(file);
const settings = {
  ...defaultSettings(), name: 'Large Help Center', permissions: { mode: 'company' as const },
  columns: [...DEFAULT_COLUMNS, 'priority', 'product'],
  actions: { replyToClosed: false, customerClose: true, closedStageByPipeline: { support: 'closed', billing: 'resolved' } },
};
await insertPipelines(db, DEMO_PIPELINES);
await writeSettings(db, settings, Date.now());
await db.destroy();
const passwordHash = await hashPassword(LARGE_PASSWORD);

const sqlite = new SQLite(file);
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = OFF');
sqlite.pragma('cache_size = -200000');
const insert = (table: string, columns: string[]) =>
  sqlite.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`);

const companyIns = insert('companies', ['id', 'name', 'domain']);
const contactIns = insert('contacts', ['id', 'email', 'name', 'name_key', 'company_id', 'password_hash', 'external_id', 'created_at']);
const contactPropIns = insert('contact_properties', ['contact_id', 'name', 'value_json']);
const agentIns = insert('agents', ['id', 'first_name', 'last_name', 'alias', 'key_first', 'key_last', 'key_full', 'key_alias']);
const ticketIns = insert('tickets', ['id', 'subject', 'subject_key', 'content', 'pipeline', 'stage', 'priority', 'owner_id', 'contact_id', 'company_id', 'created_at', 'last_activity_at']);
const propIns = insert('ticket_properties', ['ticket_id', 'name', 'core', 'value_json', 'value_text', 'value_num', 'sort_num', 'known']);

/** Contacts per company (company 1 first), and those without a company (5 %). */
const byCompany: number[][] = Array.from({ length: COMPANIES }, () => []);
const loners: number[] = [];
const companyOf = new Map<number, number | null>();
sqlite.transaction(() => {
  for (let id = 1; id <= COMPANIES; id++) companyIns.run({ id, name: `Company ${id}`, domain: `company-${id}.example` });
  const withCompany = Math.floor(CONTACTS * 0.95);
  for (let id = 1; id <= CONTACTS; id++) {
    const companyId = id <= withCompany ? ((id - 1) % COMPANIES) + 1 : null;
    const index = companyId === null ? loners.length + 1 : byCompany[companyId - 1].length + 1;
    const email = companyId === null ? `person-${index}@mail.example` : `contact-${index}@company-${companyId}.example`;
    const name = `${pick(FIRST)} ${pick(LAST)} ${id}`;
    contactIns.run({ id, email, name, name_key: name.toLowerCase(), company_id: companyId, password_hash: passwordHash, external_id: null, created_at: '2024-01-01T00:00:00.000Z' });
    contactPropIns.run({ contact_id: id, name: 'role', value_json: JSON.stringify(index === 1 ? 'admin' : pick(['member', 'member', 'admin'])) });
    contactPropIns.run({ contact_id: id, name: 'country', value_json: JSON.stringify(pick(['DE', 'SE', 'DK', 'GB', 'US'])) });
    if (companyId === null) loners.push(id);
    else byCompany[companyId - 1].push(id);
    companyOf.set(id, companyId);
  }
  for (let id = 1; id <= AGENTS; id++) {
    const first = FIRST[id % FIRST.length];
    agentIns.run(agentRow({ id, firstName: first, lastName: LAST[(id * 7) % LAST.length], alias: id % 3 === 0 ? `${first} (Support)` : null }));
  }
})();

const companyPick = zipf(COMPANIES, 0.8);
const contactPick = zipf(10, 1.2);
const DAY = 86_400_000;
const END = Date.UTC(2026, 10, 1);
const BATCH = 5_000;
for (let from = 1; from <= TICKETS; from += BATCH) {
  sqlite.transaction(() => {
    for (let id = from; id < Math.min(from + BATCH, TICKETS + 1); id++) {
      const members = rnd() < 0.03 || loners.length === CONTACTS ? loners : byCompany[companyPick()];
      const contactId = members.length > 0 ? members[Math.min(contactPick(), members.length - 1)] : 1;
      const pipeline = rnd() < 0.7 ? DEMO_PIPELINES[0] : DEMO_PIPELINES[1];
      const created = END - Math.floor(rnd() * 730 * DAY);
      const subject = `${pick(WORDS)} #${Math.floor(rnd() * 10_000)}`;
      const t: TicketRecord = {
        id, subject, content: `${subject}. Details follow.`, pipeline: pipeline.id, stage: pick(pipeline.stages).id,
        priority: pick(['low', 'medium', 'high', null]), ownerId: rnd() < 0.85 ? 1 + Math.floor(rnd() * AGENTS) : null,
        contactId, companyId: companyOf.get(contactId) ?? null, createdAt: new Date(created).toISOString(),
        lastActivityAt: new Date(created + Math.floor(rnd() * 30 * DAY)).toISOString(),
        properties: { product: pick(['Cloud', 'On-premise', 'Mobile', 'API']), region: pick(['EMEA', 'APAC', 'AMER']), severity: 1 + Math.floor(rnd() * 5) },
      };
      ticketIns.run({
        id, subject: t.subject, subject_key: t.subject.toLowerCase(), content: t.content, pipeline: t.pipeline, stage: t.stage,
        priority: t.priority, owner_id: t.ownerId, contact_id: t.contactId, company_id: t.companyId, created_at: t.createdAt,
        last_activity_at: t.lastActivityAt,
      });
      for (const row of ticketPropertyRows(t)) propIns.run(row);
    }
  })();
}
sqlite.exec('analyze');
sqlite.pragma('wal_checkpoint(TRUNCATE)');
sqlite.close();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`Seeded ${TICKETS} tickets, ${COMPANIES} companies, ${CONTACTS} contacts into ${file} in ${seconds} s.`);
console.log(`Sign in (largest company): ${LARGE_SIGN_IN.email} / ${LARGE_SIGN_IN.password}`);
