import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/start.js';
import { testDatabase } from './test-database.js';

/** The reference server on a free port with a temporary database; `close()` removes both. */
export async function startTestServer(seed: 'demo' | 'none' = 'demo') {
  const dir = mkdtempSync(join(tmpdir(), 'portal-test-'));
  const database = await testDatabase(dir);
  const server = await startServer({ port: 0, dbFile: database.location, filesDir: database.filesDir, seed, log: false });
  return {
    ...server,
    admin(path: string, init: RequestInit = {}) {
      return fetch(`${server.url}/api/v1/admin${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json', ...init.headers },
      });
    },
    async close() {
      await server.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
