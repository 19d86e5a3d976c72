import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { TemplateResult } from 'lit';
import { setPortalLocale, SOURCE_LOCALE } from '../../../src/internal/localization.js';
import { checks as customerPortalChecks } from '../../../stories/checks/customer-portal.js';
import type { CheckParameters, PlayContext } from '../../../stories/checks/play.js';
import { hostIn } from '../../../stories/checks/play.js';
import { checks as portalLoginChecks } from '../../../stories/checks/portal-login.js';
import { checks as supportFormChecks } from '../../../stories/checks/support-form.js';
import { checks as ticketDetailChecks } from '../../../stories/checks/ticket-detail.js';
import { checks as ticketListChecks } from '../../../stories/checks/ticket-list.js';
import { checks as viewSwitcherChecks } from '../../../stories/checks/view-switcher.js';
import { expectDeclaredApi } from '../helpers/declared-api.js';
import { storiesOf, storyFiles, type Args, type MetaLike, type StoryLike } from '../helpers/stories.js';

/**
 * Every story is a test fixture. For every story of every stories file: render it outside Storybook (meta args +
 * story args, then `story.render ?? meta.render`; decorators and loaders are not applied), wait until its element
 * has settled (`parameters.settled` on the element named by `parameters.host`), check that it has no axe
 * violations (WCAG 2.2 AA, as `chai-a11y-axe` runs it), run the story's `play` (its own checks, kept beside the
 * stories in `stories/checks/`), and check that it renders only parts, slots and custom properties its JSDoc
 * declares. Then the same story again in Arabic: right to left, mirrored, axe clean.
 */

/** The checks each stories file takes from `stories/checks/`: every one must be a story's `play`. */
const checksOf: Record<string, Record<string, { play: unknown }>> = {
  'customer-portal': customerPortalChecks,
  'portal-login': portalLoginChecks,
  'ticket-list': ticketListChecks,
  'ticket-detail': ticketDetailChecks,
  'support-form': supportFormChecks,
  'view-switcher': viewSwitcherChecks,
};

/** Stories whose own settle condition holds in any language (the others' may wait for English strings). */
const SETTLES_IN_ANY_LANGUAGE = /Loading|LoadError|Pending|Sending/;

type Parameters = Partial<CheckParameters> & Record<string, unknown>;

/** Renders a story (optionally wrapped) and finds the element its checks look at. */
async function renderStory(file: string, name: string, story: StoryLike, args: Args, wrap = (t: TemplateResult) => t) {
  const meta = storyFiles[file].default as MetaLike;
  const render = story.render ?? meta.render;
  expect(render, `${name}: story.render or meta.render`).to.be.a('function');
  const parameters: Parameters = { ...meta.parameters, ...story.parameters };
  const template = render!(args, { args, parameters, id: `${file}--${name}`, name: story.name ?? name }) as TemplateResult;
  const canvasElement = await fixture<HTMLElement>(wrap(template));
  expect(parameters.host, `${file}: meta parameters.host`).to.be.a('string');
  // A story may wrap its element (e.g. in a dark or `lang` container), or show it inside the host that provides
  // its context: the checks are about the host.
  const el = hostIn(canvasElement, parameters.host!)!;
  expect(el, `${name}: a <${parameters.host}> element`).to.exist;
  const context: PlayContext = { canvasElement, parameters };
  return { canvasElement, el, parameters, context };
}

async function settle(el: HTMLElement, settled: (el: HTMLElement) => boolean, what: string) {
  await waitUntil(() => settled(el), `${what} did not settle`, { timeout: 5000 });
  await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
}

describe('stories', () => {
  // Elements without a language of their own, a portal or a `lang` around them speak the page default. Start
  // every story with English as on a fresh page (as Storybook does on a full load), so the outcome does not
  // depend on story order.
  beforeEach(() => setPortalLocale(SOURCE_LOCALE));

  afterEach(() => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
    // The ticket-list stories preset (and clean up) the stored view; a failed story may leave it behind.
    for (const key of Object.keys(localStorage)) if (key.startsWith('customer-portal:view:')) localStorage.removeItem(key);
    // The ticket-detail and support-form draft stories seed (and clean up) a draft; restoring it may store it again.
    for (const key of Object.keys(localStorage)) if (key.startsWith('customer-portal:draft:')) localStorage.removeItem(key);
  });

  for (const [file, module] of Object.entries(storyFiles)) {
    const meta = module.default as MetaLike;

    describe(file, () => {
      it('exports a default meta with a title, the checks\' host and settle condition, and at least one story', () => {
        expect(meta?.title, 'default export (meta) with a title').to.be.a('string');
        expect(meta.parameters?.host, 'meta parameters.host').to.be.a('string');
        expect(meta.parameters?.settled, 'meta parameters.settled').to.be.a('function');
        expect(storiesOf(module)).to.not.be.empty;
      });

      it('gives every check of stories/checks/ to the story of its name', () => {
        const stories = new Map(storiesOf(module).map(({ name, story }) => [name, story]));
        const detached = Object.entries(checksOf[file]).filter(([name, check]) => stories.get(name)?.play !== check.play);
        expect(detached.map(([name]) => name), 'checks not used as the play of their story').to.deep.equal([]);
      });

      for (const { name, story } of storiesOf(module)) {
        const label = story.name ?? name;

        it(`${label} renders, settles, has no axe violations and passes its checks`, async () => {
          const args = { ...meta.args, ...story.args };
          const { canvasElement, el, parameters, context } = await renderStory(file, name, story, args);
          await settle(el, parameters.settled!, name);
          expect(location.hash, 'stories must not touch the page URL').to.equal('');
          await expect(el).to.be.accessible();
          await story.play?.(context);
          await expectDeclaredApi(canvasElement);
        });

        it(`${label} in Arabic (right to left) renders mirrored and has no axe violations`, async () => {
          const args: Args = { ...meta.args, ...story.args };
          if ('locale' in args) args.locale = 'ar';
          await setPortalLocale('ar');
          const { el } = await renderStory(file, name, story, args, (t) => html`<div lang="ar" dir="rtl">${t}</div>`);
          // The meta's settle condition does not depend on the language; a story's own one may (then not used here).
          const own = story.parameters?.settled as ((el: HTMLElement) => boolean) | undefined;
          const settled = own && SETTLES_IN_ANY_LANGUAGE.test(name) ? own : meta.parameters!.settled as (el: HTMLElement) => boolean;
          await settle(el, settled, `${name} in Arabic`);
          const base = el.shadowRoot?.querySelector<HTMLElement>('[part="base"]') ?? el;
          expect(getComputedStyle(base).direction, 'mirrored').to.equal('rtl');
          await expect(el).to.be.accessible();
        });
      }
    });
  }
});
