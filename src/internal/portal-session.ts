import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PortalAdapter } from '../contract/adapter.js';
import { UnauthenticatedError } from '../contract/errors.js';
import type { Session } from '../contract/session.js';
import { sessionContext } from './context.js';
import { clearDraftsOf } from './drafts.js';
import { PortalErrorEvent, PortalSessionExpiringEvent, PortalSignedOutEvent, type SignOutReason } from './events.js';
import { openSessionChannel } from './session-channel.js';
import { SessionTimerController } from './session-timer.js';

export type PortalSessionHost = ReactiveControllerHost & HTMLElement;

export interface PortalSessionOptions {
  /** The backend the session lives in (asked each time: the host's adapter may change). */
  adapter(): PortalAdapter | undefined;
  /** A session began here (sign-in form) or in another tab, while nobody was signed in. */
  started?(): void;
  /** The session ended (the `portal-signed-out` event follows). */
  ended?(reason: SignOutReason): void;
}

/**
 * The session lifecycle of a portal shell: provides the session to the elements inside it (`sessionContext`),
 * takes a new one (sign-in here or in another tab), ends it (sign-out, idle timeout, another tab, a view that
 * found it gone on the server), follows the idle timeout with its "Stay signed in" warning, and ignores late
 * answers about an earlier session (each start and end counts as a new epoch).
 */
export class PortalSessionController implements ReactiveController {
  readonly #host: PortalSessionHost;
  readonly #options: PortalSessionOptions;
  readonly #provider: ContextProvider<typeof sessionContext, PortalSessionHost>;
  readonly #timer: SessionTimerController;
  #channel?: ReturnType<typeof openSessionChannel>;
  /** Counts session starts and ends, so late answers about an earlier session are ignored. */
  #epoch = 0;
  /** The "Stay signed in" warning is due (the idle timeout is a minute away). */
  expiring = false;

  constructor(host: PortalSessionHost, options: PortalSessionOptions) {
    this.#host = host;
    this.#options = options;
    this.#provider = new ContextProvider(host, { context: sessionContext, initialValue: undefined });
    this.#timer = new SessionTimerController(host, {
      extend: async () => {
        const epoch = this.#epoch;
        const session = await options.adapter()!.extendSession();
        // Signed out (or in as someone else) while the ping was under way: its answer no longer counts.
        if (epoch !== this.#epoch || !this.session) return null;
        this.#set(session);
        return session;
      },
      warn: (expiresAt) => {
        this.expiring = true;
        host.requestUpdate();
        host.dispatchEvent(new PortalSessionExpiringEvent({ expiresAt }));
      },
      expire: () => void this.end('expired'),
    });
    host.addController(this);
  }

  /** `undefined` while unknown, `null` when signed out. */
  get session(): Session | null | undefined {
    return this.#provider.value;
  }

  #set(session: Session | null) {
    this.#provider.setValue(session);
    this.#host.requestUpdate();
  }

  /** The session as the backend reported it when the portal loaded (no sign-in happened here). */
  loaded(session: Session | null) {
    this.#set(session);
    this.#timer.track(session);
  }

  /** A session started here (sign-in form) or in another tab (`broadcast: false`), or was refreshed. */
  take(session: Session | null, broadcast = true) {
    const wasSignedOut = !this.session;
    if (wasSignedOut || !session) this.#epoch++;
    this.#set(session);
    this.#timer.track(session);
    if (!session || !wasSignedOut) return;
    if (broadcast) this.#channel?.post({ type: 'signed-in' });
    this.#options.started?.();
  }

  /** Ends the session: on the server (best effort), in every tab, and in this element. */
  async end(reason: SignOutReason) {
    const session = this.session;
    if (!session) return;
    this.#epoch++;
    this.#timer.track(null);
    this.expiring = false;
    // Drafts stay on a shared computer no longer than the session: cleared on sign-out and on idle sign-out.
    if (reason === 'sign-out' || reason === 'expired') clearDraftsOf(session.user.id);
    if (reason !== 'other-tab') {
      this.#channel?.post({ type: 'signed-out', reason: reason === 'expired' ? 'expired' : 'sign-out' });
      await this.#options.adapter()?.signOut().catch(() => undefined);
    }
    this.#set(null);
    this.#options.ended?.(reason);
    this.#host.dispatchEvent(new PortalSignedOutEvent({ reason }));
  }

  /** "Stay signed in": closes the warning and extends the session now. */
  stay() {
    this.expiring = false;
    this.#host.requestUpdate();
    return this.#timer.extend();
  }

  /** A view's request found the session gone on the server: end it here too. */
  readonly #onViewError = (event: Event) => {
    const { error } = (event as PortalErrorEvent).detail;
    if (error instanceof UnauthenticatedError && this.session) void this.end(error.reason === 'access-revoked' ? 'access-revoked' : 'ended');
  };

  hostConnected() {
    this.#host.addEventListener(PortalErrorEvent.eventName, this.#onViewError);
    this.#channel = openSessionChannel((message) => {
      if (message.type === 'signed-out') void this.end('other-tab');
      else void this.#options.adapter()?.getSession().then((session) => session && this.take(session, false), () => undefined);
    });
  }

  hostDisconnected() {
    this.#host.removeEventListener(PortalErrorEvent.eventName, this.#onViewError);
    this.#channel?.close();
    this.#channel = undefined;
  }
}
