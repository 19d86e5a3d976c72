import { fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { TemplateResult } from 'lit';
import { setPortalLocale } from '../../../src/internal/localization.js';
import { hostIn } from '../../../stories/checks/play.js';
import type { Args, MetaLike, StoryLike } from '../helpers/stories.js';

/** How the visual tests render a story: outside Storybook, as `test/browser/stories/stories.test.ts` does. */

/** Fixed font (installed with Debian's `fonts-dejavu-core`, as `.ci/run` makes sure), no caret. */
const FRAME_STYLE = 'display: flow-root; padding: 8px; font-family: "DejaVu Sans"; font-size: 16px; line-height: 1.5; caret-color: transparent;';

export interface Variant {
  dir: 'ltr' | 'rtl';
  theme: 'light' | 'dark';
}

/** Renders a story in a `[data-visual]` frame (the screenshot's bounds) in a direction and theme. */
export async function renderFrame(meta: MetaLike, story: StoryLike, id: string, variant: Variant) {
  const render = (story.render ?? meta.render)!;
  const args: Args = { ...meta.args, ...story.args };
  const locale = variant.dir === 'rtl' ? 'ar' : String(args.locale || 'en');
  if (variant.dir === 'rtl' && 'locale' in args) args.locale = 'ar';
  if (variant.theme === 'dark' && 'theme' in args) args.theme = 'dark';
  await setPortalLocale(locale as never);
  const template = render(args, { args, parameters: { ...meta.parameters, ...story.parameters }, id, name: story.name ?? id }) as TemplateResult;
  const background = variant.theme === 'dark' || args.theme === 'dark' ? 'background: #15181f; color-scheme: dark;' : 'background: #ffffff; color-scheme: light;';
  return fixture<HTMLElement>(html`<div data-visual lang=${locale} dir=${variant.dir} style=${FRAME_STYLE + background}>${template}</div>`);
}

/** Every element under `root`, through open shadow roots. */
function deep(root: ParentNode, out: Element[] = []): Element[] {
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) deep(el.shadowRoot, out);
  }
  return out;
}

/** What the frame shows, element by element: tag, busy mark and text length. */
const snapshot = (elements: Element[]) =>
  elements.map((el) => `${el.localName}${el.getAttribute('aria-busy') === 'true' ? '!' : ''}:${el.shadowRoot ? '' : el.textContent?.length ?? 0}`).join('|');

/** The next animation frame (the page is in the foreground: the runner shows one page at a time). */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Waits until the frame shows its story's final state: the story's element (`parameters.host`) has settled by
 * the story's own condition (`parameters.settled`, as in the stories test), nothing is busy (except stories that
 * stay loading), the DOM is the same over three animation frames, fonts and images have loaded, and nothing has
 * focus (no caret, no focus ring that depends on timing).
 */
export async function settle(frame: HTMLElement, check: { host: string; settled: (el: HTMLElement) => boolean }, staysBusy: boolean) {
  const el = hostIn(frame, check.host);
  if (!el) throw new Error(`no <${check.host}> in the story`);
  await waitUntil(() => check.settled(el), 'story did not settle', { timeout: 8000 });
  await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  let previous = '';
  let same = 0;
  await waitUntil(async () => {
    const current = snapshot(deep(frame));
    const busy = !staysBusy && current.includes('!:');
    same = current === previous && !busy ? same + 1 : 0;
    previous = current;
    await nextFrame();
    return same >= 3;
  }, 'story kept changing (or stayed busy)', { timeout: 8000, interval: 0 });
  await document.fonts.ready;
  await waitUntil(() => deep(frame).every((node) => !(node instanceof HTMLImageElement) || node.complete), 'images did not load', { timeout: 8000 });
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  (active as HTMLElement | null)?.blur?.();
  await nextFrame();
  await nextFrame();
}
