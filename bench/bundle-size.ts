import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ELEMENT_ENTRIES } from '../build/entries.js';

export interface EntrySize {
  entry: string;
  /** Files loaded before the entry runs: the entry and its static imports, transitively. */
  files: string[];
  minBytes: number;
  gzipBytes: number;
}

const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g;

/** The static import closure of a built file (dynamic `import()` chunks such as locales are not counted). */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(STATIC_IMPORT)) closure(resolve(dirname(file), match[1]), seen);
  return seen;
}

/** Minified and gzip bytes of each entry of a build folder, with everything it loads statically. */
export function measureEntries(folder: string, entries: readonly string[] = ['index', 'define', ...ELEMENT_ENTRIES]): EntrySize[] {
  return entries.map((entry) => {
    const path = resolve(folder, `${entry}.js`);
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first.`);
    const files = [...closure(path)];
    const sizes = files.map((f) => {
      const code = readFileSync(f);
      return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
    });
    return {
      entry,
      files: files.map((f) => f.slice(resolve(folder).length + 1)),
      minBytes: sizes.reduce((sum, s) => sum + s.min, 0),
      gzipBytes: sizes.reduce((sum, s) => sum + s.gzip, 0),
    };
  });
}

/** What a page that loads several entries downloads: every file of their closures once. */
export function measureUnion(folder: string, entries: readonly string[]): Omit<EntrySize, 'entry'> & { entry: string } {
  const files = new Set<string>();
  for (const entry of entries) for (const f of closure(resolve(folder, `${entry}.js`))) files.add(f);
  let minBytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const code = readFileSync(f);
    minBytes += code.length;
    gzipBytes += gzipSync(code, { level: 9 }).length;
  }
  return { entry: entries.join(' + '), files: [...files].map((f) => f.slice(resolve(folder).length + 1)), minBytes, gzipBytes };
}

/** Page scenarios worth watching (the design budget: sign-in + list ≤ 30 kB min+gzip with every dependency). */
export const SCENARIOS: readonly (readonly string[])[] = [
  ['portal-login', 'ticket-list', 'view-switcher'],
  ['ticket-list', 'view-switcher'],
  ['customer-portal', 'portal-login', 'ticket-list', 'view-switcher'],
];

export interface StageSize {
  stage: 'sign-in form' | 'first list row' | 'whole portal';
  files: string[];
  minBytes: number;
  gzipBytes: number;
  /** Brotli at the quality the reference server serves static files with (11). */
  brotliBytes: number;
  /**
   * Sequential JavaScript round trips of this stage: the longest chain of static imports among the files it adds
   * (a file whose imports are already loaded costs one; the sign-in form counts from the page).
   */
  roundTrips: number;
}

type ManifestChunk = { file: string; imports?: string[]; dynamicImports?: string[] };

/**
 * The on-demand `define.js` of the self-contained build, stage by stage, from the build's manifest: what loads
 * before the sign-in form, what the first list row adds (the ticket list), and the whole portal (ticket detail with
 * DOMPurify, support form). Language catalogues other than English load only for other languages: not counted.
 */
export function measureStages(folder = join('dist', 'cdn')): StageSize[] {
  const path = resolve(folder, '.vite/define-manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first.`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
  const files = new Set<string>();
  /** Round trips to load `key` when `loaded` files are there already. */
  const depth = (key: string, loaded: ReadonlySet<string>): number => {
    const chunk = manifest[key];
    if (!chunk || loaded.has(chunk.file)) return 0;
    return 1 + Math.max(0, ...(chunk.imports ?? []).map((next) => depth(next, loaded)));
  };
  const add = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const next of chunk.imports ?? []) add(next);
  };
  const lazy = (pattern: RegExp) => Object.keys(manifest).filter((key) => pattern.test(key));
  const stages: [StageSize['stage'], string[]][] = [
    ['sign-in form', ['src/define-on-demand.ts']],
    ['first list row', lazy(/^src\/elements\/ticket-list\//)],
    ['whole portal', [...lazy(/^src\/elements\/(ticket-detail|support-form)\//), ...lazy(/dompurify/)]],
  ];
  return stages.map(([stage, keys]) => {
    const loaded = new Set(files);
    const roundTrips = Math.max(0, ...keys.map((key) => depth(key, loaded)));
    for (const key of keys) add(key);
    let minBytes = 0, gzipBytes = 0, brotliBytes = 0;
    for (const file of files) {
      const code = readFileSync(resolve(folder, file));
      minBytes += code.length;
      gzipBytes += gzipSync(code, { level: 9 }).length;
      brotliBytes += brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    }
    return { stage, files: [...files], minBytes, gzipBytes, brotliBytes, roundTrips };
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [label, folder] of [['npm library (dependencies external)', 'dist'], ['cdn (all dependencies bundled)', join('dist', 'cdn')]] as const) {
    console.log(`\n${label}: ${folder}/`);
    console.log('entry'.padEnd(20), 'min'.padStart(10), 'min+gzip'.padStart(10), ' files');
    for (const size of measureEntries(folder)) {
      console.log(size.entry.padEnd(20), kb(size.minBytes).padStart(10), kb(size.gzipBytes).padStart(10), ` ${size.files.length}`);
    }
    for (const scenario of SCENARIOS) {
      const size = measureUnion(folder, scenario);
      console.log(`  together: ${size.entry}: ${kb(size.minBytes)} min, ${kb(size.gzipBytes)} min+gzip (${size.files.length} files)`);
    }
  }
  console.log('\ncdn define.js on demand, in total up to each stage:');
  console.log('stage'.padEnd(20), 'min'.padStart(10), 'min+gzip'.padStart(10), 'brotli'.padStart(10), ' files', ' JS round trips');
  for (const size of measureStages()) {
    console.log(size.stage.padEnd(20), kb(size.minBytes).padStart(10), kb(size.gzipBytes).padStart(10), kb(size.brotliBytes).padStart(10), ` ${String(size.files.length).padStart(5)}`, ` ${size.roundTrips}`);
  }
}
