/** Replaces the generated part of docs/performance.md between the `bench:browser` markers (added at the end once). */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const DOC = resolve(import.meta.dirname, '../../docs/performance.md');
const START = '<!-- bench:browser:start -->';
const END = '<!-- bench:browser:end -->';

export function writeSection(markdown: string) {
  const text = readFileSync(DOC, 'utf8');
  const block = `${START}\n${markdown}\n${END}`;
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  const next = from >= 0 && to > from
    ? text.slice(0, from) + block + text.slice(to + END.length)
    : `${text.trimEnd()}\n\n# Browser benchmark\n\n${block}\n`;
  writeFileSync(DOC, next);
}
