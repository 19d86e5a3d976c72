import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, it } from 'node:test';

/** The committed screenshots of the visual tests stay small (under 20 MB in all) and are all real PNGs. */
const DIR = 'test/visual/baselines';

describe('visual baselines', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.png'));

  it('hold at least one screenshot per story width and stay under 20 MB', () => {
    assert.ok(files.length >= 150, `only ${files.length} baselines`);
    const bytes = files.reduce((sum, f) => sum + statSync(`${DIR}/${f}`).size, 0);
    assert.ok(bytes < 20 * 1024 * 1024, `${(bytes / 1024 / 1024).toFixed(1)} MiB of baselines`);
  });

  it('are element-sized PNGs (360 or 1280 px wide frames, at most 1600 px high)', () => {
    for (const file of files) {
      const head = readFileSync(`${DIR}/${file}`).subarray(0, 24);
      assert.equal(head.subarray(1, 4).toString(), 'PNG', file);
      const width = head.readUInt32BE(16);
      const height = head.readUInt32BE(20);
      const viewport = Number(/--(360|1280)(--|\.png)/.exec(file)?.[1]);
      assert.ok(width <= viewport && width >= viewport - 20, `${file}: ${width} px wide`);
      assert.ok(height <= 1600, `${file}: ${height} px high`);
    }
  });
});
