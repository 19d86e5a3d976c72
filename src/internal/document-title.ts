import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Lets an element set `document.title` while it wants to (`show(title)`), and gives the page its own title back
 * when it stops wanting to (`show(null)`) or leaves the document.
 */
export class DocumentTitleController implements ReactiveController {
  #titleBefore: string | null = null;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** The title to show, or `null` for the page's own. */
  show(wanted: string | null | undefined) {
    if (wanted) {
      this.#titleBefore ??= document.title;
      document.title = wanted;
    } else this.hostDisconnected();
  }

  hostDisconnected() {
    if (this.#titleBefore !== null) document.title = this.#titleBefore;
    this.#titleBefore = null;
  }
}
