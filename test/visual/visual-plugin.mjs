import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const here = dirname(fileURLToPath(import.meta.url));
export const BASELINES = join(here, 'baselines');
export const FAILED = join(here, 'failed');

/** Per pixel: how different two colors may be (0–1, pixelmatch's YIQ distance); anti-aliasing is ignored. */
const COLOR_THRESHOLD = 0.1;
/** Screenshots keep the element's first 1600 px (long lists repeat themselves; the baselines stay small). */
const MAX_HEIGHT = 1600;
/** How many pixels may differ: 0.05 % of the image, at least 10 (sub-pixel text rendering). */
const allowedPixels = (width, height) => Math.max(10, Math.round(width * height * 0.0005));

/**
 * `visual-diff` for web-test-runner: screenshots the page's `[data-visual]` element (element-sized, not the
 * page; at most its first 1600 px) in Chromium and compares it with `test/visual/baselines/<name>.png`. A missing or different baseline
 * fails; the actual image and a diff go to `test/visual/failed/`. With `UPDATE_VISUAL_BASELINES=1` the
 * screenshot becomes the new baseline instead (see README, "Visual tests").
 */
export function visualDiffPlugin() {
  const update = process.env.UPDATE_VISUAL_BASELINES === '1';
  return {
    name: 'visual-diff',
    async executeCommand({ command, payload, session }) {
      if (command !== 'visual-diff') return undefined;
      const { name } = payload;
      if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`visual-diff: bad name ${name}`);
      const page = session.browser.getPage(session.id);
      const element = await page.$('[data-visual]');
      if (!element) throw new Error('visual-diff: no [data-visual] element on the page');
      const shot = Buffer.from(await element.screenshot({ type: 'png', captureBeyondViewport: true }));
      const file = join(BASELINES, `${name}.png`);
      const full = PNG.sync.read(shot);
      const actual = new PNG({ width: full.width, height: Math.min(full.height, MAX_HEIGHT) });
      full.data.copy(actual.data, 0, 0, actual.width * actual.height * 4);
      // Stored baselines are re-encoded at the highest compression to keep the repository small.
      const encode = (png) => PNG.sync.write(png, { deflateLevel: 9, deflateStrategy: 1, filterType: -1 });
      for (const kind of ['actual', 'diff']) rmSync(join(FAILED, `${name}.${kind}.png`), { force: true });
      if (update) {
        mkdirSync(BASELINES, { recursive: true });
        writeFileSync(file, encode(actual));
        return { passed: true, updated: true };
      }
      const fail = (message, diff) => {
        mkdirSync(FAILED, { recursive: true });
        writeFileSync(join(FAILED, `${name}.actual.png`), encode(actual));
        if (diff) writeFileSync(join(FAILED, `${name}.diff.png`), encode(diff));
        return { passed: false, message };
      };
      if (!existsSync(file)) return fail(`no baseline ${name}.png (run "npm run test:visual:update" after an intended change)`);
      const expected = PNG.sync.read(readFileSync(file));
      if (expected.width !== actual.width || expected.height !== actual.height) {
        return fail(`${name}: size ${actual.width}×${actual.height}, baseline ${expected.width}×${expected.height}`);
      }
      const diff = new PNG({ width: actual.width, height: actual.height });
      const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: COLOR_THRESHOLD });
      const allowed = allowedPixels(actual.width, actual.height);
      return differing <= allowed
        ? { passed: true, differing }
        : fail(`${name}: ${differing} pixels differ (at most ${allowed}); see test/visual/failed/${name}.diff.png`, diff);
    },
  };
}
