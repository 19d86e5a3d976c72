import type { MiddlewareHandler } from 'hono';
import { RULES, tooManyRequests } from '../auth/throttle.js';
import { hashToken, secretsEqual } from '../auth/tokens.js';
import { clientAddress } from './client.js';
import type { AppEnv } from './context.js';
import { Problem } from './problem.js';

/** Admin paths an agent's API key may use: the helpdesk API (tickets, their messages and files, pipelines, inboxes). */
const AGENT_PATHS = /^\/admin\/(tickets|attachments|pipelines|inboxes)(\/|$)/;

const adminTokenRequired = () => Problem.unauthenticated('Send Authorization: Bearer <PORTAL_ADMIN_TOKEN> or an agent API key.', {
  title: 'Admin token or agent API key required', headers: { 'www-authenticate': 'Bearer' },
});

/**
 * `/admin/*`: the admin token (`PORTAL_ADMIN_TOKEN`, constant-time compare) for everything; an agent's API key (stored
 * hashed, not revoked) for the helpdesk API only, with the agent in `c.var.agentId`.
 */
export const requireAdminOrAgent: MiddlewareHandler<AppEnv> = async (c, next) => {
  // Failed admin authentication is throttled per client address (429 with Retry-After), so tokens cannot be guessed.
  const { adminToken, db, limiter } = c.get('deps');
  const throttleKey = `admin:address:${clientAddress(c)}`;
  const wait = await limiter.retryAfter(throttleKey, RULES.failedAdminPerAddress);
  if (wait > 0) throw tooManyRequests(wait);
  const refuse = async () => {
    await limiter.hit(throttleKey, RULES.failedAdminPerAddress);
    return adminTokenRequired();
  };
  const match = /^Bearer\s+(\S+)$/i.exec((c.req.header('authorization') ?? '').trim());
  if (!match) throw await refuse();
  if (secretsEqual(match[1], adminToken)) return next();
  const key = await db.selectFrom('agent_api_keys').select(['agent_id']).where('token_hash', '=', hashToken(match[1]))
    .where('revoked_at', 'is', null).executeTakeFirst();
  if (!key) throw await refuse();
  const path = c.req.path.replace(/^\/api\/v1/, '');
  if (!AGENT_PATHS.test(path) || (path.startsWith('/admin/inboxes') && c.req.method !== 'GET')) {
    throw Problem.forbidden('An agent API key may use the helpdesk API only.');
  }
  c.set('agentId', key.agent_id);
  return next();
};
