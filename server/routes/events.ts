import { createHash } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import { streamSSE } from 'hono/streaming';
import { resolveSession } from '../auth/sessions.js';
import type { AppEnv } from '../http/context.js';
import { csrfGuard, portalEnabled } from '../http/middleware.js';
import { unauthenticated, validation } from '../http/problem.js';
import { changesFor, latestChangeId, MAX_CHANGES } from '../store/change-feed.js';

/** One entry of `GET /events` (the HttpAdapter's PortalChange without `session-ended`, which it derives from a 401). */
export const PortalChange = z.union([
  z.object({ type: z.literal('message'), ticketId: z.int(), messageId: z.int() }),
  z.object({ type: z.literal('ticket'), ticketId: z.int() }),
]);

/** How often the SSE stream looks for changes, and sends a keep-alive comment when there were none. */
const STREAM_POLL_MS = 1_000;
const STREAM_KEEPALIVE_MS = 25_000;

/**
 * A session that is looked at but not touched: polling for changes is not activity, so an idle session still ends
 * (the next poll answers 401).
 */
const watchingSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const auth = await resolveSession(c, undefined, false);
  if (!auth) throw unauthenticated();
  c.set('auth', auth);
  c.header('x-session-expires-at', new Date(auth.expiresAt).toISOString());
  await next();
};

function parseSince(raw: string | undefined): string {
  const ms = raw === undefined ? Number.NaN : Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw ?? '') || Number.isNaN(ms)) {
    throw validation([{ field: 'since', message: 'Give the time of the last poll as an ISO 8601 date-time.' }]);
  }
  return new Date(ms).toISOString();
}

/** Live updates: new messages and ticket changes (stage, owner…) of tickets the signed-in contact may see. */
export const eventRoutes = new Hono<AppEnv>()
  /**
   * Polling: `GET /events?since=<ISO>` → `[{type:'message',ticketId,messageId} | {type:'ticket',ticketId}]` changed
   * after that server time. `ETag` + `If-None-Match` → 304 when the answer is the same as last time.
   */
  .get('/events', portalEnabled, csrfGuard, watchingSession, async (c) => {
    const since = parseSince(c.req.query('since'));
    const { contact, settings } = c.get('auth');
    const { changes } = await changesFor(c.get('deps').db, contact, settings, { since });
    const etag = `"${createHash('sha256').update(`${contact.id}|${since}|${JSON.stringify(changes)}`).digest('base64url').slice(0, 27)}"`;
    c.header('cache-control', 'private, no-cache');
    c.header('etag', etag);
    const match = c.req.header('if-none-match')?.split(',').map((s) => s.trim().replace(/^W\//, ''));
    if (match?.includes(etag) || match?.includes('*')) return c.body(null, 304);
    return c.json(changes);
  })
  /**
   * Server-sent events: `GET /events/stream` sends each change as an event named by its type (`message`, `ticket`)
   * with a JSON payload and the change id as `id`; `Last-Event-ID` resumes; the stream ends with `session-ended`
   * once the session is over.
   */
  .get('/events/stream', portalEnabled, csrfGuard, watchingSession, (c) => {
    const { db, shutdown } = c.get('deps');
    const lastEventId = Number(c.req.header('last-event-id'));
    c.header('cache-control', 'no-store');
    return streamSSE(c, async (stream) => {
      let afterId = Number.isSafeInteger(lastEventId) && lastEventId > 0 ? lastEventId : await latestChangeId(db);
      // Changes from here on are reported (from any instance of the database: they are read from it).
      await stream.write(': ready\n\n');
      let quietSince = Date.now();
      // A shutting-down instance ends its streams; the client reconnects (to another instance) with Last-Event-ID.
      while (!stream.aborted && !stream.closed && !shutdown?.aborted) {
        // Settings and the contact are read again each round: a changed rule applies at once.
        const auth = await resolveSession(c, undefined, false);
        if (!auth) {
          await stream.writeSSE({ event: 'session-ended', data: JSON.stringify({ type: 'session-ended' }) });
          break;
        }
        const upToId = Math.min(await latestChangeId(db), afterId + MAX_CHANGES);
        const { changes } = await changesFor(db, auth.contact, auth.settings, { afterId, upToId });
        afterId = upToId;
        for (const change of changes) await stream.writeSSE({ event: change.type, id: String(afterId), data: JSON.stringify(change) });
        if (changes.length > 0) quietSince = Date.now();
        else if (Date.now() - quietSince > STREAM_KEEPALIVE_MS) {
          await stream.write(': keep-alive\n\n');
          quietSince = Date.now();
        }
        await stream.sleep(STREAM_POLL_MS);
      }
    });
  });
