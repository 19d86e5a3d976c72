import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadElement, needsLoading } from '../../internal/lazy-elements.js';
import type { Route } from '../../internal/router.js';

/** The elements (default tags) the shell shows for a route; the sign-in form is always at hand. */
export function viewTags(route: Route, signedIn: boolean): string[] {
  if (!signedIn) return [];
  switch (route.name) {
    case 'tickets':
    case 'signin':
      return ['ticket-list'];
    case 'ticket':
      return ['ticket-detail'];
    case 'new':
      return ['support-form'];
    default:
      return [];
  }
}

/**
 * Whether the view's elements are ready; starts loading those registered on first use (the self-contained
 * `define`) and renders the host again once they are defined. A failed load is reported and tried again on the
 * next render.
 */
export function viewReady(host: ReactiveControllerHost, tags: readonly string[]): boolean {
  const missing = tags.filter(needsLoading);
  for (const tag of missing) {
    loadElement(tag).then(
      () => host.requestUpdate(),
      (error: unknown) => console.error(`customer-portal-elements: <${tag}> could not be loaded.`, error),
    );
  }
  return missing.length === 0;
}

/**
 * The shell's views registered on first use: `ready()` tells whether a view's elements are defined (and starts
 * loading them); the ticket list starts loading as soon as focus enters the signed-out portal (someone is about to
 * sign in), so the first rows do not wait for its code.
 */
export class ViewElementsController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #signedOut: () => boolean;
  #onFocus = () => {
    if (this.#signedOut() && needsLoading('ticket-list')) void loadElement('ticket-list').catch(() => undefined);
  };

  constructor(host: ReactiveControllerHost & HTMLElement, signedOut: () => boolean) {
    (this.#host = host).addController(this);
    this.#signedOut = signedOut;
  }

  /** Whether the route's view can render now (see {@link viewReady}). */
  ready(route: Route, signedIn: boolean): boolean {
    return viewReady(this.#host, viewTags(route, signedIn));
  }

  hostConnected() {
    this.#host.addEventListener('focusin', this.#onFocus);
  }

  hostDisconnected() {
    this.#host.removeEventListener('focusin', this.#onFocus);
  }
}
