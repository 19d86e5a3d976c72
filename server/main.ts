import { DEMO_SIGN_IN } from '../src/domain/demo-world.js';
import { readConfig } from './config.js';
import { startServer } from './start.js';

const config = readConfig();
const server = await startServer({
  port: config.port, host: config.host, dbFile: config.dbFile, filesDir: config.filesDir, seed: config.seed, adminToken: config.adminToken, log: config.log,
  linkBase: config.linkBase ?? 'address', publicUrl: config.publicUrl, corsOrigins: config.corsOrigins, trustProxy: config.trustProxy,
});
console.log(`Portal running at ${server.url}/`);
if (config.seed === 'demo') console.log(`Demo sign-in: ${DEMO_SIGN_IN.email} / ${DEMO_SIGN_IN.password}`);
if (!config.linkBase && !config.publicUrl) {
  console.log(`Note: PORTAL_LINK_BASE is not set, so emailed links point at ${server.url}/portal.html (never at a request's Host header); set it when the portal is reached at another address.`);
}
// A token from the environment is never printed (logs are read by more people than the admin).
console.log(config.adminTokenGenerated
  ? `Admin token (generated): ${server.adminToken}`
  : 'Admin token: from PORTAL_ADMIN_TOKEN (not shown)');

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`Stopping (${signal})…`);
  server.close().then(() => process.exit(0), () => process.exit(1));
};
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
