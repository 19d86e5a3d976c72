/**
 * A throwaway PostgreSQL cluster: `initdb` in a temporary folder (as the `postgres` user when run as root, since
 * PostgreSQL refuses to run as root), started on a free loopback port. `stop()` stops it and removes the folder.
 * Used by `with-postgres.ts` (the tests) and `bench/server-load.ts`.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` (trust authentication on loopback). */
  url: string;
  /** Folder of the PostgreSQL binaries used. */
  bin: string;
  stop(): void;
}

export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql, or set PORTAL_TEST_PG_URL');
  return join(root, newest, 'bin');
}

export const freePort = () => new Promise<number>((resolve, reject) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
  probe.once('error', reject);
});

/** Starts a cluster; `settings` are extra server settings (`-c name=value`), e.g. `{ fsync: 'off' }` for tests. */
export async function startPostgresCluster(settings: Record<string, string> = {}): Promise<PostgresCluster> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'portal-pg-'));
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL will not run as root: the cluster belongs to the `postgres` user then.
  const as = (cmd: string, cmdArgs: string[]) => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...cmdArgs]] as const : [cmd, cmdArgs] as const);
  const data = join(dir, 'data');
  const exec = (cmd: string, cmdArgs: string[]) => {
    const [c, a] = as(cmd, cmdArgs);
    execFileSync(c, a, { stdio: ['ignore', 'ignore', 'inherit'] });
  };
  let started = false;
  const stop = () => {
    try {
      if (started) exec(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      started = false;
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
      chownSync(dir, uid, gid);
    }
    const port = await freePort();
    exec(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    const extra = Object.entries({ listen_addresses: '127.0.0.1', ...settings }).map(([k, v]) => `-c ${k}=${v}`).join(' ');
    exec(join(bin, 'pg_ctl'), ['-D', data, '-o', `-p ${port} -k ${dir} ${extra}`, '-l', join(dir, 'server.log'), '-w', 'start']);
    started = true;
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, bin, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
