import { LiveEvent, PortalChange } from '../contract/answers.js';
import { array, check } from '../contract/check.js';

export const ChangeList = array(PortalChange);

/** One poll of `GET /events`: answers the changes (or `null` when nothing new or failed) and the server's time. */
export type PollOnce = (since: string, etag: string | null) => Promise<{ status: number; date: string | null; etag: string | null; body?: unknown }>;

/**
 * Polling of `GET /events?since=…`: `since` follows the server's clock (its Date header), with an overlap so nothing
 * written while an answer was under way is missed; changes seen twice only cause one more quiet reload. Until the
 * server has answered once, changes count from the moment of subscribing.
 */
export function pollChanges(poll: PollOnce, interval: number, listener: (change: PortalChange) => void): () => void {
  let since = new Date(Date.now() - 5_000).toISOString();
  let etag: string | null = null;
  const tick = async () => {
    try {
      const response = await poll(since, etag);
      const serverNow = Date.parse(response.date ?? '') || Date.now();
      if (response.status !== 200) return;
      etag = response.etag;
      since = new Date(serverNow - 5_000).toISOString();
      const checked = check(ChangeList, response.body);
      if (checked.ok) for (const change of checked.value) listener(change);
    } catch {
      // Polling failures are retried on the next tick.
    }
  };
  const timer = setInterval(tick, interval);
  return () => clearInterval(timer);
}

/**
 * Server-sent events from `GET /events/stream` (cookies sent, also cross-site with CORS credentials). The browser
 * reconnects by itself after a dropped connection (resuming with Last-Event-ID); when the server refuses the stream
 * (no SSE, an error status) it falls back to `fallback()` — polling — for the rest of the subscription.
 */
export function streamChanges(url: string, listener: (change: PortalChange) => void, fallback: () => () => void): () => void {
  let stopFallback: (() => void) | undefined;
  let opened = false;
  const source = new EventSource(url, { withCredentials: true });
  const read = (event: MessageEvent<string>) => {
    try {
      const checked = check(LiveEvent, JSON.parse(event.data));
      if (!checked.ok) return;
      // The session ended: the stream is over (no reconnect); the next call answers 401.
      if (checked.value.type === 'session-ended') source.close();
      else listener(checked.value);
    } catch {
      // A malformed event is skipped.
    }
  };
  source.addEventListener('open', () => { opened = true; });
  for (const name of ['message', 'ticket', 'session-ended'] satisfies LiveEvent['type'][]) source.addEventListener(name, read);
  source.addEventListener('error', () => {
    // CLOSED: the server refused the stream (the browser will not retry), or it never opened: poll instead.
    if (source.readyState === EventSource.CLOSED || !opened) {
      source.close();
      stopFallback ??= fallback();
    }
  });
  return () => {
    source.close();
    stopFallback?.();
  };
}
