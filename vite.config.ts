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
export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn';
  const entries = Object.fromEntries([
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
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      lib: { entry: entries, formats: ['es'] },
      rolldownOptions: {
        // Entries without exports (the `define` modules) still keep their own code: registration stays in the
        // files `sideEffects` lists instead of moving into a shared chunk that a host's bundler may drop.
        preserveEntrySignatures: 'exports-only',
        external: cdn ? [] : [/^lit/, /^@lit\//, /^zod/, /^dompurify$/, /^react(\/|$)/],
        output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  };
});
