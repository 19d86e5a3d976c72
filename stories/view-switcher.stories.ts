import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Session } from '../src/contract/session.js';
import type { TicketView } from '../src/contract/tickets.js';
import { DEMO_SIGN_IN, demoWorld } from '../src/domain/demo-world.js';
import { toPublicSettings } from '../src/domain/public-settings.js';
import { setPortalLocale, type SupportedLocale } from '../src/internal/localization.js';
import '../src/define.js';
import { checks, switcherSettled } from './checks/view-switcher.js';

/**
 * `<view-switcher>` standalone: its `session` and `settings` normally come from `<customer-portal>` through
 * context; without a portal around it they are plain properties, set here from the demo world.
 */
export interface ViewSwitcherArgs {
  /** The view shown: `company` or `mine`. */
  value: TicketView;
  /** What the session allows: without the organization view the switcher renders nothing. */
  canViewCompany: boolean;
  /** The admin's plural ticket label (empty: the demo's, in the story's language). */
  ticketLabelPlural: string;
  /** Page-wide portal locale (`setPortalLocale`); the element itself has no `locale` attribute. */
  locale: SupportedLocale;
  /** The page around the element: `dark` sets `color-scheme: dark` and a dark background. */
  theme: 'light' | 'dark';
  onViewChange?: (event: Event) => void;
}

/** Fresh settings and session per render. */
function contextFor(args: ViewSwitcherArgs): { settings: ReturnType<typeof toPublicSettings>; session: Session } {
  const world = demoWorld();
  const settings = toPublicSettings(world.settings, args.locale);
  if (args.ticketLabelPlural) settings.ticketLabel = { ...settings.ticketLabel, plural: args.ticketLabelPlural };
  const anna = world.contacts.find((c) => c.email === DEMO_SIGN_IN.email)!;
  const session: Session = {
    user: { id: anna.id, email: anna.email, name: anna.name, companyId: anna.companyId },
    canViewCompany: args.canViewCompany,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    idleTimeoutSeconds: 3600,
  };
  return { settings, session };
}

const darkPage = { colorScheme: 'dark', background: '#16181d', color: '#e8eaf0', padding: '1.5rem' };

const meta = {
  title: 'Portal/view-switcher',
  component: 'view-switcher',
  // The element the stories' checks (`play`, see stories/checks/) look at, and when it has settled.
  parameters: { host: 'view-switcher', settled: switcherSettled },
  args: {
    value: 'company',
    canViewCompany: true,
    ticketLabelPlural: '',
    locale: 'en',
    theme: 'light',
  },
  argTypes: {
    value: { control: 'inline-radio', options: ['company', 'mine'] },
    locale: { control: 'inline-radio', options: ['en', 'de', 'sv', 'da'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    onViewChange: { action: 'portal-view-change', table: { disable: true } },
  },
  // As in the portal-login stories: loaded before the first paint in Storybook, and again in `render` (the
  // browser test renders without loaders).
  loaders: [async ({ args }) => { await setPortalLocale(args.locale); }],
  render: (args) => {
    void setPortalLocale(args.locale);
    const { settings, session } = contextFor(args);
    return html`
      <div lang=${args.locale} style=${styleMap(args.theme === 'dark' ? darkPage : {})}>
        <view-switcher
          value=${args.value}
          .settings=${settings}
          .session=${session}
          @portal-view-change=${args.onViewChange}
        ></view-switcher>
      </div>
    `;
  },
} satisfies Meta<ViewSwitcherArgs>;

export default meta;
type Story = StoryObj<ViewSwitcherArgs>;

/** "Organization tickets" chosen. */
export const Company: Story = { ...checks.Company };

/** "Owned by me" chosen. */
export const Mine: Story = { args: { value: 'mine' }, ...checks.Mine };

/** The session does not allow the organization view: the switcher renders nothing. */
export const Hidden: Story = { args: { canViewCompany: false }, ...checks.Hidden };

/** The admin calls tickets "Cases": "Organization cases". */
export const CustomTicketLabel: Story = { args: { ticketLabelPlural: 'Cases' }, ...checks.CustomTicketLabel };

/** On a dark page: `color-scheme: dark` switches the `light-dark()` colors. */
export const Dark: Story = { args: { theme: 'dark' }, globals: { backgrounds: { value: 'dark' } }, ...checks.Dark };

/** "Tickets der Organisation" / "Meine eigenen". */
export const German: Story = { args: { locale: 'de' }, ...checks.German };
