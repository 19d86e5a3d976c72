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
  #enabled = true;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  #skipFocus = false;

  readonly #onHashChange = () => {
    this.route = parseRoute(location.hash);
    this.navigated = !this.#skipFocus;
    this.#skipFocus = false;
    this.host.requestUpdate();
  };

  set enabled(on: boolean) {
    if (on === this.#enabled) return;
    this.#enabled = on;
    if (on) this.hostConnected();
    else window.removeEventListener('hashchange', this.#onHashChange);
  }

  hostConnected() {
    if (!this.#enabled) return;
    this.route = parseRoute(location.hash);
    window.addEventListener('hashchange', this.#onHashChange);
  }

  hostDisconnected() {
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  /** Goes to a route; `replace` swaps the current history entry (e.g. while typing a search). */
  navigate(route: Route, options: { replace?: boolean; focus?: boolean } = {}) {
    const hash = formatRoute(route);
    if (this.#enabled && location.hash !== hash) {
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
