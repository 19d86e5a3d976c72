import { after, before } from 'node:test';
import { HttpAdapter } from '../../src/adapters/http-adapter.js';
import { demoWorld } from '../../src/domain/demo-world.js';
import { startServer } from '../../server/start.js';
import { TEST_SCRYPT } from '../support/test-scrypt.js';
import { cookieFetch } from '../support/cookie-fetch.js';
import { testDatabase, type TestDatabase } from '../support/test-database.js';
import { actionsConformance } from './actions-suite.js';
import { adapterConformance, registrationConformance } from './adapter-suite.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let server: Awaited<ReturnType<typeof startServer>>;
let database: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'portal-conformance-'));

before(async () => {
  database = await testDatabase(dir);
  server = await startServer({ port: 0, dbFile: database.location, filesDir: database.filesDir, seed: 'demo', log: false, scrypt: TEST_SCRYPT });
});
after(async () => {
  await server.close();
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

const make = async (configure?: Parameters<Parameters<typeof adapterConformance>[1]>[0]) => {
  const settings = configure ? configure(demoWorld().settings) : demoWorld().settings;
  const response = await fetch(`${server.url}/api/v1/admin/settings`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(settings),
  });
  if (!response.ok) throw new Error(`Could not configure the server: ${response.status} ${await response.text()}`);
  return new HttpAdapter({ baseUrl: `${server.url}/api/v1`, fetch: cookieFetch(), retries: 0, pollInterval: 100 });
};

adapterConformance('HttpAdapter + reference server', make);
registrationConformance('HttpAdapter + reference server', make);

/** The helpdesk side: an agent's reply through the admin API. */
async function agentReply(_adapter: unknown, ticketId: number, body: string) {
  const response = await fetch(`${server.url}/api/v1/admin/tickets/${ticketId}/messages`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ author: 'agent', authorId: demoWorld().agents[0].id, body }),
  });
  if (!response.ok) throw new Error(`Could not add the agent's reply: ${response.status} ${await response.text()}`);
}

actionsConformance('HttpAdapter + reference server', { make, agentReply });
