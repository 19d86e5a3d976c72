import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MemoryAdapter } from '../src/adapters/memory-adapter.js';
import type { PortalAdapter } from '../src/contract/adapter.js';
import { DEMO_SIGN_IN, demoWorld } from '../src/domain/demo-world.js';
import '../src/define.js';
import { checks, detailSettled } from './checks/ticket-detail.js';
import { failingDetailAdapter, pendingDetailAdapter } from './support/adapters.js';
import {
  addNewTicket, CUSTOM_LABEL, DETAIL_CONTACT, DETAIL_TICKETS, forgetDraftWhenOffered, REMOTE_IMAGE_REPLY, seedDraft,
  UPLOAD_LIMITS, type DetailTicket,
} from './support/ticket-detail.js';

/**
 * `<ticket-detail>` needs the settings and session of a `<customer-portal>` (through context), so every story
 * renders it inside a signed-in portal (Anna Berg, the demo's main contact) with `routing="none"`. The portal's
 * own detail view needs the route `#/tickets/:id`, which `routing="none"` does not read, so the story places
 * `<ticket-detail>` in the portal's default slot; the portal then shows it instead of its built-in views.
 * Storybook's own URL is never touched.
 */
export interface TicketDetailArgs {
  /** `memory`: the in-browser demo backend; `loading`: `getTicket` never resolves; `error`: it fails once. */
  backend: 'memory' | 'loading' | 'error';
  /**
   * Which demo ticket: `open` (messages and an attachment), `draft` (another open one), `twoThreads`, `closed`,
   * `new` (just submitted, no messages yet), `foreign` (another company's: not found).
   */
  ticket: DetailTicket;
  /** An agent's reply with a remote image and a link is added first ("Show images"). */
  remoteImages: boolean;
  /** The admin allows replies to closed tickets. */
  replyToClosed: boolean;
  /** The admin lets customers close tickets. */
  customerClose: boolean;
  /** An unsent reply for the ticket is stored in this browser (removed again once it is offered). */
  draft: boolean;
  /** The admin's upload limits: 2 files of 1 MB, PDF and images only (else the defaults: 5 files of 10 MB, any type). */
  uploadLimits: boolean;
  /** Admin's ticket label (replaces "Ticket"/"Tickets" and their translations); empty = the demo's. */
  ticketLabelSingular: string;
  ticketLabelPlural: string;
  statusDisplay: 'open-closed' | 'stages';
  /** Simulated latency of every adapter call, in ms. */
  latency: number;
  locale: 'en' | 'de' | 'sv' | 'da' | 'fr' | 'es' | 'nl' | 'it' | 'pt' | 'pl' | 'ja' | 'ar';
  theme: 'light' | 'dark';
  onReplySent?: (event: Event) => void;
  onTicketClosed?: (event: Event) => void;
  onPortalError?: (event: Event) => void;
}

/** A fresh world and backend per render, so stories never share state. */
function backendFor(args: TicketDetailArgs): PortalAdapter {
  const world = demoWorld();
  addNewTicket(world);
  const ticketId = DETAIL_TICKETS[args.ticket];
  world.settings.actions.replyToClosed = args.replyToClosed;
  world.settings.actions.customerClose = args.customerClose;
  world.settings.statusDisplay = args.statusDisplay;
  if (args.uploadLimits) world.settings.supportForm.uploads = { ...UPLOAD_LIMITS, accept: [...UPLOAD_LIMITS.accept] };
  if (args.ticketLabelSingular || args.ticketLabelPlural) {
    const singular = args.ticketLabelSingular || args.ticketLabelPlural;
    const plural = args.ticketLabelPlural || args.ticketLabelSingular;
    world.settings.ticketLabel = { singular, plural };
    world.settings.translations = {};
    world.settings.supportForm.menuText = `Open a ${singular.toLowerCase()}`;
  }
  const options = { world, latency: args.latency, signedInAs: DEMO_SIGN_IN.email };
  if (args.backend === 'loading') return pendingDetailAdapter(options);
  if (args.backend === 'error') return failingDetailAdapter({ ...options, failures: 1 });
  const adapter = new MemoryAdapter(options);
  if (args.remoteImages && world.tickets.some((t) => t.id === ticketId)) adapter.agentReply(ticketId, REMOTE_IMAGE_REPLY);
  return adapter;
}

const meta = {
  title: 'Portal/ticket-detail',
  component: 'ticket-detail',
  // The element the stories' checks (`play`, see stories/checks/) look at, and when it has settled.
  // The checks look at the portal the detail is slotted into.
  parameters: { host: 'customer-portal', settled: detailSettled },
  args: {
    backend: 'memory',
    ticket: 'open',
    remoteImages: false,
    replyToClosed: false,
    customerClose: true,
    draft: false,
    uploadLimits: false,
    ticketLabelSingular: '',
    ticketLabelPlural: '',
    statusDisplay: 'open-closed',
    latency: 0,
    locale: 'en',
    theme: 'light',
  },
  argTypes: {
    backend: { control: 'inline-radio', options: ['memory', 'loading', 'error'] },
    ticket: { control: 'select', options: Object.keys(DETAIL_TICKETS) },
    statusDisplay: { control: 'inline-radio', options: ['open-closed', 'stages'] },
    latency: { control: { type: 'number', min: 0, step: 100 } },
    locale: { control: 'select', options: ['en', 'de', 'sv', 'da', 'fr', 'es', 'nl', 'it', 'pt', 'pl', 'ja', 'ar'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    onReplySent: { action: 'portal-reply-sent', table: { disable: true } },
    onTicketClosed: { action: 'portal-ticket-closed', table: { disable: true } },
    onPortalError: { action: 'portal-error', table: { disable: true } },
  },
  render: (args) => {
    const adapter = backendFor(args);
    const ticketId = DETAIL_TICKETS[args.ticket];
    if (args.draft) seedDraft(DETAIL_CONTACT.id, ticketId);
    // No whitespace inside the portal: a text node there would count as slotted content of its own.
    return html`<customer-portal
      .adapter=${adapter}
      locale=${args.locale}
      theme=${args.theme}
      routing="none"
      @portal-ready=${args.draft ? forgetDraftWhenOffered(DETAIL_CONTACT.id, ticketId) : undefined}
      @portal-reply-sent=${args.onReplySent}
      @portal-ticket-closed=${args.onTicketClosed}
      @portal-error=${args.onPortalError}
    ><ticket-detail ticket-id=${ticketId} heading-level="3"></ticket-detail></customer-portal>`;
  },
} satisfies Meta<TicketDetailArgs>;

export default meta;
type Story = StoryObj<TicketDetailArgs>;

/** An open ticket: header, the conversation with an attachment, the reply box and "Close ticket". */
export const Conversation: Story = { ...checks.Conversation };

/** The helpdesk split the ticket into two threads: only the oldest one is shown. */
export const TwoThreads: Story = { args: { ticket: 'twoThreads' }, ...checks.TwoThreads };

/** An agent's reply with a remote image (held back until "Show images") and a link (opens in a new tab). */
export const RemoteImages: Story = { args: { remoteImages: true }, ...checks.RemoteImages };

/** A ticket just submitted: "No messages yet", and the reply box for the first one. */
export const NoMessagesYet: Story = { args: { ticket: 'new' }, ...checks.NoMessagesYet };

/** A closed ticket: no reply box, no "Close ticket"; a notice says why. */
export const ClosedRepliesOff: Story = { args: { ticket: 'closed' }, ...checks.ClosedRepliesOff };

/** The admin allows replies to closed tickets: the reply box stays. */
export const ClosedRepliesAllowed: Story = { args: { ticket: 'closed', replyToClosed: true }, ...checks.ClosedRepliesAllowed };

/** The admin does not let customers close tickets: no "Close ticket". */
export const CloseNotAllowed: Story = { args: { customerClose: false }, ...checks.CloseNotAllowed };

/** An unsent reply from earlier is kept in this browser: "Restore draft" or "Discard draft". */
export const DraftOffered: Story = { args: { ticket: 'draft', draft: true }, ...checks.DraftOffered };

/** The admin's upload limits, explained before anything is attached. */
export const UploadLimits: Story = { args: { uploadLimits: true }, ...checks.UploadLimits };

/** While the ticket loads (it never finishes here): a skeleton. */
export const Loading: Story = { args: { backend: 'loading' }, ...checks.Loading };

/** The ticket cannot be loaded: the reason and "Try again" (which then works). */
export const LoadError: Story = { args: { backend: 'error' }, ...checks.LoadError };

/** Another company's ticket: it "does not exist, or you cannot see it" (no "Try again"). */
export const NotFound: Story = { args: { ticket: 'foreign' }, ...checks.NotFound };

/** The admin calls tickets "Cases": "Close case", "Back to cases". */
export const CustomLabel: Story = {
  args: { ticketLabelSingular: CUSTOM_LABEL.singular, ticketLabelPlural: CUSTOM_LABEL.plural },
  ...checks.CustomLabel,
};

/** Status as the pipeline's stage ("Waiting on us", "In review", …) instead of Open / Closed. */
export const StageStatus: Story = { args: { statusDisplay: 'stages' }, ...checks.StageStatus };

/** `theme="dark"` on the portal. */
export const Dark: Story = { args: { theme: 'dark' }, globals: { backgrounds: { value: 'dark' } }, ...checks.Dark };

export const German: Story = { args: { locale: 'de' }, ...checks.German };
export const Swedish: Story = { args: { locale: 'sv' }, ...checks.Swedish };
export const Danish: Story = { args: { locale: 'da' }, ...checks.Danish };
/** Arabic: the portal writes right to left and mirrors its layout. */
export const Arabic: Story = { args: { locale: 'ar' } };
