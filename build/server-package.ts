/**
 * `npm run build:server`, after `tsc -p tsconfig.server.json` compiled `server/` (and the `src/` modules it uses) to
 * `server-dist/`: writes `server-dist/package.json` — the deployable server package `customer-portal-server` with its
 * runtime dependencies and a `bin` — and copies the demo site and the built library (`demo/`, `dist/`) beside it.
 * Deploy: `cd server-dist && npm install --omit=dev && npx customer-portal-server` (no TypeScript, no tsx).
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What the compiled server imports (checked by `test/server/server-build.test.ts`). */
export const SERVER_DEPENDENCIES = ['@hono/node-server', 'better-sqlite3', 'hono', 'jose', 'kysely', 'nodemailer', 'pg', 'zod'];

export function writeServerPackage(root = resolve(import.meta.dirname, '..'), out = join(root, 'server-dist')) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string; license: string; engines: Record<string, string>;
    dependencies: Record<string, string>; devDependencies: Record<string, string>;
  };
  const dependencies = Object.fromEntries(SERVER_DEPENDENCIES.map((name) => {
    const range = pkg.dependencies[name] ?? pkg.devDependencies[name];
    if (!range) throw new Error(`${name} is not in package.json`);
    return [name, range];
  }));
  writeFileSync(join(out, 'package.json'), `${JSON.stringify({
    name: 'customer-portal-server',
    version: pkg.version,
    description: 'The reference server of Customer Portal Elements (SQLite or PostgreSQL, SMTP), compiled to JavaScript.',
    license: pkg.license,
    type: 'module',
    engines: pkg.engines,
    bin: { 'customer-portal-server': 'server/main.js' },
    scripts: { start: 'node server/main.js' },
    dependencies,
  }, null, 2)}\n`);
  for (const folder of ['demo', 'dist']) {
    rmSync(join(out, folder), { recursive: true, force: true });
    if (existsSync(join(root, folder))) cpSync(join(root, folder), join(out, folder), { recursive: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) writeServerPackage();
