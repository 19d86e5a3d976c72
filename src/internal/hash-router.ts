import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatRoute, parseRoute, type Route } from './router.js';

/**
 * Keeps a host's route in step with `location.hash` (deep links, back button), or, with routing off,
 * in memory only. `navigated` is true after any navigation since the first render, so views know when to
 * move focus (never on page load).
 */
export class HashRouterController implements ReactiveController {
  route: Route = { name: 'tickets', params: new URLSearchParams() };
  navigated = false;
  #listening = false;

  /** `enabled` is asked each time, so the host's `routing` attribute is honored from the first connection on. */
  constructor(private readonly host: ReactiveControllerHost, private readonly enabled: () => boolean) {
    host.addController(this);
  }

  #skipFocus = false;

  readonly #onHashChange = () => {
    this.route = parseRoute(location.hash);
    this.navigated = !this.#skipFocus;
    this.#skipFocus = false;
    this.host.requestUpdate();
  };

  /** Set while the host is in a document; never on the server (Lit SSR), where there is no `location`. */
  #connected = false;

  /** Starts or stops following the hash after the host's `routing` changed. */
  sync() {
    if (!this.#connected) return;
    if (this.enabled() && !this.#listening) this.#listen();
    if (!this.enabled() && this.#listening) this.#stop();
  }

  hostConnected() {
    this.#connected = true;
    if (this.enabled()) this.#listen();
  }

  hostDisconnected() {
    this.#connected = false;
    this.#stop();
  }

  #listen() {
    this.route = parseRoute(location.hash);
    window.addEventListener('hashchange', this.#onHashChange);
    this.#listening = true;
  }

  #stop() {
    window.removeEventListener('hashchange', this.#onHashChange);
    this.#listening = false;
  }

  /** Goes to a route; `replace` swaps the current history entry (e.g. while typing a search). */
  navigate(route: Route, options: { replace?: boolean; focus?: boolean } = {}) {
    const hash = formatRoute(route);
    if (this.enabled() && location.hash !== hash) {
      if (!options.replace) {
        location.hash = hash; // hashchange updates the route
        if (options.focus === false) this.#skipFocus = true;
        return;
      }
      history.replaceState(history.state, '', hash);
    }
    this.route = route;
    this.navigated = options.focus ?? !options.replace;
    this.host.requestUpdate();
  }
}
