import { fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { setPortalLocale } from '../../../src/internal/localization.js';

/** How the visual tests render a story: outside Storybook, as `test/browser/stories/stories.test.ts` does. */
export type Args = Record<string, unknown>;
type RenderFn = (args: Args, context: unknown) => unknown;
export interface StoryLike { name?: string; args?: Args; render?: RenderFn }
export interface MetaLike { title?: string; component?: string; args?: Args; render?: RenderFn }

/** CSF named exports that are stories. */
export function storiesOf(module: Record<string, unknown>) {
  return Object.entries(module)
    .filter(([name]) => name !== 'default' && name !== '__namedExportsOrder')
    .map(([name, story]) => ({ name, story: story as StoryLike }));
}

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
  const template = render(args, { args, id, name: story.name ?? id }) as TemplateResult;
  const background = variant.theme === 'dark' || args.theme === 'dark' ? 'background: #15181f; color-scheme: dark;' : 'background: #ffffff; color-scheme: light;';
  return fixture<HTMLElement>(html`<div data-visual lang=${locale} dir=${variant.dir} style=${FRAME_STYLE + background}>${template}</div>`);
}

/** Every element under `root`, through open shadow roots. */
function deep(root: ParentNode, out: string[] = []): string[] {
  for (const el of root.querySelectorAll('*')) {
    out.push(`${el.localName}${el.getAttribute('aria-busy') === 'true' ? '!' : ''}:${el.shadowRoot ? '' : el.textContent?.length ?? 0}`);
    if (el.shadowRoot) deep(el.shadowRoot, out);
  }
  return out;
}

const poll = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));

/**
 * Waits until the frame shows its story's final state: nothing busy (except stories that stay loading), the
 * same DOM over three polls, fonts loaded, and no focus (no caret, no focus ring that depends on timing).
 */
export async function settle(frame: HTMLElement, staysBusy: boolean) {
  const deadline = performance.now() + 8000;
  let previous = '';
  let same = 0;
  await waitUntil(async () => {
    const snapshot = deep(frame).join('|');
    const busy = !staysBusy && snapshot.includes('!:');
    const rendered = frame.querySelector('*')?.shadowRoot?.childElementCount !== 0;
    same = snapshot === previous && !busy && rendered ? same + 1 : 0;
    previous = snapshot;
    if (performance.now() > deadline) return true;
    await poll();
    return same >= 3;
  }, 'story did not settle', { timeout: 10000, interval: 0 });
  await document.fonts.ready;
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  (active as HTMLElement | null)?.blur?.();
  await poll();
}
