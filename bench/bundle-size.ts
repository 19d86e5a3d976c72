import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
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
}
