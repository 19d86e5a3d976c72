import { ContextProvider } from '@lit/context';
import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { PortalAdapter } from '../contract/adapter.js';
import { PortalError, UnavailableError } from '../contract/errors.js';
import type { Session } from '../contract/session.js';
import type { PublicSettings } from '../contract/settings.js';
import { localeContext, settingsContext } from './context.js';
import { PortalErrorEvent, PortalReadyEvent } from './events.js';
import { resolveLocale } from './localization.js';
import { loadCatalogue, msg } from './messages.js';
import { offeredLocale } from './offered-locale.js';

export type PortalSettingsHost = ReactiveControllerHost & HTMLElement;

export interface PortalSettingsOptions {
  /** The backend to load from (asked each time: a new adapter loads again). */
  adapter(): PortalAdapter | undefined;
  /** The language the page or the host asks for (`null`: none, the portal's default language applies). */
  requestedLocale(): string | null;
  /** Makes the host's language current, for texts made after an answer arrived. */
  speak(): void;
  /** Settings and session are loaded (the session is `null` when the portal is off or nobody is signed in). */
  loaded(settings: PublicSettings, session: Session | null): void;
}

/**
 * Loads a portal's public settings and the session, and decides its language: a requested language applies at
 * once (so loading and error states speak it too), then the language the portal offers for it. Provides the
 * settings (`settingsContext`) and the language (`localeContext`) to the elements inside the host, and fires
 * `portal-ready` or `portal-error`. `task` is the load: render its states, or `run()` it again.
 */
export class PortalSettingsController {
  readonly #settings: ContextProvider<typeof settingsContext, PortalSettingsHost>;
  readonly #locale: ContextProvider<typeof localeContext, PortalSettingsHost>;
  readonly task: Task<readonly [PortalAdapter | undefined, string | null], { settings: PublicSettings; session: Session | null }>;

  constructor(host: PortalSettingsHost, options: PortalSettingsOptions) {
    this.#settings = new ContextProvider(host, { context: settingsContext, initialValue: undefined });
    this.#locale = new ContextProvider(host, { context: localeContext, initialValue: undefined });
    const setSettings = (settings: PublicSettings | undefined) => {
      this.#settings.setValue(settings);
      host.requestUpdate();
    };
    this.task = new Task(host, {
      args: () => [options.adapter(), options.requestedLocale()] as const,
      task: async ([adapter, requested], { signal }) => {
        if (requested) await this.#useLocale(host, resolveLocale(requested));
        options.speak();
        if (!adapter) throw new UnavailableError(msg('The portal is not set up: the "api-base" attribute or an adapter is missing.', { id: 'portal.no-adapter' }));
        // Settings and session are asked for together (one round trip before the sign-in form, not two).
        const session = adapter.getSession({ signal }).then((value) => ({ value }), (error: unknown) => ({ error }));
        const settings = await adapter.getSettings({ signal, locale: requested ?? undefined });
        await this.#useLocale(host, offeredLocale(requested, settings));
        if (!settings.enabled) return { settings, session: null };
        const answer = await session;
        if ('error' in answer) throw answer.error;
        return { settings, session: answer.value };
      },
      onComplete: ({ settings, session }) => {
        setSettings(settings);
        options.loaded(settings, session);
        host.dispatchEvent(new PortalReadyEvent({ name: settings.name }));
      },
      onError: (error) => {
        setSettings(undefined);
        if (error instanceof PortalError) host.dispatchEvent(new PortalErrorEvent({ error }));
      },
    });
  }

  /** The portal's public settings once loaded. */
  get settings(): PublicSettings | undefined {
    return this.#settings.value;
  }

  /** The language the portal decided on (until then, `undefined`: the requested one applies). */
  get locale(): string | undefined {
    return this.#locale.value;
  }

  /** Switches the portal (and the elements in it) to a language once its texts are loaded. */
  async #useLocale(host: PortalSettingsHost, locale: string) {
    await loadCatalogue(locale);
    this.#locale.setValue(locale);
    host.requestUpdate();
  }
}
