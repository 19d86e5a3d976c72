import { aTimeout, expect, fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { CustomerPortal } from '../../../src/elements/customer-portal/customer-portal.js';
import { setPortalLocale, SOURCE_LOCALE } from '../../../src/internal/localization.js';

/**
 * Every story is a test fixture: each one is rendered outside Storybook (meta args + story args, then
 * `story.render ?? meta.render`; decorators and loaders are not applied), must settle, and must have no axe
 * violations. Stories may also get a story-specific check below.
 *
 * NEW STORY FILES MUST BE ADDED TO `storyModules` — this list is explicit so the test runner needs no glob
 * import support.
 */
import * as customerPortalStories from '../../../stories/customer-portal.stories.js';

const storyModules: Record<string, Record<string, unknown>> = {
  'customer-portal': customerPortalStories,
};

type Args = Record<string, unknown>;
type RenderFn = (args: Args, context: unknown) => unknown;
interface StoryLike { name?: string; args?: Args; render?: RenderFn }
interface MetaLike { title?: string; args?: Args; render?: RenderFn; excludeStories?: unknown; includeStories?: unknown }

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element) => shadow(el).textContent?.replace(/\s+/g, ' ').trim() ?? '';
const title = (el: Element) => shadow(el).querySelector('[part="title"]')?.textContent?.trim();
const navLinks = (el: Element) => [...shadow(el).querySelectorAll('nav a')].map((a) => a.textContent?.trim());

interface Expectation {
  /** When the story's element counts as settled. Default: a title (portal, "not available" or problem) is shown. */
  settled?: (el: HTMLElement) => boolean;
  check?: (el: HTMLElement) => void | Promise<void>;
}

const loadedOrFailed = (el: HTMLElement) =>
  !!shadow(el).querySelector('[part="title"]') && !shadow(el).querySelector('[aria-busy="true"]');

/** Story-specific expectations, keyed `<file>/<export name>`. */
const expectations: Record<string, Expectation> = {
  'customer-portal/Loading': {
    settled: (el) => !!shadow(el).querySelector('[aria-busy="true"] .skeleton'),
    async check(el) {
      // A timer, not requestAnimationFrame: rAF is paused when the test page runs as a background tab.
      await aTimeout(100);
      expect(shadow(el).querySelector('[aria-busy="true"]'), 'still loading').to.exist;
      expect(text(el)).to.contain('Loading the portal');
      expect(el.getBoundingClientRect().height).to.be.greaterThan(300);
    },
  },
  'customer-portal/ErrorState': {
    async check(el) {
      const alert = shadow(el).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('We could not reach the portal. Check your connection and try again.');
      const retry = [...alert.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Try again');
      expect(retry, '"Try again" button').to.exist;
      retry!.click();
      await waitUntil(() => title(el) === 'Nordlicht Help Center', '"Try again" did not recover');
    },
  },
  'customer-portal/NotConfigured': {
    check(el) {
      expect(shadow(el).querySelector('[role="alert"]')).to.exist;
      expect(text(el)).to.contain('the "api-base" attribute or an adapter is missing');
    },
  },
  'customer-portal/Disabled': {
    check(el) {
      expect(title(el)).to.equal('This portal is not available');
      expect(shadow(el).querySelector('nav')).to.be.null;
    },
  },
  'customer-portal/SignedIn': {
    check(el) {
      expect(title(el)).to.equal('Nordlicht Help Center');
      expect(navLinks(el)).to.deep.equal(['Tickets', 'Submit a ticket']);
    },
  },
  'customer-portal/CustomTicketLabel': {
    check(el) {
      expect(navLinks(el)).to.deep.equal(['Cases', 'Open a case']);
      expect(shadow(el).querySelector('[data-view-heading]')?.textContent).to.equal('Cases');
    },
  },
  'customer-portal/Dark': {
    check(el) {
      expect(el.getAttribute('theme')).to.equal('dark');
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
    },
  },
  ...Object.fromEntries(
    ([
      ['English', 'en', 'Nordlicht Help Center', 'Portal navigation'],
      ['German', 'de', 'Nordlicht Hilfe-Center', 'Portal-Navigation'],
      ['Swedish', 'sv', 'Nordlicht Hjälpcenter', 'Portalnavigering'],
      ['Danish', 'da', 'Nordlicht Hjælpecenter', 'Portalnavigation'],
    ] as const).map(([story, lang, name, navLabel]) => [
      `customer-portal/${story}`,
      {
        check(el: HTMLElement) {
          expect(shadow(el).querySelector('[part="base"]')?.getAttribute('lang')).to.equal(lang);
          expect(title(el)).to.equal(name);
          expect(shadow(el).querySelector('nav')?.getAttribute('aria-label')).to.equal(navLabel);
        },
      } satisfies Expectation,
    ]),
  ),
};

/** CSF named exports that are stories (not `default`, not `__namedExportsOrder`, honouring include/exclude). */
function storiesOf(module: Record<string, unknown>) {
  const meta = module.default as MetaLike;
  const matches = (name: string, filter: unknown) =>
    Array.isArray(filter) ? filter.includes(name) : filter instanceof RegExp ? filter.test(name) : false;
  return Object.entries(module)
    .filter(([name]) => name !== 'default' && name !== '__namedExportsOrder')
    .filter(([name]) => (meta.includeStories ? matches(name, meta.includeStories) : true))
    .filter(([name]) => !matches(name, meta.excludeStories))
    .map(([name, story]) => ({ name, story: story as StoryLike }));
}

describe('stories', () => {
  // The portal's locale is page-wide (@lit/localize), and the loading and "not set up" states show whatever
  // locale an earlier portal on the page loaded. Start every story as on a fresh page (as Storybook does on a
  // full load), so the outcome does not depend on story order.
  beforeEach(() => setPortalLocale(SOURCE_LOCALE));

  afterEach(() => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  for (const [file, module] of Object.entries(storyModules)) {
    const meta = module.default as MetaLike;

    describe(file, () => {
      it('exports a default meta with a title and at least one story', () => {
        expect(meta?.title, 'default export (meta) with a title').to.be.a('string');
        expect(storiesOf(module)).to.not.be.empty;
      });

      for (const { name, story } of storiesOf(module)) {
        it(`${story.name ?? name} renders, settles and has no axe violations`, async () => {
          const render = story.render ?? meta.render;
          expect(render, `${name}: story.render or meta.render`).to.be.a('function');
          const args = { ...meta.args, ...story.args };
          const template = render!(args, { args, id: `${file}--${name}`, name: story.name ?? name }) as TemplateResult;
          const el = await fixture<CustomerPortal>(template);
          const expectation = expectations[`${file}/${name}`] ?? {};
          const settled = expectation.settled ?? loadedOrFailed;
          await waitUntil(() => settled(el), `${name} did not settle`, { timeout: 5000 });
          await el.updateComplete;
          expect(location.hash, 'stories must not touch the page URL').to.equal('');
          await expect(el).to.be.accessible();
          await expectation.check?.(el);
        });
      }
    });
  }
});
