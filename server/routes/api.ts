import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../http/context.js';
import { requireAdminOrAgent } from '../http/helpdesk-auth.js';
import { csrfGuard, loadSettings, noStore, portalEnabled, requireSession, watchSession } from '../http/middleware.js';
import { Problem } from '../http/problem.js';
import { queryLimits } from '../http/query-limits.js';
import { routeGroup } from '../http/route-group.js';
import { adminTicketRoutes } from './admin-tickets.js';
import { adminWorldRoutes } from './admin-world.js';
import { apiKeyRoutes } from './api-keys.js';
import { attachmentRoutes } from './attachments.js';
import { authRoutes } from './auth.js';
import { magicLinkConfirmRoutes, magicLinkRoutes } from './auth-magic-link.js';
import { passwordRoutes } from './auth-password.js';
import { registerRoutes } from './auth-register.js';
import { registerConfirmRoutes } from './auth-register-confirm.js';
import { ssoConfirmRoutes, ssoRoutes } from './auth-sso.js';
import { eventRoutes } from './events.js';
import { helpdeskTicketRoutes } from './helpdesk-tickets.js';
import { inboxRoutes } from './inboxes.js';
import { invitationRoutes } from './invitations.js';
import { openApiRoutes } from './openapi.js';
import { portalRoutes } from './portal.js';
import { preferenceRoutes } from './preferences.js';
import { supportFormRoutes } from './support-form.js';
import { ticketDetailRoutes } from './ticket-detail.js';
import { ticketExportRoutes } from './ticket-export.js';
import { ticketReplyRoutes } from './ticket-reply.js';
import { ticketRoutes } from './tickets.js';
import { webhookRoutes } from './webhooks.js';

const MAX_BODY_BYTES = 1024 * 1024;

const jsonLimit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => { throw Problem.tooLarge('The request body is larger than 1 MB.'); } });

/**
 * `/api/v1`: the routes in groups that each declare their middleware once. Every request has its body (JSON: 1 MB;
 * multipart uploads are capped by their readers while streaming) and query string capped; every group reads the
 * settings once (`c.var.settings`).
 */
export function apiRoutes(): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.use('*', (c, next) => (/^multipart\/form-data/i.test(c.req.header('content-type') ?? '') ? next() : jsonLimit(c, next)));
  api.use('*', queryLimits);
  // Public: what anyone may know about the portal (also while it is switched off), and the API's description.
  api.route('/', routeGroup([loadSettings], portalRoutes));
  api.route('/', openApiRoutes);
  // Signing in and out: the portal is on, requests come from the portal (CSRF), answers are never cached.
  api.route('/', routeGroup([loadSettings, portalEnabled, csrfGuard, noStore], authRoutes, registerRoutes, passwordRoutes, magicLinkRoutes, ssoRoutes));
  // Confirmation pages (the emailed one-time and registration links, a cross-site SSO arrival) post a plain form
  // (no X-Portal-Request); each checks its origin itself.
  api.route('/', routeGroup([loadSettings, portalEnabled, noStore], magicLinkConfirmRoutes, registerConfirmRoutes, ssoConfirmRoutes));
  // The signed-in customer: a session (counted as activity), CSRF, never cached.
  api.route('/', routeGroup([loadSettings, portalEnabled, csrfGuard, requireSession, noStore],
    ticketExportRoutes, ticketRoutes, ticketDetailRoutes, ticketReplyRoutes, attachmentRoutes, supportFormRoutes, preferenceRoutes));
  // Live updates: the session is watched, not touched (polling is not activity); the routes choose their caching.
  api.route('/', routeGroup([loadSettings, portalEnabled, csrfGuard, watchSession], eventRoutes));
  // Admin (the admin token) and the helpdesk API (the admin token or an agent's API key); also for unknown admin paths.
  api.use('/admin/*', requireAdminOrAgent);
  api.route('/', routeGroup([loadSettings], adminWorldRoutes, adminTicketRoutes, apiKeyRoutes, webhookRoutes, invitationRoutes, inboxRoutes));
  api.route('/', routeGroup([loadSettings, noStore], helpdeskTicketRoutes));
  api.all('*', () => { throw Problem.notFound('No such API route.'); });
  return api;
}
