import './fixed-clock.js';
import { expect } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { setPortalLocale } from '../../../src/internal/localization.js';
import { storiesOf, storyFiles as storyModules, type MetaLike } from '../helpers/stories.js';
import { renderFrame, settle, type Variant } from './story-frames.js';

/**
 * Visual regression tests: every story at 360 and 1280 px (light, left to right), and each element's main state
 * also dark and right to left (Arabic), as element-sized screenshots compared with the baselines in
 * `test/visual/baselines/` (see `test/visual/visual-plugin.mjs` for the tolerance). After an intended change:
 * `npm run test:visual:update`, look at the new images, commit them.
 */
/** Each element's main state: shown also dark and right to left. */
const MAIN_STATES: Record<string, string> = {
  'customer-portal': 'SignedIn',
  'portal-login': 'SignIn',
  'ticket-list': 'OwnTickets',
  'ticket-detail': 'Conversation',
  'support-form': 'EveryFieldType',
  'view-switcher': 'Company',
};

/** Stories that never finish loading: their busy skeleton is the state to show. */
const STAYS_BUSY = /^Loading$/;

const WIDTHS = [360, 1280] as const;
const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

interface Shot { file: string; name: string; variant: Variant; width: number }

const shots: Shot[] = [];
for (const [file, module] of Object.entries(storyModules)) {
  for (const { name } of storiesOf(module)) {
    for (const width of WIDTHS) shots.push({ file, name, variant: { dir: 'ltr', theme: 'light' }, width });
  }
  for (const variant of [{ dir: 'ltr', theme: 'dark' }, { dir: 'rtl', theme: 'light' }] as const) {
    for (const width of WIDTHS) shots.push({ file, name: MAIN_STATES[file], variant, width });
  }
}

describe('visual regression', () => {
  afterEach(async () => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
    for (const key of Object.keys(localStorage)) if (key.startsWith('customer-portal:')) localStorage.removeItem(key);
    await setPortalLocale('en');
  });
  after(() => setViewport({ width: 800, height: 600 }));

  it('has a main state for every element', () => {
    for (const [file, module] of Object.entries(storyModules)) {
      expect(storiesOf(module).map((s) => s.name), file).to.include(MAIN_STATES[file]);
    }
  });

  for (const shot of shots) {
    const id = `${shot.file}--${kebab(shot.name)}--${shot.width}${shot.variant.theme === 'dark' ? '--dark' : ''}${shot.variant.dir === 'rtl' ? '--rtl' : ''}`;
    it(`${id} looks as its baseline`, async () => {
      await setViewport({ width: shot.width, height: 900 });
      const module = storyModules[shot.file];
      const story = storiesOf(module).find((s) => s.name === shot.name)!.story;
      const meta = module.default as MetaLike;
      const frame = await renderFrame(meta, story, `${shot.file}--${shot.name}`, shot.variant);
      // The stories' own settle condition (see stories/checks/); the main states' (dark, right to left) is the meta's.
      const parameters = { ...meta.parameters, ...story.parameters } as { host: string; settled: (el: HTMLElement) => boolean };
      await settle(frame, parameters, STAYS_BUSY.test(shot.name));
      expect(document.documentElement.scrollWidth, 'no sideways scrolling').to.be.at.most(shot.width);
      const result = await executeServerCommand<{ passed: boolean; message?: string }, { name: string }>('visual-diff', { name: id });
      expect(result.passed, result.message).to.equal(true);
    });
  }
});
