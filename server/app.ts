import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { OWASP_SCRYPT } from './auth/passwords.js';
import { Limiter } from './auth/throttle.js';
import { DbThrottleStore } from './store/throttle-hits.js';
import { isHttps } from './auth/sessions.js';
import type { AppEnv, Deps } from './http/context.js';
import { cors } from './http/cors.js';
import { requestLog } from './http/middleware.js';
import { requireAdminOrAgent } from './http/helpdesk-auth.js';
import { notFound, Problem } from './http/problem.js';
import { queryLimits } from './http/query-limits.js';
import { serveFile } from './http/static.js';
import { StreamHub } from './http/stream-hub.js';
import { adminTicketRoutes } from './routes/admin-tickets.js';
import { adminWorldRoutes } from './routes/admin-world.js';
import { helpdeskTicketRoutes } from './routes/helpdesk-tickets.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { webhookRoutes } from './routes/webhooks.js';
import { preferenceRoutes } from './routes/preferences.js';
import { invitationRoutes } from './routes/invitations.js';
import { inboxRoutes } from './routes/inboxes.js';
import { authRoutes } from './routes/auth.js';
import { magicLinkRoutes } from './routes/auth-magic-link.js';
import { passwordRoutes } from './routes/auth-password.js';
import { registerRoutes } from './routes/auth-register.js';
import { registerConfirmRoutes } from './routes/auth-register-confirm.js';
import { ssoRoutes } from './routes/auth-sso.js';
import { openApiRoutes } from './routes/openapi.js';
import { portalRoutes } from './routes/portal.js';
import { ticketExportRoutes } from './routes/ticket-export.js';
import { ticketRoutes } from './routes/tickets.js';
import { attachmentRoutes } from './routes/attachments.js';
import { eventRoutes } from './routes/events.js';
import { ticketDetailRoutes } from './routes/ticket-detail.js';
import { ticketReplyRoutes } from './routes/ticket-reply.js';
import { supportFormRoutes } from './routes/support-form.js';
import { healthRoutes } from './routes/health.js';

export interface AppOptions extends Omit<Deps, 'corsOrigins' | 'trustProxy' | 'limiter' | 'streams' | 'throttleStore' | 'scrypt'>, Partial<Pick<Deps, 'corsOrigins' | 'trustProxy' | 'limiter' | 'streams' | 'throttleStore' | 'scrypt'>> {
  /** Project root holding `demo/` and `dist/` (default: the folder above `server/`). */
  root?: string;
}

const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The whole HTTP app: `/api/v1` (portal + admin), `/dist/` (the built library) and `/` (the demo site). */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const { root = DEFAULT_ROOT, corsOrigins = [], trustProxy = false, limiter = new Limiter(options.now), streams = new StreamHub(options.db, options.now),
    throttleStore = new DbThrottleStore(options.db), scrypt = OWASP_SCRYPT, ...rest } = options;
  const deps: Deps = { ...rest, corsOrigins, trustProxy, limiter, streams, throttleStore, scrypt };
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', requestLog);
  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    if (!c.res.headers.has('referrer-policy')) c.header('referrer-policy', 'same-origin');
  });

  app.route('/', healthRoutes);
  app.use('/api/v1/*', cors);

  const api = new Hono<AppEnv>();
  const jsonLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => { throw new Problem(413, 'payload-too-large', 'Payload too large', 'The request body is larger than 1 MB.', undefined, { connection: 'close' }); },
  });
  // Multipart uploads (new tickets, replies) are capped by their readers while streaming, under the upload limits.
  api.use('*', (c, next) => (/^multipart\/form-data/i.test(c.req.header('content-type') ?? '') ? next() : jsonLimit(c, next)));
  api.use('*', queryLimits);
  api.use('/admin/*', requireAdminOrAgent);
  api.route('/', portalRoutes);
  api.route('/', openApiRoutes);
  api.route('/', authRoutes);
  api.route('/', registerRoutes);
  api.route('/', registerConfirmRoutes);
  api.route('/', passwordRoutes);
  api.route('/', magicLinkRoutes);
  api.route('/', ssoRoutes);
  api.route('/', ticketExportRoutes);
  api.route('/', ticketRoutes);
  api.route('/', ticketDetailRoutes);
  api.route('/', ticketReplyRoutes);
  api.route('/', attachmentRoutes);
  api.route('/', eventRoutes);
  api.route('/', supportFormRoutes);
  api.route('/', adminWorldRoutes);
  api.route('/', adminTicketRoutes);
  api.route('/', helpdeskTicketRoutes);
  api.route('/', apiKeyRoutes);
  api.route('/', webhookRoutes);
  api.route('/', preferenceRoutes);
  api.route('/', invitationRoutes);
  api.route('/', inboxRoutes);
  api.all('*', () => { throw notFound('No such API route.'); });
  app.route('/api/v1', api);

  app.on(['GET', 'HEAD'], '/dist/*', async (c) => (await serveFile(c, `${root}/dist`, c.req.path.slice('/dist/'.length))) ?? c.notFound());
  app.on(['GET', 'HEAD'], '*', async (c) => (await serveFile(c, `${root}/demo`, c.req.path, isHttps(c))) ?? c.notFound());

  app.notFound(() => notFound('Nothing here.').toResponse());
  app.onError((err, c) => {
    if (err instanceof Problem) return err.toResponse();
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return new Problem(status, 'bad-request', 'Bad request', 'The request could not be processed.').toResponse();
    }
    if (c.get('deps')?.log !== false) console.error(JSON.stringify({ level: 'error', at: new Date().toISOString(), requestId: c.get('requestId'), path: c.req.path, message: String(err) }));
    return new Problem(500, 'internal', 'Internal server error', 'Something went wrong on our side.').toResponse();
  });
  return app;
}
