import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { lookUpSession } from '../auth/sessions.js';
import type { AppEnv } from '../http/context.js';
import type { Watcher } from '../http/stream-hub.js';
import { Problem } from '../http/problem.js';
import { MAX_ROW_ID } from '../db/types.js';
import { changesFor, latestChangeId, MAX_CHANGES } from '../store/change-feed.js';
import { toServerSentEvent } from '../../src/contract/changes.js';

/** One entry of `GET /events` and the data of a stream event: the contract's schema. */
export { PortalChange } from '../../src/contract/changes.js';

function parseSince(raw: string | undefined): string {
  const ms = raw === undefined ? Number.NaN : Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw ?? '') || Number.isNaN(ms)) {
    throw Problem.validation([{ field: 'since', message: 'Give the time of the last poll as an ISO 8601 date-time.' }]);
  }
  return new Date(ms).toISOString();
}

/** Live updates: new messages and ticket changes (stage, owner…) of tickets the signed-in contact may see. */
export const eventRoutes = new Hono<AppEnv>()
  /**
   * Polling: `GET /events?since=<ISO>` → `[{type:'message',ticketId,messageId} | {type:'ticket',ticketId}]` changed
   * after that server time. `ETag` + `If-None-Match` → 304 when the answer is the same as last time.
   */
  .get('/events', async (c) => {
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
   * once the session is over (signed out, expired, or no longer admitted by the access settings). Streams are
   * limited per session (429) and in total (503); one shared poll serves them all.
   */
  .get('/events/stream', (c) => {
    const { db, streams, now, shutdown, settingsStore } = c.get('deps');
    let auth = c.get('auth');
    const release = streams.reserve(auth.tokenHash);
    const lastEventId = Number(c.req.header('last-event-id'));
    c.header('cache-control', 'no-store');
    return streamSSE(c, async (stream) => {
      try {
        const afterId = Number.isSafeInteger(lastEventId) && lastEventId > 0 && lastEventId <= MAX_ROW_ID ? lastEventId : await latestChangeId(db);
        // Changes from here on are reported (from any instance of the database: they are read from it).
        await stream.write(': ready\n\n');
        await new Promise<void>((resolve) => {
          let done = false;
          const finish = () => {
            if (done) return;
            done = true;
            streams.remove(watcher);
            shutdown?.removeEventListener('abort', finish);
            resolve();
          };
          const watcher: Watcher = {
            tokenHash: auth.tokenHash,
            afterId,
            lastWriteAt: Date.now(),
            async wake(latestId, recheck) {
              if (recheck || now() >= auth.expiresAt) {
                // Settings and the contact are read again: a changed rule applies at once.
                const found = await lookUpSession(c, await settingsStore.read(), false);
                if (!('auth' in found)) return this.end();
                auth = found.auth;
              }
              while (this.afterId < latestId && !done) {
                const upToId = Math.min(latestId, this.afterId + MAX_CHANGES);
                const { changes } = await changesFor(db, auth.contact, auth.settings, { afterId: this.afterId, upToId });
                this.afterId = upToId;
                for (const change of changes) await stream.writeSSE({ ...toServerSentEvent(change), id: String(upToId) });
                if (changes.length > 0) this.lastWriteAt = Date.now();
              }
            },
            async end() {
              if (done) return;
              await stream.writeSSE(toServerSentEvent({ type: 'session-ended' })).catch(() => undefined);
              finish();
            },
            async keepAlive() {
              await stream.write(': keep-alive\n\n');
              this.lastWriteAt = Date.now();
            },
          };
          stream.onAbort(finish);
          // A shutting-down instance ends its streams; the client reconnects (to another instance) with Last-Event-ID.
          if (shutdown?.aborted) return finish();
          shutdown?.addEventListener('abort', finish, { once: true });
          streams.add(watcher);
        });
      } finally {
        release();
      }
    });
  });
