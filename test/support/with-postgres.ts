/**
 * Runs a command against a temporary PostgreSQL cluster: `node --import tsx test/support/with-postgres.ts CMD ARGS…`.
 * Creates the cluster with `initdb` in a temporary folder (as the `postgres` user when run as root, since PostgreSQL
 * refuses to run as root), starts it on a free loopback port, runs CMD with `PORTAL_TEST_PG_URL` set, then stops the
 * cluster and removes the folder. With `PORTAL_TEST_PG_URL` already set, CMD runs against that server instead (each
 * test creates and drops a database of its own there).
 */
import { spawn } from 'node:child_process';
import { startPostgresCluster } from './pg-cluster.js';

const [command, ...args] = process.argv.slice(2);
if (!command) throw new Error('usage: with-postgres.ts COMMAND [ARGS…]');

function run(cmd: string, cmdArgs: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { stdio: 'inherit', env });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  if (process.env.PORTAL_TEST_PG_URL) return run(command, args);
  // Durability off: a throwaway cluster for tests only.
  const cluster = await startPostgresCluster({ fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' });
  try {
    console.log(`# PostgreSQL (${cluster.bin}) for the tests at ${cluster.url}`);
    return await run(command, args, { ...process.env, PORTAL_TEST_PG_URL: cluster.url });
  } finally {
    cluster.stop();
  }
}

process.exitCode = await main();
