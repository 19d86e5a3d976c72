import { readFileSync } from 'node:fs';

/**
 * `custom-elements.json` from the elements' JSDoc (`@tag`, `@summary`, `@fires`, `@csspart`, `@cssprop`, `@slot`).
 * The theme tokens every element reads are declared once, in the JSDoc of `src/internal/tokens.ts`; the
 * `theme-tokens` plugin adds them to each element (an element's own `@cssprop` of the same name wins).
 */
function themeTokens() {
  const source = readFileSync(new URL('./src/internal/tokens.ts', import.meta.url), 'utf8');
  const tokens = [...source.matchAll(/^ \* @cssprop (--[\w-]+) - (.+)$/gm)].map(([, name, description]) => ({ name, description }));
  return {
    name: 'theme-tokens',
    packageLinkPhase({ customElementsManifest }) {
      // The same file on every run: modules in path order (the file globbing order varies).
      customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      for (const declaration of customElementsManifest.modules.flatMap((m) => m.declarations ?? [])) {
        if (!declaration.tagName) continue;
        const own = declaration.cssProperties ?? [];
        const names = new Set(own.map((p) => p.name));
        declaration.cssProperties = [...own, ...tokens.filter((t) => !names.has(t.name))];
      }
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts'],
  litelement: true,
  outdir: '.',
  // package.json's `customElements` names the built copy in dist/; the analyzer must not rewrite it.
  packagejson: false,
  plugins: [themeTokens()],
};
