import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { visualDiffPlugin } from './test/visual/visual-plugin.mjs';

/** Browser tests run in Debian's Chromium (headless; `--no-sandbox` because CI runs as root). */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time: a background page gets no animation frames, which stalls fixture() and Lit updates.
  concurrency: 1,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), visualDiffPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
  // The visual tests take a few hundred screenshots: minutes on a loaded machine.
  testsFinishTimeout: 1200000,
};
