import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { ELEMENT_ENTRIES } from './build/entries.js';
import { registrationGuard } from './build/registration-guard.js';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/**
 * `vite build` writes the npm library to `dist/`: one minified ES entry per element plus `index` and `define`,
 * with lit, zod and DOMPurify left as imports for the host's bundler.
 * `vite build --mode cdn` writes `dist/cdn/`: the same entries with every dependency bundled, for a plain
 * `<script type="module">` on any website (and the demo).
 */
/** Names the chunk `sign-in` for every module the entry imports statically (directly or not). */
function signInClosure(entry: string) {
  let closure: Set<string> | undefined;
  return (id: string, ctx: { getModuleInfo(id: string): { importedIds: readonly string[] } | null }) => {
    if (!closure) {
      closure = new Set();
      const visit = (m: string) => {
        if (closure!.has(m)) return;
        closure!.add(m);
        for (const next of ctx.getModuleInfo(m)?.importedIds ?? []) visit(next);
      };
      visit(entry);
    }
    return closure.has(id) ? 'sign-in' : null;
  };
}

export default defineConfig(({ mode }) => {
  // `cdn-define`: the self-contained `define.js` on its own, so the sign-in form loads as one file; the list,
  // detail and form follow on first use (`src/define-on-demand.ts`).
  const defineOnly = mode === 'cdn-define';
  const cdn = mode === 'cdn' || defineOnly;
  const entries = defineOnly ? { define: src('define-on-demand.ts') } : Object.fromEntries([
    ['index', src('index.ts')],
    ['define', src('define.ts')],
    // The shell's entry sits beside `define.ts`: it wires the HttpAdapter factory, which elements may not import.
    ...ELEMENT_ENTRIES.map((tag) => [tag, src(tag === 'customer-portal' ? 'customer-portal.ts' : `elements/${tag}/define.ts`)]),
    // React wrappers: npm only (React comes from the host app).
    ...(cdn ? [] : [['react', src('react/index.ts')]]),
  ]);
  return {
    plugins: [registrationGuard()],
    build: {
      outDir: cdn ? 'dist/cdn' : 'dist',
      // The library build runs first and starts from an empty `dist/` (no stale chunks in the package).
      emptyOutDir: !defineOnly,
      // Which file holds what: the byte budgets of the sign-in form, the list and the whole portal read it.
      manifest: defineOnly ? '.vite/define-manifest.json' : false,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      lib: { entry: entries, formats: ['es'] },
      rolldownOptions: {
        // Entries without exports (the `define` modules) still keep their own code: registration stays in the
        // files `sideEffects` lists instead of moving into a shared chunk that a host's bundler may drop.
        preserveEntrySignatures: defineOnly ? 'allow-extension' : 'exports-only',
        external: cdn ? [] : [/^lit/, /^@lit\//, /^zod/, /^dompurify$/, /^react(\/|$)/],
        output: {
          minify: true,
          // Pure annotations only help a host's bundler; the self-contained build goes straight to the browser.
          ...(cdn ? { comments: { annotation: false, jsdoc: false, legal: true } } : {}),
          chunkFileNames: 'chunks/[name]-[hash].js',
          // Everything the sign-in form runs sits in one file that the on-demand parts import from.
          ...(defineOnly ? { codeSplitting: { groups: [{ name: signInClosure(src('define-on-demand.ts')) }] } } : {}),
        },
      },
    },
  };
});
