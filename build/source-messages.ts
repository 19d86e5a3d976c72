import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One `msg()` call of the source: its English text in catalogue form (`{0}` for the first value) and its file. */
export interface SourceMessage {
  text: string;
  placeholders: number;
  file: string;
}

export interface SourceMessages {
  /** By id; a counted message appears as `<base>.one` (its singular call) and `<base>.other` (its forms call). */
  messages: Map<string, SourceMessage>;
  /** Bases of counted messages (`src/internal/plural.ts`). */
  families: Set<string>;
  /** `msg()` calls without an explicit id. */
  withoutId: string[];
  /** Files with a `msg(` call whose text is not a literal the scanner can read. */
  unreadable: string[];
  /** Ids used for two different texts. */
  conflicts: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'locales' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const CALL = /\bmsg\(\s*(str)?(`(?:[^`\\]|\\.)*`|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*(,\s*\{\s*id:\s*(?:'([^']+)'|`([^`$]+)\.\$\{category\}`)\s*\})?\s*\)/g;

/** The literal as a catalogue text: quotes and escapes resolved, each `${…}` numbered `{0}`, `{1}` … */
function catalogueText(literal: string): string {
  let n = 0;
  const body = literal.slice(1, -1).replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}/g, () => `{${n++}}`);
  return body.replace(/\\(.)/g, '$1');
}

/** Every `msg()` call under `dir` (default `src`, without `src/locales`). */
export function sourceMessages(dir = 'src'): SourceMessages {
  const messages = new Map<string, SourceMessage>();
  const families = new Set<string>();
  const withoutId: string[] = [];
  const unreadable: string[] = [];
  const conflicts: string[] = [];
  const add = (id: string, message: SourceMessage) => {
    const previous = messages.get(id);
    if (previous && previous.text !== message.text) conflicts.push(`${id}: "${previous.text}" (${previous.file}) / "${message.text}" (${message.file})`);
    messages.set(id, message);
  };
  for (const file of sourceFiles(dir)) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(CALL)) {
      const [, , literal, , id, family] = match;
      const text = catalogueText(literal);
      const placeholders = (text.match(/\{\d+\}/g) ?? []).length;
      if (family) {
        families.add(family);
        add(`${family}.other`, { text, placeholders, file });
      } else if (id) add(id, { text, placeholders, file });
      else withoutId.push(`${file}: ${literal}`);
    }
    const calls = (source.match(/\bmsg\(/g) ?? []).length;
    const parsed = [...source.matchAll(/\bmsg\(\s*(str)?(`(?:[^`\\]|\\.)*`|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/g)].length;
    // messages.ts defines msg() itself.
    if (parsed !== calls && !file.endsWith('messages.ts')) unreadable.push(`${file}: ${calls} calls, ${parsed} readable`);
  }
  return { messages, families, withoutId, unreadable, conflicts };
}
