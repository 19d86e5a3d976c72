import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The layers of the code base and which may import which (relative imports), read with the TypeScript compiler's
 * import scanner (static, `export … from`, dynamic `import()` and type-only imports alike):
 * - elements → internal, contract, domain; another element's folder only through its `define.ts` (to render it)
 * - internal → contract, domain, locales
 * - adapters → contract, domain, locales (the CSV export's texts)
 * - server → contract, domain, locales (the CSV export's texts)
 * - domain → contract
 * - contract → nothing else
 * Entry points (`src/*.ts`) and the framework wrappers (`src/react`) assemble the public API and may import any
 * layer of `src/` except `server/`. Package imports are limited too: contract and domain use only zod; the ky HTTP
 * client stays in adapters; nothing in `src/` imports Node built-ins.
 */
export type Layer = 'elements' | 'internal' | 'adapters' | 'server' | 'domain' | 'contract' | 'locales' | 'entry' | 'react' | 'other';

const ALLOWED: Record<Layer, readonly Layer[]> = {
  elements: ['internal', 'contract', 'domain'],
  internal: ['contract', 'domain', 'locales'],
  adapters: ['contract', 'domain', 'locales'],
  server: ['contract', 'domain', 'locales'],
  domain: ['contract'],
  contract: [],
  locales: [],
  entry: ['elements', 'internal', 'adapters', 'domain', 'contract', 'locales', 'react', 'entry'],
  react: ['elements', 'internal', 'contract', 'entry'],
  other: [],
};

/** Bare imports a layer may not use (prefix match). */
const FORBIDDEN_PACKAGES: Partial<Record<Layer, (name: string) => boolean>> = {
  contract: (name) => name !== 'zod/mini' && name !== 'zod',
  domain: (name) => name !== 'zod/mini' && name !== 'zod',
  elements: (name) => name === 'ky' || name.startsWith('node:'),
  internal: (name) => name === 'ky' || name.startsWith('node:'),
  adapters: (name) => name.startsWith('lit') || name.startsWith('@lit/') || name.startsWith('node:'),
};

/** Where a file sits: its layer, and for elements the element's folder. */
export function placeOf(root: string, file: string): { layer: Layer; element?: string } {
  const parts = relative(root, file).split(sep);
  if (parts[0] === 'server') return { layer: 'server' };
  if (parts[0] !== 'src') return { layer: 'other' };
  if (parts.length === 2) return { layer: 'entry' };
  if (parts[1] === 'elements') return { layer: 'elements', element: parts[2] };
  const layer = parts[1] as Layer;
  return { layer: layer in ALLOWED ? layer : 'other' };
}

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

/**
 * Element imports of another element's private pieces allowed as exceptions (`importing file -> imported file`).
 * None: the pieces elements share (column and status labels, file texts, adding files, the draft timer, dialog
 * looks) live in `src/internal/ui/`.
 */
export const KNOWN_CROSS_ELEMENT_IMPORTS: ReadonlySet<string> = new Set<string>([]);

/**
 * Layer arrows allowed against the rules as exceptions. None: `<customer-portal>` gets its HttpAdapter from an
 * injected factory that the entry `src/customer-portal.ts` wires (`src/http-adapter-factory.ts`).
 */
export const KNOWN_LAYER_EXCEPTIONS: ReadonlySet<string> = new Set<string>([]);

/** The rule an import breaks, or `null`. `from` and `to` are absolute paths (`to` for relative imports only). */
export function ruleBroken(root: string, from: string, specifier: string): string | null {
  const source = placeOf(root, from);
  if (!specifier.startsWith('.')) {
    const forbidden = FORBIDDEN_PACKAGES[source.layer];
    return forbidden?.(specifier) ? `${source.layer} may not import the package "${specifier}"` : null;
  }
  const target = resolve(dirname(from), specifier).replace(/\.js$/, '.ts');
  const dest = placeOf(root, target);
  const key = `${relative(root, from)} -> ${relative(root, target)}`.split(sep).join('/');
  if (source.layer === 'elements' && dest.layer === 'elements') {
    if (source.element === dest.element || target.endsWith(`${sep}define.ts`) || KNOWN_CROSS_ELEMENT_IMPORTS.has(key)) return null;
    return `elements/${source.element} may import elements/${dest.element} only through its define.ts (to render it)`;
  }
  if (source.layer === dest.layer || ALLOWED[source.layer].includes(dest.layer) || KNOWN_LAYER_EXCEPTIONS.has(key)) return null;
  return `${source.layer} may not import ${dest.layer}`;
}

/** The imports of one file's text (static, re-exports, dynamic and type-only). */
export function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

function* tsFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

/** Every import in `src/` and `server/` that breaks a layering rule. */
export function layeringViolations(root: string, readText = (file: string) => readFileSync(file, 'utf8')): Violation[] {
  const violations: Violation[] = [];
  for (const top of ['src', 'server']) {
    for (const file of tsFiles(join(root, top))) {
      for (const specifier of importsOf(readText(file))) {
        const rule = ruleBroken(root, file, specifier);
        if (rule) violations.push({ file: relative(root, file), specifier, rule });
      }
    }
  }
  return violations;
}
