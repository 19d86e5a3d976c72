import { aTimeout, expect, fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { PortalSignedInEvent } from '../../../src/internal/events.js';
import { setPortalLocale, SOURCE_LOCALE } from '../../../src/internal/localization.js';
import { CONSENT_WITH_LINK, IDLE_NOTICE, LINK_CONTACT, SSO_LABEL } from '../../../stories/support/login.js';

/**
 * Every story is a test fixture: each one is rendered outside Storybook (meta args + story args, then
 * `story.render ?? meta.render`; decorators and loaders are not applied), must settle, and must have no axe
 * violations. Stories may also get a story-specific check below.
 *
 * NEW STORY FILES MUST BE ADDED TO `storyModules` — this list is explicit so the test runner needs no glob
 * import support.
 */
import * as customerPortalStories from '../../../stories/customer-portal.stories.js';
import * as portalLoginStories from '../../../stories/portal-login.stories.js';

const storyModules: Record<string, Record<string, unknown>> = {
  'customer-portal': customerPortalStories,
  'portal-login': portalLoginStories,
};

type Args = Record<string, unknown>;
type RenderFn = (args: Args, context: unknown) => unknown;
interface StoryLike { name?: string; args?: Args; render?: RenderFn }
interface MetaLike { title?: string; component?: string; args?: Args; render?: RenderFn; excludeStories?: unknown; includeStories?: unknown }

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element) => shadow(el).textContent?.replace(/\s+/g, ' ').trim() ?? '';
const title = (el: Element) => shadow(el).querySelector('[part="title"]')?.textContent?.trim();
const navLinks = (el: Element) => [...shadow(el).querySelectorAll('nav a')].map((a) => a.textContent?.trim());

interface Expectation {
  /** When the story's element counts as settled. Default: per file, see `defaultSettled`. */
  settled?: (el: HTMLElement) => boolean;
  check?: (el: HTMLElement) => void | Promise<void>;
}

const loadedOrFailed = (el: HTMLElement) =>
  !!shadow(el).querySelector('[part="title"]') && !shadow(el).querySelector('[aria-busy="true"]');

/** `<portal-login>`: its form heading. */
const heading = (el: Element) => shadow(el).querySelector('[data-heading]')?.textContent?.trim();
const loginButton = (el: Element, name: string) =>
  [...shadow(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const typeInto = (el: Element, id: string, value: string) => {
  const input = shadow(el).querySelector<HTMLInputElement>(`#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
};

/** When a story's element counts as settled, unless its expectation says otherwise. */
const defaultSettled: Record<string, (el: HTMLElement) => boolean> = {
  // A title (portal, "not available" or problem) is shown.
  'customer-portal': loadedOrFailed,
  // The settings arrived and a form (or page) heading is shown.
  'portal-login': (el) => !!heading(el),
};

/** The set-password stories carry a valid link token: saving a new password signs the link's contact in. */
async function savesPasswordFromLink(el: HTMLElement) {
  expect(el.getAttribute('view')).to.equal('set-password');
  expect((el as HTMLElement & { token: string }).token, 'a link token').to.have.length.greaterThan(20);
  expect(shadow(el).querySelector('label[for="password"]')?.textContent).to.equal('New password');
  const signedIn = new Promise<PortalSignedInEvent>((resolve) => el.addEventListener('portal-signed-in', resolve, { once: true }));
  typeInto(el, 'password', 'a-new-password-2026');
  loginButton(el, 'Save password')!.click();
  expect((await signedIn).detail.session.user.email).to.equal(LINK_CONTACT);
}

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
  'portal-login/SignIn': {
    check(el) {
      expect(heading(el)).to.equal('Sign in');
      expect(shadow(el).querySelector('#email'), 'email field').to.exist;
      expect(shadow(el).querySelector('#password'), 'password field').to.exist;
      expect(loginButton(el, 'Forgot password?')).to.exist;
      expect(loginButton(el, 'Register here')).to.exist;
      expect(loginButton(el, 'Email me a sign-in link'), 'no one-time links by default').to.be.undefined;
    },
  },
  'portal-login/Register': {
    // The consent text is sanitized asynchronously: wait for its link so axe sees it too.
    settled: (el) => heading(el) === 'Register'
      && !!shadow(el).querySelector('portal-consent-text')?.shadowRoot?.querySelector('a'),
    check(el) {
      const link = shadow(el).querySelector('portal-consent-text')!.shadowRoot!.querySelector('a')!;
      expect(CONSENT_WITH_LINK).to.contain(link.getAttribute('href'));
      expect(link.getAttribute('target')).to.equal('_blank');
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(shadow(el).querySelector('label[for="consent"]')?.textContent).to.equal('I agree to the processing of my data');
      expect(shadow(el).querySelector('#consent')?.getAttribute('aria-describedby')).to.equal('consent-text');
    },
  },
  'portal-login/RegisterConsentError': {
    async check(el) {
      expect(heading(el)).to.equal('Register');
      typeInto(el, 'name', 'Nina Neu');
      typeInto(el, 'email', 'nina@new.example');
      typeInto(el, 'password', 'a-long-password');
      loginButton(el, 'Register')!.click();
      await waitUntil(() => shadow(el).querySelector('#consent-error'), 'no consent error');
      expect(shadow(el).querySelector('#consent-error')?.textContent).to.equal('Please agree to continue.');
      const box = shadow(el).querySelector('#consent')!;
      expect(box.getAttribute('aria-invalid')).to.equal('true');
      expect(box.getAttribute('aria-describedby')).to.contain('consent-error');
      expect(shadow(el).activeElement, 'focus on the checkbox').to.equal(box);
      expect(shadow(el).querySelector<HTMLInputElement>('#name')?.value, 'keeps what was typed').to.equal('Nina Neu');
      await expect(el).to.be.accessible();
    },
  },
  'portal-login/Forgot': {
    check(el) {
      expect(heading(el)).to.equal('Reset your password');
      expect(shadow(el).querySelector('#email')).to.exist;
      expect(shadow(el).querySelector('#password')).to.be.null;
      expect(loginButton(el, 'Send reset link')).to.exist;
    },
  },
  'portal-login/SignInLink': {
    async check(el) {
      expect(heading(el)).to.equal('Sign in');
      loginButton(el, 'Email me a sign-in link')!.click();
      await waitUntil(() => heading(el) === 'Get a sign-in link', 'no sign-in link form');
    },
  },
  'portal-login/EmailSent': {
    check(el) {
      expect(heading(el)).to.equal('Check your email');
      expect(text(el)).to.contain('The link in it works once.');
      expect(loginButton(el, 'Back to sign in')).to.exist;
    },
  },
  'portal-login/SetPasswordInvite': {
    async check(el) {
      expect(heading(el)).to.equal('Set your password');
      await savesPasswordFromLink(el);
    },
  },
  'portal-login/SetPasswordReset': {
    async check(el) {
      expect(heading(el)).to.equal('Choose a new password');
      await savesPasswordFromLink(el);
    },
  },
  'portal-login/AccessDenied': {
    check(el) {
      expect(heading(el)).to.equal("You don't have access to this portal");
      expect(shadow(el).querySelector('form')).to.be.null;
      expect(loginButton(el, 'Back to sign in')).to.exist;
    },
  },
  'portal-login/AccessGroupsMode': {
    check(el) {
      expect(heading(el)).to.equal('Sign in');
      expect(shadow(el).querySelector('#password')).to.exist;
      expect(loginButton(el, 'Register here'), 'no self-registration').to.be.undefined;
      expect(text(el)).to.not.contain('New here?');
    },
  },
  'portal-login/SsoOnly': {
    check(el) {
      const sso = [...shadow(el).querySelectorAll('a')].find((a) => a.textContent?.trim() === `Sign in with ${SSO_LABEL}`);
      expect(sso, `"Sign in with ${SSO_LABEL}"`).to.exist;
      expect(new URL(sso!.href).searchParams.get('return_to')).to.equal(location.href);
      expect(shadow(el).querySelector('#password'), 'no password field').to.be.null;
      expect(shadow(el).querySelector('form'), 'no password form').to.be.null;
      expect(loginButton(el, 'Register here')).to.be.undefined;
    },
  },
  'portal-login/WithNotice': {
    check(el) {
      expect(shadow(el).querySelector('.notice')?.textContent).to.equal(IDLE_NOTICE);
      expect(heading(el)).to.equal('Sign in');
    },
  },
  'portal-login/Loading': {
    settled: (el) => !!el.shadowRoot,
    async check(el) {
      // A timer, not requestAnimationFrame (see customer-portal/Loading).
      await aTimeout(150);
      expect(shadow(el).querySelector('[data-heading]'), 'no heading while the settings load').to.be.null;
      expect(shadow(el).querySelector('form')).to.be.null;
      expect(shadow(el).querySelector('[aria-busy="true"]')?.textContent).to.contain('Loading the portal');
      expect(el.getBoundingClientRect().height, 'space is reserved').to.be.greaterThan(200);
    },
  },
  'portal-login/LoadError': {
    settled: (el) => !!el.shadowRoot?.querySelector('[role="alert"]'),
    async check(el) {
      const alert = shadow(el).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('We could not reach the portal. Check your connection and try again.');
      [...alert.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Try again')!.click();
      await waitUntil(() => heading(el) === 'Sign in', 'did not recover');
    },
  },
  'portal-login/Dark': {
    check(el) {
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      // The element's text color follows `light-dark()` to its dark value.
      expect(getComputedStyle(el).color).to.equal('rgb(232, 234, 240)');
      expect(heading(el)).to.equal('Sign in');
    },
  },
  ...Object.fromEntries(
    ([
      ['German', 'de', 'Anmelden', 'Passwort', 'Hier registrieren'],
      ['Swedish', 'sv', 'Logga in', 'Lösenord', 'Registrera dig här'],
      ['Danish', 'da', 'Log ind', 'Adgangskode', 'Registrer dig her'],
    ] as const).map(([story, lang, signIn, password, registerHere]) => [
      `portal-login/${story}`,
      {
        // The locale's strings load asynchronously after the first render.
        settled: (el: HTMLElement) => heading(el) === signIn,
        check(el: HTMLElement) {
          expect(el.closest('[lang]')?.getAttribute('lang')).to.equal(lang);
          expect(shadow(el).querySelector('label[for="password"]')?.textContent).to.equal(password);
          expect(loginButton(el, registerHere), `"${registerHere}"`).to.exist;
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
          const rendered = await fixture<HTMLElement>(template);
          // A story may wrap its element (e.g. in a dark or `lang` container); the checks are about the element.
          const el = meta.component && rendered.localName !== meta.component
            ? rendered.querySelector<HTMLElement>(meta.component)!
            : rendered;
          expect(el, `${name}: a <${meta.component}> element`).to.exist;
          const expectation = expectations[`${file}/${name}`] ?? {};
          const settled = expectation.settled ?? defaultSettled[file] ?? loadedOrFailed;
          await waitUntil(() => settled(el), `${name} did not settle`, { timeout: 5000 });
          await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
          expect(location.hash, 'stories must not touch the page URL').to.equal('');
          await expect(el).to.be.accessible();
          await expectation.check?.(el);
        });
      }
    });
  }
});
