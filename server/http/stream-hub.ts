import type { Db } from '../db/connect.js';
import { latestChangeId } from '../store/change-feed.js';
import { Problem } from './problem.js';

/** Limits of live-update streams (`GET /events/stream`). */
export interface StreamLimits {
  /** Open streams per session (a few tabs). */
  perSession: number;
  /** Open streams in total. */
  total: number;
  /** How often the one shared poll looks for changes and ended sessions. */
  pollMs: number;
  /** A comment line after this much quiet, so proxies keep the connection. */
  keepAliveMs: number;
  /** How often each stream re-checks its session against the current settings and contact (also on every settings change). */
  recheckMs: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = { perSession: 4, total: 500, pollMs: 1_000, keepAliveMs: 25_000, recheckMs: 30_000 };

/** One open stream, as the hub drives it. */
export interface Watcher {
  readonly tokenHash: string;
  /** Change id the stream has sent up to. */
  afterId: number;
  /** Something changed after `afterId` (up to `latestId`), or a re-check of the session is due. */
  wake(latestId: number, recheck: boolean): Promise<void>;
  /** The session is over: say so and close. */
  end(): Promise<void>;
  /** Nothing was sent for a while. */
  keepAlive(): Promise<void>;
  lastWriteAt: number;
}

const CHUNK = 500;

/**
 * All live-update streams of one server: admission under {@link StreamLimits}, and one shared poll (one change-id
 * query, one batched session query per round, whatever the number of streams). A stream queries its own changes
 * only when there are new ones.
 */
export class StreamHub {
  readonly limits: StreamLimits;
  readonly #db: Db;
  readonly #now: () => number;
  readonly #watchers = new Set<Watcher>();
  readonly #perSession = new Map<string, number>();
  #reserved = 0;
  #timer: NodeJS.Timeout | undefined;
  #settingsVersion = -1;
  #lastRecheckAt = 0;
  #closed = false;
  /** Rounds of the shared poll so far. */
  rounds = 0;

  constructor(db: Db, now: () => number, limits: Partial<StreamLimits> = {}) {
    this.#db = db;
    this.#now = now;
    this.limits = { ...DEFAULT_STREAM_LIMITS, ...limits };
  }

  /** Open streams. */
  get size(): number {
    return this.#reserved;
  }

  /** Reserves a place for a new stream of the session, or throws 429 (session) / 503 (server) with Retry-After. */
  reserve(tokenHash: string): () => void {
    const mine = this.#perSession.get(tokenHash) ?? 0;
    if (mine >= this.limits.perSession) {
      throw Problem.tooManyRequests(30, {
        slug: 'too-many-streams', title: 'Too many live-update streams',
        detail: `A session may keep at most ${this.limits.perSession} live-update streams open. Close one, or poll GET /events.`,
      });
    }
    if (this.#reserved >= this.limits.total) {
      throw Problem.unavailable('No live-update stream available',
        'The server has no room for another live-update stream now. Poll GET /events instead.', { slug: 'streams-full', headers: { 'retry-after': '30' } });
    }
    this.#perSession.set(tokenHash, mine + 1);
    this.#reserved += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#reserved -= 1;
      const left = (this.#perSession.get(tokenHash) ?? 1) - 1;
      if (left > 0) this.#perSession.set(tokenHash, left);
      else this.#perSession.delete(tokenHash);
    };
  }

  add(watcher: Watcher): void {
    if (this.#closed) return;
    this.#watchers.add(watcher);
    this.#timer ??= setTimeout(() => void this.#round(), this.limits.pollMs).unref();
  }

  remove(watcher: Watcher): void {
    this.#watchers.delete(watcher);
  }

  /** Stops polling (server shutdown). */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#watchers.clear();
  }

  async #round(): Promise<void> {
    try {
      if (this.#watchers.size > 0) await this.#poll();
    } catch {
      // A failed round (database busy or closing) is tried again next time.
    } finally {
      this.#timer = undefined;
      if (this.#watchers.size > 0 && !this.#closed) this.#timer = setTimeout(() => void this.#round(), this.limits.pollMs).unref();
    }
  }

  async #poll(): Promise<void> {
    this.rounds += 1;
    const watchers = [...this.#watchers];
    const latestId = await latestChangeId(this.#db);
    const settings = await this.#db.selectFrom('settings').select('version').where('id', '=', 1).executeTakeFirst();
    const at = this.#now();
    const recheck = settings?.version !== this.#settingsVersion || at - this.#lastRecheckAt >= this.limits.recheckMs;
    if (recheck) {
      this.#settingsVersion = settings?.version ?? -1;
      this.#lastRecheckAt = at;
    }
    // Sessions that still exist (logout, a password reset or an admin deleting the contact removes them).
    const hashes = [...new Set(watchers.map((w) => w.tokenHash))];
    const alive = new Set<string>();
    for (let i = 0; i < hashes.length; i += CHUNK) {
      const rows = await this.#db.selectFrom('sessions').select('token_hash').where('token_hash', 'in', hashes.slice(i, i + CHUNK)).execute();
      for (const row of rows) alive.add(row.token_hash);
    }
    await Promise.all(watchers.map(async (w) => {
      try {
        if (!alive.has(w.tokenHash)) await w.end();
        else if (recheck || latestId > w.afterId) await w.wake(latestId, recheck);
        else if (Date.now() - w.lastWriteAt > this.limits.keepAliveMs) await w.keepAlive();
      } catch {
        await w.end().catch(() => undefined);
      }
    }));
  }
}
