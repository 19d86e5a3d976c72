/**
 * Elements registered on first use. The self-contained `define` entry registers the shell and the sign-in form at
 * once and the ticket list, ticket detail and support form only when a page or a portal needs them, so the sign-in
 * form does not wait for code it does not run. A loader imports the element's own `define` module.
 *
 * Kept on `globalThis` under a `Symbol.for` key, like the scoped registries: the shell of one bundle finds the
 * loaders another bundle registered.
 */
export type ElementLoader = () => Promise<unknown>;

interface LazyState {
  loaders: Map<string, ElementLoader>;
  loading: Map<string, Promise<void>>;
}

const state = ((globalThis as Record<symbol, unknown>)[Symbol.for('customer-portal-elements:lazy-elements')] ??= {
  loaders: new Map(),
  loading: new Map(),
}) as LazyState;

/** Registers how to load each tag (the tags a page or a shell may find undefined). */
export function setElementLoaders(loaders: Record<string, ElementLoader>): void {
  for (const [tag, loader] of Object.entries(loaders)) state.loaders.set(tag, loader);
}

/** Whether `tag` still has to be loaded before it can render (a loader is known and nothing defined it yet). */
export function needsLoading(tag: string): boolean {
  return state.loaders.has(tag) && !customElements.get(tag);
}

/**
 * Loads the element behind `tag` once; resolves when it is defined (at once when it is, or when no loader is known).
 * A failed load (offline) may be tried again by the next call.
 */
export function loadElement(tag: string): Promise<void> {
  const loader = state.loaders.get(tag);
  if (!loader || customElements.get(tag)) return Promise.resolve();
  let loading = state.loading.get(tag);
  if (!loading) {
    loading = loader().then(
      () => undefined,
      (error: unknown) => {
        state.loading.delete(tag);
        throw error;
      },
    );
    state.loading.set(tag, loading);
  }
  return loading;
}

/** The lazily registered tags nothing defined yet. */
const pendingTags = () => [...state.loaders.keys()].filter((tag) => !customElements.get(tag));

/** Loads every pending tag that appears in `root` (the element itself or below it): one selector for all of them. */
function loadFound(root: ParentNode & Node, pending: readonly string[]): void {
  const selector = pending.join(',');
  if (!selector) return;
  const found = new Set<string>();
  if (root instanceof Element && root.matches(selector)) found.add(root.localName);
  for (const el of root.querySelectorAll(selector)) found.add(el.localName);
  for (const tag of found) void loadElement(tag).catch(reportFailure);
}

function reportFailure(error: unknown) {
  console.error('customer-portal-elements: an element could not be loaded.', error);
}

/**
 * Watches the page for lazily registered tags: those already in the document load now, those added later as soon
 * as they are inserted. (Inside a shadow root of your own, import the element's entry, e.g. `cdn/ticket-list.js`.)
 */
export function loadElementsOnFirstUse(document: Document): void {
  loadFound(document, pendingTags());
  const observer = new MutationObserver((records) => {
    const pending = pendingTags();
    if (pending.length === 0) return observer.disconnect();
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) loadFound(node, pending);
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}
