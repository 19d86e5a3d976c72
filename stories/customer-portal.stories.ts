import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MemoryAdapter } from '../src/adapters/memory-adapter.js';
import type { PortalAdapter } from '../src/contract/adapter.js';
import { DEMO_SIGN_IN, demoWorld } from '../src/domain/demo-world.js';
import '../src/define.js';
import { checks, portalSettled } from './checks/customer-portal.js';
import { failingAdapter, pendingAdapter } from './support/adapters.js';

/** Which backend the story's portal talks to; the adapter is built fresh on every render. */
type Backend = 'signed-in' | 'signed-out' | 'loading' | 'network-error' | 'disabled' | 'none';

export interface CustomerPortalArgs {
  backend: Backend;
  /** Admin's ticket label (replaces "Ticket"/"Tickets" and their translations); empty = the demo's. */
  ticketLabelSingular: string;
  ticketLabelPlural: string;
  /** Simulated latency of every adapter call, in ms. */
  latency: number;
  locale: '' | 'en' | 'de' | 'sv' | 'da' | 'fr' | 'es' | 'nl' | 'it' | 'pt' | 'pl' | 'ja' | 'ar';
  theme: 'light' | 'dark' | 'auto';
  routing: 'hash' | 'none';
  headingLevel: number;
  manageTitle: boolean;
  onPortalReady?: (event: Event) => void;
  onPortalError?: (event: Event) => void;
}

function adapterFor(args: CustomerPortalArgs): PortalAdapter | undefined {
  const world = demoWorld();
  if (args.ticketLabelSingular || args.ticketLabelPlural) {
    const singular = args.ticketLabelSingular || args.ticketLabelPlural;
    const plural = args.ticketLabelPlural || args.ticketLabelSingular;
    world.settings.ticketLabel = { singular, plural };
    world.settings.translations = {};
    world.settings.supportForm.menuText = `Open a ${singular.toLowerCase()}`;
  }
  const options = { world, latency: args.latency, signedInAs: DEMO_SIGN_IN.email };
  switch (args.backend) {
    case 'none':
      return undefined;
    case 'loading':
      return pendingAdapter(options);
    case 'network-error':
      // Fails once: "Try again" then loads the portal.
      return failingAdapter({ ...options, failures: 1 });
    case 'disabled':
      world.settings.enabled = false;
      return new MemoryAdapter(options);
    case 'signed-out':
      return new MemoryAdapter({ world, latency: args.latency });
    case 'signed-in':
      return new MemoryAdapter(options);
  }
}

const meta = {
  title: 'Portal/customer-portal',
  component: 'customer-portal',
  // The element the stories' checks (`play`, see stories/checks/) look at, and when it has settled.
  parameters: { host: 'customer-portal', settled: portalSettled },
  args: {
    backend: 'signed-in',
    ticketLabelSingular: '',
    ticketLabelPlural: '',
    latency: 0,
    locale: 'en',
    theme: 'light',
    // Views switch inside the element, so Storybook's own URL is never touched.
    routing: 'none',
    headingLevel: 2,
    manageTitle: false,
  },
  argTypes: {
    backend: { control: 'select', options: ['signed-in', 'signed-out', 'loading', 'network-error', 'disabled', 'none'] },
    locale: { control: 'select', options: ['', 'en', 'de', 'sv', 'da', 'fr', 'es', 'nl', 'it', 'pt', 'pl', 'ja', 'ar'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    routing: { control: 'inline-radio', options: ['none', 'hash'] },
    headingLevel: { control: { type: 'number', min: 1, max: 5, step: 1 } },
    latency: { control: { type: 'number', min: 0, step: 100 } },
    onPortalReady: { action: 'portal-ready', table: { disable: true } },
    onPortalError: { action: 'portal-error', table: { disable: true } },
  },
  render: (args) => html`
    <customer-portal
      .adapter=${adapterFor(args)}
      locale=${args.locale}
      theme=${args.theme}
      routing=${args.routing}
      heading-level=${args.headingLevel}
      ?manage-title=${args.manageTitle}
      @portal-ready=${args.onPortalReady}
      @portal-error=${args.onPortalError}
    ></customer-portal>
  `,
} satisfies Meta<CustomerPortalArgs>;

export default meta;
type Story = StoryObj<CustomerPortalArgs>;

/** While the settings load: a skeleton of reserved height, so the page does not jump. Never finishes. */
export const Loading: Story = { args: { backend: 'loading' }, ...checks.Loading };

/** The server cannot be reached: a message in plain words and "Try again" (which then succeeds). */
export const ErrorState: Story = { name: 'Error', args: { backend: 'network-error' }, ...checks.ErrorState };

/** Neither `api-base` nor `adapter` is set. */
export const NotConfigured: Story = { args: { backend: 'none' }, ...checks.NotConfigured };

/** The admin switched the portal off. */
export const Disabled: Story = { args: { backend: 'disabled' }, ...checks.Disabled };

/** Signed in as the demo's main contact (Anna Berg). */
export const SignedIn: Story = { args: { backend: 'signed-in' }, ...checks.SignedIn };

/** The admin calls tickets "Cases": the navigation and headings follow. */
export const CustomTicketLabel: Story = { args: { ticketLabelSingular: 'Case', ticketLabelPlural: 'Cases' }, ...checks.CustomTicketLabel };

/** `theme="dark"`. */
export const Dark: Story = { args: { theme: 'dark' }, globals: { backgrounds: { value: 'dark' } }, ...checks.Dark };

export const English: Story = { args: { locale: 'en' }, ...checks.English };
export const German: Story = { args: { locale: 'de' }, ...checks.German };
export const Swedish: Story = { args: { locale: 'sv' }, ...checks.Swedish };
export const Danish: Story = { args: { locale: 'da' }, ...checks.Danish };
/** Arabic: right to left, the layout mirrored. */
export const Arabic: Story = { args: { locale: 'ar' } };
