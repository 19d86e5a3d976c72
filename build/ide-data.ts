import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Editor data generated from `dist/custom-elements.json`: VS Code HTML custom data
 * (`dist/vscode.html-custom-data.json`, for the `html.customData` setting) and JetBrains web-types
 * (`dist/web-types.json`, found through `web-types` in package.json).
 */
interface Named { name: string; description?: string; type?: { text: string }; default?: string }
interface Declaration {
  tagName?: string; summary?: string; description?: string; attributes?: Named[]; events?: Named[];
  slots?: Named[]; cssParts?: Named[]; cssProperties?: Named[];
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8')) as { modules: { declarations?: Declaration[] }[] };
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d): d is Declaration & { tagName: string } => !!d.tagName);

/** Values of a union of string literals (`'light' | 'dark'`), for completion. */
const literals = (type?: { text: string }) => {
  const values = type?.text.split('|').map((v) => v.trim()).filter((v) => /^'[^']*'$/.test(v)).map((v) => v.slice(1, -1)) ?? [];
  return values.length > 0 ? values : undefined;
};

const docs = (d: Declaration) => [d.summary, d.description].filter(Boolean).join('\n\n');

const vscode = {
  version: 1.1,
  tags: elements.map((d) => ({
    name: d.tagName,
    description: docs(d),
    attributes: (d.attributes ?? []).map((a) => ({
      name: a.name, description: a.description ?? '', ...(literals(a.type) ? { values: literals(a.type)!.map((name) => ({ name })) } : {}),
    })),
  })),
};

const webTypes = {
  $schema: 'https://json.schemastore.org/web-types',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  'js-types-syntax': 'typescript',
  contributions: {
    html: {
      elements: elements.map((d) => ({
        name: d.tagName,
        description: docs(d),
        attributes: (d.attributes ?? []).map((a) => ({
          name: a.name, description: a.description ?? '', default: a.default,
          value: { type: a.type?.text ?? 'string', ...(a.type?.text === 'boolean' ? { required: false } : {}) },
        })),
        events: (d.events ?? []).map((e) => ({ name: e.name, description: e.description ?? '' })),
        slots: (d.slots ?? []).map((s) => ({ name: s.name, description: s.description ?? '' })),
        css: {
          properties: (d.cssProperties ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
          parts: (d.cssParts ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
        },
      })),
    },
  },
};

writeFileSync('dist/vscode.html-custom-data.json', `${JSON.stringify(vscode, null, 2)}\n`);
writeFileSync('dist/web-types.json', `${JSON.stringify(webTypes, null, 2)}\n`);
console.log(`editor data for ${elements.length} elements: dist/vscode.html-custom-data.json, dist/web-types.json`);
