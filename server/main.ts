#!/usr/bin/env node
import { DEMO_SIGN_IN } from '../src/domain/demo-world.js';
import { readConfig, type Config } from './config.js';
import { startServer, type RunningServer } from './start.js';

/** Start messages: plain lines for the demo, JSON lines (like the request log) in production. */
let production = process.env.NODE_ENV === 'production' || process.env.PORTAL_MODE === 'production';
const say = (level: 'info' | 'error', msg: string, extra: Record<string, unknown> = {}) => {
  if (production) (level === 'error' ? console.error : console.log)(JSON.stringify({ level, at: new Date().toISOString(), msg, ...extra }));
  else (level === 'error' ? console.error : console.log)(msg);
};

let config: Config;
let server: RunningServer;
try {
  config = readConfig();
  production = config.production;
  server = await startServer({
    port: config.port, host: config.host, dbFile: config.dbFile, filesDir: config.filesDir, seed: config.seed, adminToken: config.adminToken, log: config.log,
    linkBase: config.linkBase ?? 'address', publicUrl: config.publicUrl, corsOrigins: config.corsOrigins, trustProxy: config.trustProxy,
  });
} catch (error) {
  say('error', `Cannot start: ${(error as Error).message}`);
  process.exit(1);
}
say('info', `Portal running at ${server.url}/`, { url: server.url, database: /^postgres/i.test(config.dbFile) ? 'postgresql' : 'sqlite', mail: server.mail });
if (server.mail === 'outbox') {
  say('info', 'Note: PORTAL_SMTP_URL is not set, so no email is sent: invitations, resets and sign-in links stay in the outbox (GET /api/v1/admin/outbox).');
}
if (config.seed === 'demo') say('info', `Demo sign-in: ${DEMO_SIGN_IN.email} / ${DEMO_SIGN_IN.password}`);
if (!config.linkBase && !config.publicUrl) {
  say('info', `Note: PORTAL_LINK_BASE is not set, so emailed links point at ${server.url}/portal.html (never at a request's Host header); set it when the portal is reached at another address.`);
}
// A token from the environment is never printed (logs are read by more people than the admin); production never generates one.
if (config.adminTokenGenerated) say('info', `Admin token (generated): ${server.adminToken}`);
else say('info', 'Admin token: from PORTAL_ADMIN_TOKEN (not shown)');

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  say('info', `Stopping (${signal}): finishing requests in flight…`);
  server.close().then(() => process.exit(0), () => process.exit(1));
};
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
