/** How long typing pauses before a draft is saved. */
export const DRAFT_DELAY_MS = 400;

/**
 * Saves a draft shortly after typing pauses (`schedule()`), at once when asked (`flush()`, e.g. when the page is
 * hidden or the element leaves), or not at all (`cancel()`, e.g. once the text was sent).
 */
export class DraftTimer {
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly save: () => void) {}

  /** A save is waiting. */
  get pending(): boolean {
    return this.#timer !== undefined;
  }

  schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), DRAFT_DELAY_MS);
  }

  flush() {
    this.cancel();
    this.save();
  }

  cancel() {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
