import { writeFileSync } from 'node:fs';
import { sourceMessages } from './source-messages.js';

/**
 * Writes `src/locales/en.ts`, the English catalogue, from the `msg()` calls of the source: the reference every
 * catalogue is checked against (`checkPortalCatalogue`) and the starting point of a new translation.
 * Run `npm run localize:extract` after adding or changing a text.
 */
const { messages, withoutId, unreadable, conflicts } = sourceMessages('src');
const problems = [...withoutId.map((m) => `no id: ${m}`), ...unreadable, ...conflicts.map((c) => `two texts: ${c}`)];
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const lines = [...messages].map(([id, { text }]) => `  ${quote(id)}: ${quote(text)},`);
writeFileSync(
  'src/locales/en.ts',
  `/**\n * English, the source language: generated from the \`msg()\` calls of the source by \`npm run localize:extract\`\n` +
    ` * (do not edit). Every catalogue is checked against it; a counted text has \`.one\` and \`.other\` here.\n */\n` +
    `export const templates = {\n${lines.join('\n')}\n};\n`,
);
console.log(`src/locales/en.ts: ${messages.size} messages`);
