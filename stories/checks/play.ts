import { expect, use } from '@esm-bundle/chai';
import { waitUntil as openWcWaitUntil } from '@open-wc/testing-helpers';
import { chaiA11yAxe } from 'chai-a11y-axe';

// The pieces of `@open-wc/testing` that also bundle for Storybook (its DOM-diff plugin needs the test runner).
use(chaiA11yAxe);
export { expect };

/**
 * How stories carry their checks. A story's `play` (run by Storybook's interactions panel, and by the browser
 * test `test/browser/stories/stories.test.ts` for every story) waits until the story's element has settled,
 * then checks what the story promises. The meta's `parameters` name the element the checks look at (`host`:
 * the component, or the `<customer-portal>` that provides its context) and when it counts as settled; a story
 * may override `settled`. Assertions are chai's, with axe's `accessible()`, as in every browser test.
 */

/**
 * Waits until `predicate` holds: `waitUntil` of `@open-wc/testing-helpers` (polls every 50 ms), with a 5 s deadline
 * instead of its 1 s, so a loaded machine does not fail a wait that only takes longer. Browser tests use it too.
 */
export function waitUntil(predicate: () => unknown, message?: string, { timeout = 5000, interval = 50 } = {}): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout, interval });
}

/** When a story's element counts as settled (data loaded, asynchronous strings and sanitized texts shown). */
export type Settled = (el: HTMLElement) => boolean;
/** A story's checks, run on its element once it has settled. */
export type Check = (el: HTMLElement) => void | Promise<void>;

/** The parameters the checks read. */
export interface CheckParameters {
  /** The element the checks look at: the story's component, or the element that provides its context. */
  host: string;
  /** When `host` counts as settled. */
  settled: Settled;
}

/** What a play function needs of Storybook's story context (the browser test passes the same). */
export interface PlayContext {
  canvasElement: HTMLElement;
  parameters: Partial<CheckParameters> & Record<string, unknown>;
}

/** The story's `host` element under (or at) the canvas. */
export function hostIn(canvas: HTMLElement, tag: string): HTMLElement | null {
  return canvas.localName === tag ? canvas : canvas.querySelector<HTMLElement>(tag);
}

/** The settled host element of a story: waits (up to 5 s) for its `settled` condition and its next update. */
export async function settledHost(context: PlayContext): Promise<HTMLElement> {
  const { host, settled } = context.parameters;
  if (!host || !settled) throw new Error('the story meta needs parameters.host and parameters.settled');
  const el = hostIn(context.canvasElement, host);
  if (!el) throw new Error(`no <${host}> in the story`);
  await waitUntil(() => settled(el), `<${host}> did not settle`, { timeout: 5000 });
  await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  return el;
}

/** A story's checks as Storybook fields: a `play` that settles and checks, and the story's own `settled`. */
export interface CheckedStory {
  play: (context: PlayContext) => Promise<void>;
  parameters?: { settled: Settled };
}

/** Story fields (`...checked(check)`) whose `play` waits for the story to settle and then runs `check`. */
export function checked(check: Check, settled?: Settled): CheckedStory {
  return {
    ...(settled ? { parameters: { settled } } : {}),
    play: async (context) => { await check(await settledHost(context)); },
  };
}

// Queries shared by the elements' checks.

export const shadow = (el: Element) => el.shadowRoot!;
/** Text with runs of whitespace squashed to one space, trimmed. */
export const squash = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() ?? '';
export const text = (el: Element) => squash(shadow(el).textContent);
/** The portal's title. */
export const title = (el: Element) => shadow(el).querySelector('[part="title"]')?.textContent?.trim();
/** The portal's navigation entries. */
export const navLinks = (el: Element) => [...shadow(el).querySelectorAll('nav a')].map((a) => a.textContent?.trim());
/** The button named `name` (its text) in `root`. */
export const buttonIn = (root: ParentNode, name: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => squash(b.textContent) === name);
/** The options of a `<view-switcher>`. */
export const switcherOptions = (el: Element) => [...(el.shadowRoot?.querySelectorAll('label') ?? [])].map((l) => l.textContent?.trim());
/** Resolves with the next event of `type` on `target`. */
export const nextEvent = <E extends Event>(target: EventTarget, type: string) =>
  new Promise<E>((resolve) => target.addEventListener(type, (event) => resolve(event as E), { once: true }));
