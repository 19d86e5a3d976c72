import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';

/**
 * The portal's one polite live region. Repeating the same message is still announced: the text is cleared
 * first and set again shortly after.
 */
export class LiveRegionController implements ReactiveController {
  message = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  announce(message: string) {
    clearTimeout(this.#timer);
    this.message = '';
    this.host.requestUpdate();
    this.#timer = setTimeout(() => {
      this.message = message;
      this.host.requestUpdate();
    }, 50);
  }

  hostDisconnected() {
    clearTimeout(this.#timer);
  }

  render() {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.message}</div>`;
  }
}
