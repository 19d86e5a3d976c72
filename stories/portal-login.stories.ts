import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { MemoryAdapter } from '../src/adapters/memory-adapter.js';
import type { PortalAdapter } from '../src/contract/adapter.js';
import type { AccessMode } from '../src/contract/settings.js';
import { demoWorld } from '../src/domain/demo-world.js';
import type { LoginView } from '../src/elements/portal-login/portal-login.js';
import { setPortalLocale, type SupportedLocale } from '../src/internal/localization.js';
import '../src/define.js';
import { checks, loginSettled } from './checks/portal-login.js';
import { failingAdapter, pendingAdapter } from './support/adapters.js';
import { CONSENT_WITH_LINK, IDLE_NOTICE, LINK_CONTACT, SSO_LABEL } from './support/login.js';

export interface PortalLoginArgs {
  /** `memory`: the in-browser demo backend; `loading`: `getSettings` never resolves; `error`: it fails once. */
  backend: 'memory' | 'loading' | 'error';
  view: LoginView;
  /** With `view="set-password"`: whether the link is an invitation or a password reset. */
  purpose: 'invite' | 'reset';
  /** With `view="set-password"`: issue a valid link token (for the demo contact Lukas) on every render. */
  validToken: boolean;
  notice: string;
  headingLevel: number;
  /** With `view="sent"`: after a registration or a request for a link (`sent-after`). */
  sentAfter: 'register' | 'request';
  /** The address the "Check your email" page names. */
  email: string;
  /** The admin's access settings. */
  access: AccessMode;
  /** Whether a registration signs in at once or first confirms the address by email. */
  registrationConfirmation: 'instant' | 'email';
  magicLink: boolean;
  /** Button label of single sign-on (with `access: sso`). */
  ssoLabel: string;
  consentText: string;
  consentCheckboxLabel: string;
  /** Simulated latency of every adapter call, in ms. */
  latency: number;
  /** Language: the `lang` of the story's wrapper, which the element follows (it has no `locale` attribute here). */
  locale: SupportedLocale;
  /** The page around the element: `dark` sets `color-scheme: dark` and a dark background. */
  theme: 'light' | 'dark';
  onPortalSignedIn?: (event: Event) => void;
}

/** A fresh backend (and link token) per render, so stories never share state. */
function backendFor(args: PortalLoginArgs): { adapter: PortalAdapter; token: string } {
  const world = demoWorld();
  world.settings.access = {
    ...world.settings.access,
    mode: args.access,
    magicLink: args.magicLink,
    // Only for stories: nothing here verifies tokens, the secret just satisfies the settings' shape.
    sso: args.access === 'sso'
      ? { label: args.ssoLabel, startUrl: 'https://id.nordlicht.example/start', jwt: { secret: 'story-only-secret-0123456789' }, returnToAllowList: [] }
      : null,
  };
  if (args.access === 'access-groups') world.settings.access.accessGroupIds = [1];
  world.settings.access.registrationConfirmation = args.registrationConfirmation;
  world.settings.consent = { text: args.consentText, checkboxLabel: args.consentCheckboxLabel };
  const options = { world, latency: args.latency };
  if (args.backend === 'loading') return { adapter: pendingAdapter(options), token: '' };
  if (args.backend === 'error') return { adapter: failingAdapter({ ...options, failures: 1 }), token: '' };
  const adapter = new MemoryAdapter(options);
  const token = args.view === 'set-password' && args.validToken ? adapter.createLinkToken(LINK_CONTACT, args.purpose) : '';
  return { adapter, token };
}

const darkPage = { colorScheme: 'dark', background: '#16181d', color: '#e8eaf0', padding: '1.5rem' };

const meta = {
  title: 'Portal/portal-login',
  component: 'portal-login',
  // The element the stories' checks (`play`, see stories/checks/) look at, and when it has settled.
  parameters: { host: 'portal-login', settled: loginSettled },
  args: {
    backend: 'memory',
    view: 'sign-in',
    purpose: 'reset',
    validToken: true,
    sentAfter: 'request',
    email: '',
    notice: '',
    headingLevel: 2,
    access: 'self-registration',
    registrationConfirmation: 'instant',
    magicLink: false,
    ssoLabel: SSO_LABEL,
    consentText: CONSENT_WITH_LINK,
    consentCheckboxLabel: 'I agree to the processing of my data',
    latency: 0,
    locale: 'en',
    theme: 'light',
  },
  argTypes: {
    backend: { control: 'inline-radio', options: ['memory', 'loading', 'error'] },
    view: { control: 'select', options: ['sign-in', 'register', 'forgot', 'link', 'sent', 'set-password', 'denied'] },
    purpose: { control: 'inline-radio', options: ['reset', 'invite'] },
    sentAfter: { control: 'inline-radio', options: ['request', 'register'] },
    registrationConfirmation: { control: 'inline-radio', options: ['instant', 'email'] },
    access: { control: 'inline-radio', options: ['self-registration', 'access-groups', 'sso'] },
    locale: { control: 'select', options: ['en', 'de', 'sv', 'da', 'fr', 'es', 'nl', 'it', 'pt', 'pl', 'ja', 'ar'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    headingLevel: { control: { type: 'number', min: 1, max: 5, step: 1 } },
    latency: { control: { type: 'number', min: 0, step: 100 } },
    consentText: { control: 'text' },
    onPortalSignedIn: { action: 'portal-signed-in', table: { disable: true } },
  },
  // In Storybook the language's strings are loaded (as the page default) before the first paint; `render` does it
  // too (idempotent), because the browser test renders stories without loaders.
  loaders: [async ({ args }) => { await setPortalLocale(args.locale); }],
  render: (args) => {
    void setPortalLocale(args.locale);
    const { adapter, token } = backendFor(args);
    return html`
      <div lang=${args.locale} style=${styleMap(args.theme === 'dark' ? darkPage : {})}>
        <portal-login
          .adapter=${adapter}
          view=${args.view}
          purpose=${args.purpose}
          sent-after=${args.sentAfter}
          email=${args.email}
          .token=${token}
          notice=${args.notice}
          heading-level=${args.headingLevel}
          @portal-signed-in=${args.onPortalSignedIn}
        ></portal-login>
      </div>
    `;
  },
} satisfies Meta<PortalLoginArgs>;

export default meta;
type Story = StoryObj<PortalLoginArgs>;

/** Self-registration (the default access mode): email and password, "Forgot password?" and "Register here". */
export const SignIn: Story = { ...checks.SignIn };

/** Registration with the admin's consent text (sanitized; its link opens in a new tab) and checkbox. */
export const Register: Story = { args: { view: 'register' }, ...checks.Register };

/**
 * The registration form for trying the consent check: fill in the fields, leave the box unticked and press
 * "Register" — the browser test does exactly that and checks the error.
 */
export const RegisterConsentError: Story = { name: 'Register: consent missing', args: { view: 'register' }, ...checks.RegisterConsentError };

/** "Forgot password?": asks for the email address. */
export const Forgot: Story = { args: { view: 'forgot' }, ...checks.Forgot };

/** One-time sign-in links enabled: the sign-in page offers "Email me a sign-in link". */
export const SignInLink: Story = { args: { magicLink: true }, ...checks.SignInLink };

/**
 * "Check your email", as after a reset or link request. Opened directly, the element does not know the
 * address (it only remembers the one typed in its own form), so the sentence has no address in it.
 */
export const EmailSent: Story = { args: { view: 'sent' }, ...checks.EmailSent };

/**
 * "Check your email" after registering, when the portal confirms addresses by email first: the sentence names the
 * address the confirmation link went to (`sent-after="register"`).
 */
export const RegisterSent: Story = {
  name: 'Register: check your email',
  args: { view: 'sent', sentAfter: 'register', email: 'nina@new.example', registrationConfirmation: 'email' },
  ...checks.RegisterSent,
};

/**
 * Registering when the portal confirms addresses by email, then signing in with the right password before opening
 * the link: the browser test registers through the form, gets "Check your email", goes back and is told to confirm
 * the address first.
 */
export const Unconfirmed: Story = {
  name: 'Sign in: address not confirmed',
  args: { view: 'register', registrationConfirmation: 'email' },
  ...checks.Unconfirmed,
};

/** An invitation link (`#/invite?token=…`): a valid token, issued fresh on every render. */
export const SetPasswordInvite: Story = { args: { view: 'set-password', purpose: 'invite' }, ...checks.SetPasswordInvite };

/** A password-reset link (`#/reset?token=…`). */
export const SetPasswordReset: Story = { args: { view: 'set-password', purpose: 'reset' }, ...checks.SetPasswordReset };

/** Signed in, but not in the portal's access groups. */
export const AccessDenied: Story = { args: { view: 'denied', access: 'access-groups' }, ...checks.AccessDenied };

/** Access by access group: no self-registration, so no "Register here". */
export const AccessGroupsMode: Story = { args: { access: 'access-groups' }, ...checks.AccessGroupsMode };

/** Single sign-on only: one "Sign in with Nordlicht ID" button, no password fields. */
export const SsoOnly: Story = { args: { access: 'sso', ssoLabel: SSO_LABEL }, ...checks.SsoOnly };

/** A notice above the form, e.g. after the idle timeout signed the customer out. */
export const WithNotice: Story = { args: { notice: IDLE_NOTICE }, ...checks.WithNotice };

/** Standalone, while the settings load (they never arrive here). */
export const Loading: Story = { args: { backend: 'loading' }, ...checks.Loading };

/** Standalone, when the server cannot be reached: the reason and "Try again" (which then works). */
export const LoadError: Story = { args: { backend: 'error' }, ...checks.LoadError };

/** On a dark page: `color-scheme: dark` switches the element's `light-dark()` colors. */
export const Dark: Story = { args: { theme: 'dark' }, globals: { backgrounds: { value: 'dark' } }, ...checks.Dark };

export const German: Story = { args: { locale: 'de' }, ...checks.German };
export const Swedish: Story = { args: { locale: 'sv' }, ...checks.Swedish };
export const Danish: Story = { args: { locale: 'da' }, ...checks.Danish };
/** Arabic: right to left, the layout mirrored. */
export const Arabic: Story = { args: { locale: 'ar' } };
