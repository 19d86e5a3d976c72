import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Session } from '../contract/session.js';

/** How long before expiry the warning shows: a minute, or half the timeout when that is shorter. */
export const warningLeadMs = (idleTimeoutSeconds: number) => Math.min(60_000, (idleTimeoutSeconds * 1000) / 2);

/** Activity pings to the server happen at most this often. */
export const PING_INTERVAL_MS = 60_000;

export interface SessionTimerCallbacks {
  /** Ask the server to extend the session; resolves with the refreshed session, or `null` when it ended meanwhile. */
  extend(): Promise<Session | null>;
  /** The warning time is reached. */
  warn(expiresAt: string): void;
  /** The session has run out. */
  expire(): void;
}

/**
 * Follows the idle timeout the server enforces: user activity (pointer, keys) extends the session through
 * rate-limited pings; a minute before expiry it warns; at expiry it ends the session on this side too.
 */
export class SessionTimerController implements ReactiveController {
  #session: Session | null = null;
  #warnTimer: ReturnType<typeof setTimeout> | undefined;
  #expireTimer: ReturnType<typeof setTimeout> | undefined;
  #lastPing = 0;
  #warned = false;
  #pinging = false;

  constructor(host: ReactiveControllerHost, private readonly callbacks: SessionTimerCallbacks) {
    host.addController(this);
  }

  readonly #onActivity = () => {
    if (!this.#session || this.#warned || this.#pinging) return;
    if (Date.now() - this.#lastPing < PING_INTERVAL_MS) return;
    void this.extend();
  };

  /** Extends the session now (the "Stay signed in" button). */
  async extend(): Promise<void> {
    this.#pinging = true;
    this.#lastPing = Date.now();
    try {
      const session = await this.callbacks.extend();
      if (session && this.#session) this.track(session);
    } catch {
      // The server refused (session already gone): the expiry timer ends it here.
    } finally {
      this.#pinging = false;
    }
  }

  /** Follows a (new) session, or stops with `null`. */
  track(session: Session | null) {
    this.#clear();
    this.#session = session;
    this.#warned = false;
    if (!session) return;
    this.#lastPing = Date.now(); // a session just received from the server is fresh
    const remaining = Date.parse(session.expiresAt) - Date.now();
    const lead = warningLeadMs(session.idleTimeoutSeconds);
    this.#warnTimer = setTimeout(() => {
      this.#warned = true;
      this.callbacks.warn(session.expiresAt);
    }, Math.max(0, remaining - lead));
    this.#expireTimer = setTimeout(() => {
      this.#session = null;
      this.callbacks.expire();
    }, Math.max(0, remaining));
  }

  #clear() {
    clearTimeout(this.#warnTimer);
    clearTimeout(this.#expireTimer);
  }

  hostConnected() {
    for (const type of ['pointerdown', 'keydown'] as const) document.addEventListener(type, this.#onActivity, { passive: true, capture: true });
  }

  hostDisconnected() {
    this.#clear();
    for (const type of ['pointerdown', 'keydown'] as const) document.removeEventListener(type, this.#onActivity, { capture: true });
  }
}
