import type { Db } from '../db/connect.js';
import { signature } from './events.js';

export interface DispatcherOptions {
  /** Waits before each retry, in ms: a delivery is tried once plus once per entry, then marked `failed`. */
  backoffMs: readonly number[];
  /** A receiver must answer 2xx within this time. Default 10 000. */
  timeoutMs?: number;
  /** How often to look for due deliveries besides `kick()`. Default 1 000. */
  pollMs?: number;
}

/** Retry waits: 2 s, 10 s, 1 min, 5 min, 30 min, 2 h, 6 h (eight attempts over about nine hours). */
export const DEFAULT_BACKOFF_MS = [2_000, 10_000, 60_000, 300_000, 1_800_000, 7_200_000, 21_600_000];

/** `PORTAL_WEBHOOK_RETRY_MS`: comma-separated waits in ms (e.g. `50,100,200`); default DEFAULT_BACKOFF_MS. */
export function parseBackoff(raw: string | undefined): number[] {
  if (raw === undefined || raw.trim() === '') return DEFAULT_BACKOFF_MS;
  const waits = raw.split(',').map((s) => Number(s.trim()));
  if (waits.some((n) => !Number.isSafeInteger(n) || n < 0)) throw new Error('PORTAL_WEBHOOK_RETRY_MS: give waits in ms, separated by commas.');
  return waits;
}

/**
 * Sends queued webhook deliveries: POST with the signed body; any 2xx within the timeout counts as delivered, anything
 * else is retried after the next wait of the backoff schedule. Deliveries of one ticket to one endpoint go out in
 * order: a later one waits while an earlier one is still pending.
 */
export class WebhookDispatcher {
  readonly #db: Db;
  readonly #backoff: readonly number[];
  readonly #timeoutMs: number;
  readonly #timer: ReturnType<typeof setInterval>;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(db: Db, options: DispatcherOptions) {
    this.#db = db;
    this.#backoff = options.backoffMs;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#timer = setInterval(() => this.kick(), options.pollMs ?? 1_000);
    this.#timer.unref?.();
  }

  /** Look for due deliveries now (after new ones were queued or replayed). */
  kick(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        try {
          await this.#round();
        } catch {
          // The database closed under a stopping server, or a transient error: the next round tries again.
        }
      } while (this.#again && !this.#stopped);
    })().finally(() => { this.#running = undefined; });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#running;
  }

  async #round(): Promise<void> {
    const due = await this.#db.selectFrom('webhook_deliveries as d').innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
      .select(['d.id', 'd.webhook_id', 'd.ticket_id', 'd.payload', 'd.attempts', 'd.next_attempt_at', 'd.event', 'w.url', 'w.secret'])
      .where('d.status', '=', 'pending').orderBy('d.id').limit(500).execute();
    const blocked = new Set<string>();
    for (const d of due) {
      if (this.#stopped) return;
      const lane = `${d.webhook_id}:${d.ticket_id ?? `d${d.id}`}`;
      if (blocked.has(lane)) continue;
      if (d.next_attempt_at > new Date().toISOString()) {
        blocked.add(lane);
        continue;
      }
      if (!(await this.#attempt(d))) blocked.add(lane);
    }
  }

  async #attempt(d: { id: number; payload: string; attempts: number; event: string; url: string; secret: string }): Promise<boolean> {
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(d.url, {
        method: 'POST',
        body: d.payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'customer-portal-webhooks/1',
          'x-portal-event': d.event,
          'x-portal-delivery': String(d.id),
          'x-portal-signature': signature(d.secret, d.payload, Math.floor(Date.now() / 1000)),
        },
      });
      status = response.status;
      await response.body?.cancel();
    } catch (e) {
      error = e instanceof Error ? e.message.slice(0, 500) : 'Request failed';
    }
    const attempts = d.attempts + 1;
    const ok = status !== null && status >= 200 && status < 300;
    const wait = this.#backoff[attempts - 1];
    const nowIso = new Date().toISOString();
    await this.#db.updateTable('webhook_deliveries').set({
      attempts,
      last_status_code: status,
      last_error: ok ? null : (error ?? `HTTP ${status}`),
      status: ok ? 'delivered' : wait === undefined ? 'failed' : 'pending',
      delivered_at: ok ? nowIso : null,
      next_attempt_at: ok || wait === undefined ? nowIso : new Date(Date.now() + wait).toISOString(),
    }).where('id', '=', d.id).execute();
    return ok;
  }
}
