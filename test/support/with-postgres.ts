/**
 * Runs a command against a temporary PostgreSQL cluster: `node --import tsx test/support/with-postgres.ts CMD ARGS…`.
 * Creates the cluster with `initdb` in a temporary folder (as the `postgres` user when run as root, since PostgreSQL
 * refuses to run as root), starts it on a free loopback port, runs CMD with `PORTAL_TEST_PG_URL` set, then stops the
 * cluster and removes the folder. With `PORTAL_TEST_PG_URL` already set, CMD runs against that server instead (each
 * test creates and drops a database of its own there).
 */
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [command, ...args] = process.argv.slice(2);
if (!command) throw new Error('usage: with-postgres.ts COMMAND [ARGS…]');

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql, or set PORTAL_TEST_PG_URL');
  return join(root, newest, 'bin');
}

const freePort = () => new Promise<number>((resolve, reject) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
  probe.once('error', reject);
});

function run(cmd: string, cmdArgs: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { stdio: 'inherit', env });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  if (process.env.PORTAL_TEST_PG_URL) return run(command, args);
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'portal-pg-'));
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL will not run as root: the cluster belongs to the `postgres` user then.
  const as = (cmd: string, cmdArgs: string[]) => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...cmdArgs]] as const : [cmd, cmdArgs] as const);
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const exec = (cmd: string, cmdArgs: string[]) => {
    const [c, a] = as(cmd, cmdArgs);
    execFileSync(c, a, { stdio: ['ignore', 'ignore', 'inherit'] });
  };
  const port = await freePort();
  let started = false;
  try {
    exec(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    // Durability off: a throwaway cluster for tests only.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
    exec(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
    started = true;
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    console.log(`# PostgreSQL (${bin}) for the tests at ${url}`);
    return await run(command, args, { ...process.env, PORTAL_TEST_PG_URL: url });
  } finally {
    if (started) exec(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
