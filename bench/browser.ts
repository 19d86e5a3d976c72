/**
 * Browser benchmark: the demo portal page (`/portal.html`, the built `dist/cdn`) against the hand-written vanilla
 * page in `bench/vanilla/`, both served by the reference server (compression on) with the same API and data, in
 * Debian Chromium. Interleaved rounds (the order of the two pages alternates); per round and page: a cold visit with
 * sign-in and the list operations at 25 rows (then, for the portal, a ticket and the support form for the bytes of
 * the whole portal), the same at 100 rows, and a repeat visit. Prints medians, quartiles and the median of the
 * paired ratios portal/vanilla, and writes them into docs/performance.md between the `bench:browser` markers.
 *
 *   npm run build && node --import tsx bench/browser.ts      # part of `npm run bench`
 *   BENCH_ROUNDS=20 node --import tsx bench/browser.ts       # rounds (default 10); BENCH_WRITE=0 to leave the doc alone
 *
 * Timing is informative only: nothing here decides a test outcome.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { launchChromium } from '../test/support/chromium.js';
import { listVisit, OPS, repeatVisit, type ListVisit, type Variant } from './browser/flows.js';
import { startBenchServer } from './browser/server.js';
import { table, type Row } from './browser/stats.js';
import { writeSection } from './browser/doc.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`BENCH_ROUNDS must be a whole number ≥ 1, not ${process.env.BENCH_ROUNDS}`);
const VARIANTS: Variant[] = ['portal', 'vanilla'];
type Sample = { v25: ListVisit; v100: ListVisit; repeat: { form: number; bytes: number } };
const samples: Record<Variant, Sample[]> = { portal: [], vanilla: [] };
const loads: number[] = [loadavg()[0]];
const started = new Date();

const server = await startBenchServer();
const browser = await launchChromium();
try {
  // One unmeasured visit each: the server compresses and caches files on first request.
  for (const variant of VARIANTS) await listVisit(browser, server.url, variant, 25, true);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
    for (const variant of order) {
      const v25 = await listVisit(browser, server.url, variant, 25, true);
      const v100 = await listVisit(browser, server.url, variant, 100, false);
      const repeat = await repeatVisit(browser, server.url, variant);
      samples[variant].push({ v25, v100, repeat });
    }
    loads.push(loadavg()[0]);
    process.stderr.write(`round ${round + 1}/${rounds} done (load average ${loadavg()[0].toFixed(1)})\n`);
  }
} finally {
  await browser.close();
  await server.close();
}

const pick = (f: (s: Sample) => number): Pick<Row, 'portal' | 'vanilla'> => ({ portal: samples.portal.map(f), vanilla: samples.vanilla.map(f) });
const OP_LABELS: Record<(typeof OPS)[number], string> = { sort: 'sort (Subject)', next: 'next page', status: 'status filter (open)', view: 'view switch (mine → company)', search: 'search result ("invoice", 300 ms debounce included)' };
const rows: Row[] = [
  { label: 'sign-in form shown, cold (fresh context)', unit: 'ms', ...pick((s) => s.v25.form), target: { ratio: 1.5, note: '≤ 1.5×' } },
  { label: 'sign-in form shown, repeat visit (reload)', unit: 'ms', ...pick((s) => s.repeat.form), target: { ratio: 1.5, note: '≤ 1.5×' } },
  { label: 'long tasks > 50 ms, load + sign-in', unit: 'n', ...pick((s) => s.v25.longTasks), target: { max: 0, note: '0' } },
  { label: 'longest task, load + sign-in', unit: 'ms', noRatio: true, ...pick((s) => s.v25.longestTask) },
  { label: 'layout-shift score, load + sign-in (CLS, shifts after input left out)', unit: 'score', ...pick((s) => s.v25.cls), target: { max: 0, note: '0' } },
  { label: 'layout shifts, all (input included)', unit: 'score', ...pick((s) => s.v25.shiftAll) },
  { label: 'JS until the sign-in form: compressed bodies', unit: 'kB', ...pick((s) => s.v25.bytesForm.body), target: { max: 20_000, note: '≤ 20 kB' } },
  { label: 'JS until the sign-in form: as transferred, headers included', unit: 'kB', ...pick((s) => s.v25.bytesForm.bytes) },
  { label: 'JS until the sign-in form: files', unit: 'n', ...pick((s) => s.v25.bytesForm.files) },
  { label: 'JS until the first row after sign-in: compressed bodies', unit: 'kB', ...pick((s) => s.v25.bytesFirstRows.body), target: { max: 30_000, note: '≤ 30 kB' } },
  { label: 'JS until the first row after sign-in: as transferred', unit: 'kB', ...pick((s) => s.v25.bytesFirstRows.bytes) },
  { label: 'JS, whole portal (list ops, a ticket, the support form): compressed bodies', unit: 'kB', ...pick((s) => s.v25.bytesWhole.body), target: { max: 45_000, note: '≤ 45 kB' } },
  { label: 'JS, whole portal: as transferred', unit: 'kB', ...pick((s) => s.v25.bytesWhole.bytes) },
  { label: 'JS, whole portal: files', unit: 'n', ...pick((s) => s.v25.bytesWhole.files) },
  { label: 'JS bytes on the repeat visit', unit: 'kB', ...pick((s) => s.repeat.bytes) },
];
for (const size of [25, 100] as const) {
  const visit = (s: Sample) => (size === 25 ? s.v25 : s.v100);
  rows.push({ label: `${size} rows: first render after sign-in (click → rows)`, unit: 'ms', ...pick((s) => visit(s).firstRows), target: { ratio: 1.15, note: '≤ 1.15×' } });
  for (const op of OPS) rows.push({ label: `${size} rows: ${OP_LABELS[op]}`, unit: 'ms', ...pick((s) => visit(s).ops[op]), target: { ratio: 1.15, note: '≤ 1.15×' } });
  rows.push({ label: `${size} rows: DOM nodes of the list (ticket-list / #list)`, unit: 'nodes', ...pick((s) => visit(s).nodesList), target: { ratio: 1.5, note: '≤ 1.5×' } });
  rows.push({ label: `${size} rows: DOM nodes of the whole UI (customer-portal / #app)`, unit: 'nodes', ...pick((s) => visit(s).nodesApp) });
}

const finished = new Date();
const loadRange = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
const cpu = cpus();
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const header = [
  `Run ${started.toISOString().slice(0, 16).replace('T', ' ')}–${finished.toISOString().slice(11, 16)} UTC on commit ${commit} (build of that tree), ${rounds} interleaved rounds, ` +
    `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, Chromium at ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}; ` +
    `1-minute load average ${loadRange} during the run.`,
  'Command: `npm run bench` (build, bundle sizes, delivery, then this; alone after a build: `BENCH_ROUNDS=' + rounds + ' npm run bench:browser`).',
].join('\n');
const markdown = `${header}\n\n${table(rows)}`;
console.log(`\n${markdown}\n`);
if (process.env.BENCH_WRITE !== '0') {
  writeSection(markdown);
  console.log('written to docs/performance.md (section "Browser benchmark")');
}
