import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { ELEMENT_ENTRIES } from './build/entries.js';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/**
 * `vite build` writes the npm library to `dist/`: one minified ES entry per element plus `index` and `define`,
 * with lit, zod, ky and DOMPurify left as imports for the host's bundler.
 * `vite build --mode cdn` writes `dist/cdn/`: the same entries with every dependency bundled, for a plain
 * `<script type="module">` on any website (and the demo).
 */
export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn';
  const entries = Object.fromEntries([
    ['index', src('index.ts')],
    ['define', src('define.ts')],
    ...ELEMENT_ENTRIES.map((tag) => [tag, src(`elements/${tag}/define.ts`)]),
  ]);
  return {
    build: {
      outDir: cdn ? 'dist/cdn' : 'dist',
      emptyOutDir: cdn,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      lib: { entry: entries, formats: ['es'] },
      rolldownOptions: {
        external: cdn ? [] : [/^lit/, /^@lit\//, /^zod/, /^ky$/, /^dompurify$/],
        output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  };
});
