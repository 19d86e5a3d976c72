import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.js';
import type { ScryptParams } from './auth/passwords.js';
import { Limiter } from './auth/throttle.js';
import { checkAdminToken, parseCorsOrigins, parseLinkBase, parsePublicUrl } from './config.js';
import { isPostgresUrl, openDatabase } from './db/connect.js';
import { startMailSender } from './mail/index.js';
import { seed as seedDatabase } from './seed.js';
import { filesDirFor } from './store/files.js';
import { parseBackoff, WebhookDispatcher } from './webhooks/dispatcher.js';
import { DbThrottleStore } from './store/throttle-hits.js';
import { StreamHub, type StreamLimits } from './http/stream-hub.js';
import { startSweeping } from './store/sweep.js';
import { SettingsStore } from './store/settings.js';

export interface StartOptions {
  /** 0 (default) = any free port. */
  port?: number;
  host?: string;
  /** SQLite file or `postgres://` URL; default: a fresh SQLite file in a temporary folder, removed on close. */
  dbFile?: string;
  /** Folder of uploaded files, shared by every instance of one database; default: beside the SQLite file (PORTAL_FILES_DIR). */
  filesDir?: string;
  seed?: 'demo' | 'none';
  /** Default: PORTAL_ADMIN_TOKEN, else random. */
  adminToken?: string;
  /** Clock in epoch ms (tests inject one). */
  now?: () => number;
  /** Request logs on stdout; default unless PORTAL_LOG=silent. */
  log?: boolean;
  /**
   * Base of emailed links; default PORTAL_LINK_BASE, else the public URL + `/portal.html` (`'address'` says the
   * same explicitly). Never a request's Host header.
   */
  linkBase?: string;
  /** The server's public base for links into the API; default PORTAL_PUBLIC_URL, else the listening address. */
  publicUrl?: string;
  /** Origins allowed for CORS with credentials; default PORTAL_CORS_ORIGINS. */
  corsOrigins?: string[];
  /** Trust `X-Forwarded-For` for the client address; default PORTAL_TRUST_PROXY=1. */
  trustProxy?: boolean;
  /** Waits before webhook retries, in ms; default PORTAL_WEBHOOK_RETRY_MS, else 10 s … 6 h. */
  webhookBackoffMs?: number[];
  /** SMTP server of every email (`smtp://…`); default PORTAL_SMTP_URL; without one, emails stay in the outbox. */
  smtpUrl?: string;
  /** Sender address of emails; default PORTAL_MAIL_FROM, else `portal@localhost`. */
  mailFrom?: string;
  /** First retry of a failed delivery after this many ms (doubling); tests shorten it. */
  mailRetryMs?: number;
  /** On close, how long requests in flight may take before their connections are cut (default 10 s). */
  shutdownGraceMs?: number;
  /** scrypt cost of password hashes; default OWASP_SCRYPT (tests may choose a cheaper one). */
  scrypt?: ScryptParams;
  /** Limits of live-update streams (defaults: DEFAULT_STREAM_LIMITS). */
  streamLimits?: Partial<StreamLimits>;
  /** Told of every read of the settings by a request (tests count them). */
  onSettingsRead?: () => void;
  /** Folder holding `demo/` and `dist/` served as static files (default: the project root). */
  root?: string;
}

export interface RunningServer {
  /** `http://HOST:PORT`, no trailing slash. */
  url: string;
  adminToken: string;
  /** How emails leave: over SMTP, or kept in the outbox only. */
  mail: 'smtp' | 'outbox';
  close(): Promise<void>;
}

/** Opens (migrates, seeds) the database and starts listening; used by main.ts and by tests. */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const tempDir = opts.dbFile ? undefined : mkdtempSync(join(tmpdir(), 'portal-'));
  const dbFile = opts.dbFile ?? join(tempDir as string, 'portal.db');
  const now = opts.now ?? Date.now;
  const adminToken = opts.adminToken ?? (process.env.PORTAL_ADMIN_TOKEN?.trim() || randomBytes(32).toString('hex'));
  checkAdminToken(adminToken);
  const log = opts.log ?? process.env.PORTAL_LOG !== 'silent';
  const filesDir = opts.filesDir ?? (isPostgresUrl(dbFile) ? undefined : filesDirFor(dbFile));
  if (!filesDir) throw new Error('With PostgreSQL, name the folder of uploaded files (PORTAL_FILES_DIR), shared by every instance.');
  const db = await openDatabase(dbFile);
  try {
    await seedDatabase(db, opts.seed ?? 'demo', filesDir, now(), opts.scrypt);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const host = opts.host ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host;
  // The app is made once the port is known (PORT=0 picks one), so the link base can name the real address.
  let app: ReturnType<typeof createApp> | undefined;
  const webhooks = new WebhookDispatcher(db, { backoffMs: opts.webhookBackoffMs ?? parseBackoff(process.env.PORTAL_WEBHOOK_RETRY_MS) });
  const shutdown = new AbortController();
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({
      fetch: (request, env) => (app ? app.fetch(request, env) : new Response('Starting', { status: 503 })),
      port: opts.port ?? 0,
      hostname: host,
    }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${urlHost}:${port}`;
  const streams = new StreamHub(db, now, opts.streamLimits);
  // Throttle counts live in the database: every instance of it shares one budget per account and address.
  const throttleStore = new DbThrottleStore(db);
  // Expired sessions, tokens and idempotency records are deleted at start and every hour.
  const stopSweeping = startSweeping(db, now, log);
  // Emailed links come from configuration only, else from the listening address (fixed here, once).
  const publicUrl = parsePublicUrl(opts.publicUrl ?? process.env.PORTAL_PUBLIC_URL) ?? url;
  const givenLinkBase = opts.linkBase ?? process.env.PORTAL_LINK_BASE;
  app = createApp({
    db, now, adminToken, filesDir, log, publicUrl, shutdown: shutdown.signal,
    linkBase: (givenLinkBase === 'address' ? undefined : parseLinkBase(givenLinkBase)) ?? `${publicUrl}/portal.html`,
    corsOrigins: opts.corsOrigins ? parseCorsOrigins(opts.corsOrigins.join(',')) : parseCorsOrigins(process.env.PORTAL_CORS_ORIGINS),
    trustProxy: opts.trustProxy ?? process.env.PORTAL_TRUST_PROXY === '1',
    limiter: new Limiter(now, throttleStore),
    throttleStore,
    webhooks,
    streams,
    scrypt: opts.scrypt,
    settingsStore: new SettingsStore(db, opts.onSettingsRead),
    root: opts.root,
  });
  const smtpUrl = opts.smtpUrl ?? (process.env.PORTAL_SMTP_URL?.trim() || undefined);
  const mailer = smtpUrl ? startMailSender({
    db, smtpUrl, now, from: opts.mailFrom ?? (process.env.PORTAL_MAIL_FROM?.trim() || 'portal@localhost'), retryMs: opts.mailRetryMs,
    log: log ? (entry) => console.log(JSON.stringify(entry)) : undefined,
  }) : undefined;
  let closing: Promise<void> | undefined;
  return {
    url,
    adminToken,
    mail: mailer ? 'smtp' : 'outbox',
    close: () => (closing ??= (async () => {
      // Graceful: no new connections, `/readyz` 503 and live streams end (at their next round); requests in flight
      // finish, cut only after the grace period.
      shutdown.abort();
      streams.close();
      await stopSweeping();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeIdleConnections' in server) server.closeIdleConnections();
        const idle = setInterval(() => { if ('closeIdleConnections' in server) server.closeIdleConnections(); }, 100);
        const cut = setTimeout(() => { if ('closeAllConnections' in server) server.closeAllConnections(); }, opts.shutdownGraceMs ?? 10_000);
        server.once('close', () => { clearInterval(idle); clearTimeout(cut); });
      });
      await webhooks.stop();
      await mailer?.close();
      await db.destroy();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    })()),
  };
}
