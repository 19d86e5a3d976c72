import { ContextConsumer } from '@lit/context';
import { Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PortalAdapter } from '../contract/adapter.js';
import type { Session } from '../contract/session.js';
import type { PublicSettings } from '../contract/settings.js';
import { adapterContext, servicesContext, sessionContext, settingsContext, type PortalServices } from './context.js';
import { PortalElement } from './portal-element.js';

/** An element that may sit inside `<customer-portal>` or stand alone with its own `adapter`. */
export type PortalContextHost = ReactiveControllerHost & HTMLElement & { adapter?: PortalAdapter };

export interface PortalContextOptions {
  /** Load the session too when standing alone (the sign-in form does not need it). Default: true. */
  session?: boolean;
  /** The language to ask the backend for when standing alone. */
  locale?: () => string;
  /** Runs before standalone settings are requested, and after they arrived (e.g. to switch the language). */
  onStandaloneSettings?: (settings: PublicSettings | undefined, requested: string) => Promise<void> | void;
}

/**
 * The one way every portal element gets what it works with: the adapter, the public settings, the session and
 * the shell's services. Inside `<customer-portal>` they come from its context; an element on its own (only
 * `.adapter` set) loads settings and session itself. The host re-renders when they change, but work keyed on
 * `userId`/`audience` (plain strings) sees a refreshed session of the same person as no change at all.
 */
export class PortalContextController implements ReactiveController {
  hostConnected() {}

  readonly #host: PortalContextHost;
  readonly #adapter: ContextConsumer<typeof adapterContext, PortalContextHost>;
  readonly #settings: ContextConsumer<typeof settingsContext, PortalContextHost>;
  readonly #session: ContextConsumer<typeof sessionContext, PortalContextHost>;
  readonly #services: ContextConsumer<typeof servicesContext, PortalContextHost>;
  #ownSession?: Session | null;
  readonly #standalone: Task<readonly [PortalAdapter | undefined, string], PublicSettings | undefined>;

  constructor(host: PortalContextHost, options: PortalContextOptions = {}) {
    this.#host = host;
    this.#adapter = new ContextConsumer(host, { context: adapterContext, subscribe: true });
    this.#settings = new ContextConsumer(host, { context: settingsContext, subscribe: true });
    this.#session = new ContextConsumer(host, { context: sessionContext, subscribe: true });
    this.#services = new ContextConsumer(host, { context: servicesContext, subscribe: true });
    this.#standalone = new Task(host, {
      args: () => [this.inPortal ? undefined : host.adapter, options.locale?.() ?? ''] as const,
      task: async ([adapter, requested], { signal }) => {
        if (!adapter) return undefined;
        await options.onStandaloneSettings?.(undefined, requested);
        const settings = await adapter.getSettings({ signal, locale: requested || undefined });
        await options.onStandaloneSettings?.(settings, requested);
        if (options.session !== false) this.#ownSession = settings.enabled ? await adapter.getSession({ signal }) : null;
        return settings;
      },
    });
    host.addController(this);
  }

  /** True inside a `<customer-portal>` (its services answered). */
  get inPortal(): boolean {
    return this.#services.value !== undefined;
  }

  /** The element's own `adapter`, else the portal's. */
  get adapter(): PortalAdapter | undefined {
    return this.#host.adapter ?? this.#adapter.value;
  }

  get settings(): PublicSettings | undefined {
    return this.inPortal ? this.#settings.value : this.#standalone.value;
  }

  /** `undefined` while unknown, `null` when signed out. */
  get session(): Session | null | undefined {
    if (this.inPortal) return this.#session.value;
    return this.#standalone.value ? this.#ownSession : undefined;
  }

  get services(): PortalServices | undefined {
    return this.#services.value;
  }

  /** Who is signed in, as a plain key ('' when nobody): the same after a session refresh. */
  get userId(): string {
    const session = this.session;
    return session ? String(session.user.id) : '';
  }

  /** Who is signed in and what they may see (`<id>:company`), for work that depends on both. */
  get audience(): string {
    const session = this.session;
    return session ? `${session.user.id}:${session.canViewCompany ? 'company' : 'own'}` : '';
  }

  /** The standalone load: pending, failed or done (inside a portal, the portal shows these states). */
  get standalone() {
    return this.#standalone;
  }

  /** A standalone element learned of a new session itself (e.g. it signed in). */
  setSession(session: Session | null) {
    if (this.inPortal) this.services!.setSession(session);
    else {
      this.#ownSession = session;
      this.#host.requestUpdate();
    }
  }
}

/**
 * Base of the views that work inside `<customer-portal>` or on their own (their `adapter` property set): the
 * adapter, settings, session and services come from one `PortalContextController`, read through the getters here.
 */
export class PortalViewElement extends PortalElement {
  /** Adapter, settings, session and services: from the surrounding portal, or loaded through `adapter`. */
  protected readonly portal = new PortalContextController(this);

  protected get settings() {
    return this.portal.settings;
  }

  /** `undefined` while unknown, `null` when signed out. */
  protected get session() {
    return this.portal.session;
  }

  protected get services() {
    return this.portal.services;
  }
}
