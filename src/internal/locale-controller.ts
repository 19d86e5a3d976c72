import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import { localeContext } from './context.js';
import { isCatalogueLoaded, loadCatalogue, onTranslationsChange, SOURCE_LOCALE, speak } from './messages.js';
import { matchLocale } from './localization.js';

export type LocaleHost = ReactiveElement & { locale?: string };

/** Events during which an element's own language is current (their handlers may produce texts). */
const EVENTS = ['click', 'input', 'change', 'submit', 'keydown', 'focusout', 'paste', 'dragover', 'drop', 'toggle', 'close', 'cancel'];

const connected = new Set<LocaleController>();
let pageLocale: string | undefined;

/**
 * One element's language, without anything page-global: its own choice (`decidedLocale()`, the shell's
 * resolved language, or its `locale` attribute), else its portal's (context), else the nearest `lang` (the
 * document's), else `fallback` (the admin's default language, for a sign-in form on its own), else the page
 * default (`setPortalLocale`), else English. The element re-renders when it changes.
 */
export class LocaleController implements ReactiveController {
  /** Used when nothing else names a language the portal speaks. */
  fallback = '';
  readonly #host: LocaleHost;
  readonly #portal: ContextConsumer<typeof localeContext, LocaleHost>;
  #stop?: () => void;

  constructor(host: LocaleHost) {
    this.#host = host;
    this.#portal = new ContextConsumer(host, { context: localeContext, subscribe: true });
    host.addController(this);
  }

  get locale(): string {
    const host = this.#host as LocaleHost & { decidedLocale?(): string | undefined };
    const lang = typeof host.closest === 'function' ? host.closest('[lang]')?.getAttribute('lang') : undefined;
    return matchLocale(host.decidedLocale?.(), host.locale, this.#portal.value, lang, this.fallback, pageLocale) ?? SOURCE_LOCALE;
  }

  /** Makes the element's language current (for texts made after an answer arrived or a timer fired). */
  readonly speak = () => speak(this.locale);

  /** Listens on the element's shadow root, so that handlers of events inside it speak its language. */
  listen(root: EventTarget) {
    for (const type of EVENTS) root.addEventListener(type, this.speak, { capture: true });
  }

  hostConnected() {
    connected.add(this);
    this.#stop = onTranslationsChange(() => this.#host.requestUpdate());
  }

  hostDisconnected() {
    connected.delete(this);
    this.#stop?.();
  }

  /** Before each render: the language's texts are there, or arrive and the element renders again. */
  hostUpdate() {
    const locale = this.locale;
    if (!isCatalogueLoaded(locale)) void loadCatalogue(locale).then(() => this.#host.requestUpdate());
  }

  /** Re-renders the element (the page default changed). */
  refresh() {
    this.#host.requestUpdate();
  }
}

/** Sets the page's default language and waits for its texts. */
export async function setPageLocale(locale: string): Promise<void> {
  await loadCatalogue(locale);
  if (pageLocale === locale) return;
  pageLocale = locale;
  for (const controller of connected) controller.refresh();
}
