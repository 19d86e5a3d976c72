import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeServerPackage } from '../../build/server-package.js';
import { testDatabase, type TestDatabase } from '../support/test-database.js';

const ROOT = resolve(import.meta.dirname, '../..');

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
}

/** `npm run build:server` into a temporary folder: the compiled server runs with plain `node`, no tsx. */
describe('the server compiled to JavaScript (customer-portal-server)', () => {
  let dir: string;
  let out: string;
  let database: TestDatabase;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'portal-build-'));
    out = join(dir, 'server-dist');
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.server.json'), '--outDir', out], { stdio: 'inherit' });
    writeServerPackage(ROOT, out);
  });
  after(async () => {
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('declares every package the compiled code imports as a dependency, and a bin', () => {
    const pkg = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')) as { bin: Record<string, string>; dependencies: Record<string, string> };
    assert.equal(pkg.bin['customer-portal-server'], 'server/main.js');
    assert.match(readFileSync(join(out, 'server/main.js'), 'utf8'), /^#!\/usr\/bin\/env node/);
    const imported = new Set<string>();
    for (const file of jsFiles(out).filter((f) => !f.includes(`${join(out, 'dist')}`) && !f.includes(`${join(out, 'demo')}`))) {
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)'([a-z@][^'\s]*)'/gm)) {
        if (spec.startsWith('node:')) continue;
        imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
      }
    }
    assert.ok(imported.size > 0);
    for (const name of imported) assert.ok(pkg.dependencies[name], `${name} is imported but not a dependency of the server package`);
  });

  it('starts with node alone in production mode and serves the API, the probes and the demo', async () => {
    // The installed dependencies: here, the project's (`npm install --omit=dev` in a deployment).
    symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'dir');
    database = await testDatabase(dir);
    const child = spawn(process.execPath, [join(out, 'server/main.js')], {
      env: { ...process.env, NODE_OPTIONS: '', PORT: '0', NODE_ENV: 'production', PORTAL_ADMIN_TOKEN: 'a'.repeat(40), PORTAL_DB: database.location, PORTAL_FILES_DIR: database.filesDir, PORTAL_SMTP_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (c: Buffer) => { output += c.toString(); });
    child.stderr?.on('data', (c: Buffer) => { output += c.toString(); });
    const exited = new Promise((r) => child.once('exit', r));
    try {
      const deadline = Date.now() + 30_000;
      let url: string | undefined;
      while (!(url = /"url":"(http:\/\/[^"]+)"/.exec(output)?.[1])) {
        assert.ok(child.exitCode === null && Date.now() < deadline, `not listening: ${output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal((await fetch(`${url}/healthz`)).status, 200);
      assert.equal((await fetch(`${url}/readyz`)).status, 200);
      assert.equal((await (await fetch(`${url}/api/v1/portal`)).json() as { enabled: boolean }).enabled, true);
      assert.equal((await fetch(`${url}/portal.html`)).status, 200);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
