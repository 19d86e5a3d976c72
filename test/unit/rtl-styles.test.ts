import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

/**
 * Right-to-left languages mirror the layout only if every style uses logical properties: no `left`/`right`
 * (margin-left, padding-right, left:, text-align: right, float, border-left, …) anywhere in the elements' CSS
 * or inline styles, and no physical corner radii.
 */
const PHYSICAL = /\b(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right)\b|(?:^|[\s;{'"(])(?:left|right)\s*:|\b(?:text-align|float|clear|justify-self|justify-items|justify-content|align-self)\s*:\s*(?:left|right)\b|\bborder-(?:top|bottom)-(?:left|right)-radius\b|\btranslateX\(/gm;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The CSS of a source file: `css` tagged templates and `style="…"` / styleMap texts. */
function stylesOf(text: string): string[] {
  const sheets = [...text.matchAll(/\bcss`((?:[^`\\]|\\.)*)`/g)].map((m) => m[1]);
  const inline = [...text.matchAll(/style="([^"]*)"/g)].map((m) => m[1]);
  const maps = [...text.matchAll(/styleMap\(([^)]*)\)/g)].map((m) => m[1]);
  return [...sheets, ...inline, ...maps].map((css) => css.replace(/\/\*[\s\S]*?\*\//g, ''));
}

describe('styles for right-to-left', () => {
  const sources = [...files('src'), ...files('stories')].filter((f) => !f.includes('/locales/'));

  it('finds the styles of the elements', () => {
    const withCss = sources.filter((file) => stylesOf(readFileSync(file, 'utf8')).length > 0);
    assert.ok(withCss.length >= 8, `only ${withCss.length} files with styles`);
  });

  it('uses logical properties only (no left/right)', () => {
    const found: string[] = [];
    for (const file of sources) {
      for (const css of stylesOf(readFileSync(file, 'utf8'))) {
        for (const match of css.matchAll(PHYSICAL)) found.push(`${file}: ${match[0].trim()}`);
      }
    }
    assert.deepEqual(found, []);
  });

  it('catches a physical property (the check can fail)', () => {
    const sample = stylesOf('const s = css`a { margin-left: 1px; } b { right: 0; text-align: left; }`;')[0];
    assert.equal([...sample.matchAll(PHYSICAL)].length, 3);
  });
});
