import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';

/**
 * The portal's one polite live region. Repeating the same message is still announced: the text is cleared
 * first and set again on the next frame.
 */
export class LiveRegionController implements ReactiveController {
  message = '';
  #frame = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  announce(message: string) {
    cancelAnimationFrame(this.#frame);
    this.message = '';
    this.host.requestUpdate();
    this.#frame = requestAnimationFrame(() => {
      this.message = message;
      this.host.requestUpdate();
    });
  }

  hostDisconnected() {
    cancelAnimationFrame(this.#frame);
  }

  render() {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.message}</div>`;
  }
}
