import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { MemoryAdapter } from '../src/adapters/memory-adapter.js';
import type { PortalAdapter } from '../src/contract/adapter.js';
import type { OwnerNameDisplay, PermissionMode } from '../src/contract/settings.js';
import type { TicketView } from '../src/contract/tickets.js';
import { DEMO_SIGN_IN, demoWorld } from '../src/domain/demo-world.js';
import '../src/define.js';
import { checks, listSettled } from './checks/ticket-list.js';
import { failingListAdapter, pendingListAdapter } from './support/adapters.js';
import {
  addNewContact, addTicketsFor, CUSTOM_COLUMNS, forgetViewWhenReady, MANY_TICKETS, NEW_CONTACT, NO_MATCH_SEARCH,
  presetView,
} from './support/ticket-list.js';

/**
 * `<ticket-list>` needs the settings and session of a `<customer-portal>` (through context), so every story
 * renders it inside a signed-in portal with `routing="none"`: the portal shows the list on its default route,
 * and Storybook's own URL is never touched. Opening a ticket or "Submit a ticket" then work as in a page.
 */
export interface TicketListArgs {
  /** `memory`: the in-browser demo backend; `loading`: `listTickets` never resolves; `error`: it fails once. */
  backend: 'memory' | 'loading' | 'error';
  /** The signed-in contact (email). `nina@…` is a new colleague of the demo company without tickets. */
  signedInAs: string;
  /** The view the list starts in: the contact's stored choice (the URL is not read with `routing="none"`). */
  view: TicketView;
  /** The admin's permission: `own` offers no organization view (and no switcher). */
  permissions: Extract<PermissionMode, 'own' | 'company'>;
  /**
   * A search the list starts with. The built-in route cannot be preset without URL routing, so with a search
   * the story places its own `<ticket-list .params=…>` in the portal's slot (opening a ticket then shows nothing).
   */
  search: string;
  /** The admin's columns (max. 10); empty: the default columns. */
  columns: string[];
  statusDisplay: 'open-closed' | 'stages';
  ownerName: OwnerNameDisplay;
  /** Tops the contact's own tickets up to this many (0: the demo world as it is). */
  ownTickets: number;
  /** The admin's support form: without it there is no "Submit a ticket". */
  supportForm: boolean;
  /** Simulated latency of every adapter call, in ms. */
  latency: number;
  locale: 'en' | 'de' | 'sv' | 'da' | 'fr' | 'es' | 'nl' | 'it' | 'pt' | 'pl' | 'ja' | 'ar';
  theme: 'light' | 'dark';
  onTicketOpen?: (event: Event) => void;
  onViewChange?: (event: Event) => void;
  onPortalError?: (event: Event) => void;
}

/** A fresh world and backend per render, so stories never share state. */
function backendFor(args: TicketListArgs): { adapter: PortalAdapter; userId: number } {
  const world = demoWorld();
  addNewContact(world);
  world.settings.permissions = { mode: args.permissions };
  if (args.columns.length > 0) world.settings.columns = [...args.columns];
  world.settings.statusDisplay = args.statusDisplay;
  world.settings.ownerName = args.ownerName;
  world.settings.supportForm.enabled = args.supportForm;
  if (args.ownTickets > 0) addTicketsFor(world, args.signedInAs, args.ownTickets);
  const userId = world.contacts.find((c) => c.email === args.signedInAs)?.id ?? 0;
  const options = { world, latency: args.latency, signedInAs: args.signedInAs };
  if (args.backend === 'loading') return { adapter: pendingListAdapter(options), userId };
  if (args.backend === 'error') return { adapter: failingListAdapter({ ...options, failures: 1 }), userId };
  return { adapter: new MemoryAdapter(options), userId };
}

const meta = {
  title: 'Portal/ticket-list',
  component: 'ticket-list',
  // The element the stories' checks (`play`, see stories/checks/) look at, and when it has settled.
  // The checks look at the portal that provides the list's settings and session.
  parameters: { host: 'customer-portal', settled: listSettled },
  args: {
    backend: 'memory',
    signedInAs: DEMO_SIGN_IN.email,
    view: 'mine',
    permissions: 'company',
    search: '',
    columns: [],
    statusDisplay: 'open-closed',
    ownerName: 'first',
    ownTickets: 0,
    supportForm: true,
    latency: 0,
    locale: 'en',
    theme: 'light',
  },
  argTypes: {
    backend: { control: 'inline-radio', options: ['memory', 'loading', 'error'] },
    signedInAs: {
      control: 'select',
      options: [DEMO_SIGN_IN.email, 'lukas@nordlicht.example', 'elin@fjord.example', 'sam@example.net', NEW_CONTACT.email],
    },
    view: { control: 'inline-radio', options: ['mine', 'company'] },
    permissions: { control: 'inline-radio', options: ['company', 'own'] },
    columns: { control: 'object' },
    statusDisplay: { control: 'inline-radio', options: ['open-closed', 'stages'] },
    ownerName: { control: 'inline-radio', options: ['first', 'full', 'last', 'alias'] },
    ownTickets: { control: { type: 'number', min: 0, max: 2000, step: 50 } },
    latency: { control: { type: 'number', min: 0, step: 100 } },
    locale: { control: 'select', options: ['en', 'de', 'sv', 'da', 'fr', 'es', 'nl', 'it', 'pt', 'pl', 'ja', 'ar'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    onTicketOpen: { action: 'portal-ticket-open', table: { disable: true } },
    onViewChange: { action: 'portal-view-change', table: { disable: true } },
    onPortalError: { action: 'portal-error', table: { disable: true } },
  },
  render: (args) => {
    const { adapter, userId } = backendFor(args);
    presetView(userId, args.view);
    // No whitespace inside the portal: any text node there would fill its slot and hide the built-in views.
    return html`<customer-portal
      .adapter=${adapter}
      locale=${args.locale}
      theme=${args.theme}
      routing="none"
      @portal-ready=${forgetViewWhenReady(userId)}
      @portal-ticket-open=${args.onTicketOpen}
      @portal-view-change=${args.onViewChange}
      @portal-error=${args.onPortalError}
    >${args.search
      ? html`<ticket-list .params=${new URLSearchParams({ view: args.view, q: args.search })}></ticket-list>`
      : nothing}</customer-portal>`;
  },
} satisfies Meta<TicketListArgs>;

export default meta;
type Story = StoryObj<TicketListArgs>;

/** The demo's main contact (Anna Berg) and her own tickets; she may switch to her organization's. */
export const OwnTickets: Story = { ...checks.OwnTickets };

/** Anna chose "Organization tickets" last time: the list starts with her company's tickets. */
export const OrganizationView: Story = { args: { view: 'company' }, ...checks.OrganizationView };

/** The admin lets contacts see only their own tickets: no view switcher. */
export const OwnOnlyPermission: Story = { args: { permissions: 'own' }, ...checks.OwnOnlyPermission };

/** A contact without tickets: "You have no tickets yet." */
export const Empty: Story = { args: { signedInAs: NEW_CONTACT.email }, ...checks.Empty };

/** A search that matches nothing: "No tickets match …" and "Clear search and filters". */
export const NoMatch: Story = { args: { search: NO_MATCH_SEARCH }, ...checks.NoMatch };

/** While the list loads (it never finishes here): eight skeleton rows under the real headers. */
export const Loading: Story = { args: { backend: 'loading' }, ...checks.Loading };

/** The list cannot be loaded: the reason and "Try again" (which then works). */
export const ErrorState: Story = { name: 'Error', args: { backend: 'error' }, ...checks.ErrorState };

/** The admin's columns, including the custom ticket property `product`. */
export const CustomColumns: Story = { args: { columns: CUSTOM_COLUMNS }, ...checks.CustomColumns };

/** Status as the pipeline's stage ("Waiting on us", "In review", …) instead of Open / Closed. */
export const StageStatus: Story = { args: { statusDisplay: 'stages' }, ...checks.StageStatus };

/** Ticket owners by full name. */
export const OwnerFullName: Story = { args: { ownerName: 'full' }, ...checks.OwnerFullName };

/** Ticket owners by their alias ("Maja from Support"), else their first name. */
export const OwnerAlias: Story = { args: { ownerName: 'alias' }, ...checks.OwnerAlias };

/** 300 own tickets: 25 per page, "Previous page" / "Next page" and rows per page. */
export const ManyTickets: Story = { args: { ownTickets: MANY_TICKETS }, ...checks.ManyTickets };

/** The admin switched the support form off: no "Submit a ticket". */
export const NoSupportForm: Story = { args: { supportForm: false }, ...checks.NoSupportForm };

/** `theme="dark"` on the portal. */
export const Dark: Story = { args: { theme: 'dark' }, globals: { backgrounds: { value: 'dark' } }, ...checks.Dark };

export const German: Story = { args: { locale: 'de' }, ...checks.German };
export const Swedish: Story = { args: { locale: 'sv' }, ...checks.Swedish };
export const Danish: Story = { args: { locale: 'da' }, ...checks.Danish };
/** Arabic: the portal writes right to left and mirrors its layout. */
export const Arabic: Story = { args: { locale: 'ar' } };
