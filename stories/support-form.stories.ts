import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MemoryAdapter } from '../src/adapters/memory-adapter.js';
import type { PortalAdapter } from '../src/contract/adapter.js';
import { DEMO_SIGN_IN, demoWorld } from '../src/domain/demo-world.js';
import '../src/define.js';
import { checks, formSettled } from './checks/support-form.js';
import { failingFormAdapter, pendingFormAdapter } from './support/adapters.js';
import {
  CUSTOM_LABEL, FORM_CONTACT, forgetFormDraft, forgetFormDraftWhenRestored, minimalFields, PREFILL_SUBJECT, seedFormDraft,
  SUBMIT_VALUES, UPLOAD_LIMITS,
} from './support/support-form.js';

/**
 * `<support-form>` needs the settings and session of a `<customer-portal>` (through context), so every story
 * renders it inside a signed-in portal (Anna Berg, the demo's main contact) with `routing="none"`, placed in the
 * portal's default slot (the portal then shows it instead of its built-in views). Storybook's own URL is never
 * touched. The form keeps one draft per user in this browser; every story but `DraftRestored` starts without one.
 */
export interface SupportFormArgs {
  /** `memory`: the in-browser demo backend; `loading`: `getSupportForm` never resolves; `error`: it fails once. */
  backend: 'memory' | 'loading' | 'error';
  /** `demo`: every field type (and two conditional fields); `minimal`: Subject and Description only; `off`: the admin switched the form off. */
  form: 'demo' | 'minimal' | 'off';
  /** The admin's upload limits: 2 files of 1 MB, PDF and images only (else the defaults: 5 files of 10 MB, any type). */
  uploadLimits: boolean;
  /** `prefill-*` attributes (empty = none), as a help article or a host page would set them. */
  prefillSubject: string;
  prefillCategory: string;
  prefillImpact: string;
  prefillContent: string;
  /** A form started earlier is stored in this browser (removed again once it is restored). */
  draft: boolean;
  /** Admin's ticket label (replaces "Ticket"/"Tickets" and their translations); empty = the demo's. */
  ticketLabelSingular: string;
  ticketLabelPlural: string;
  /** Simulated latency of every adapter call, in ms. */
  latency: number;
  locale: 'en' | 'de' | 'sv' | 'da' | 'fr' | 'es' | 'nl' | 'it' | 'pt' | 'pl' | 'ja' | 'ar';
  theme: 'light' | 'dark';
  onTicketCreated?: (event: Event) => void;
  onPortalError?: (event: Event) => void;
}

/** A fresh world and backend per render, so stories never share state. */
function backendFor(args: SupportFormArgs): PortalAdapter {
  const world = demoWorld();
  const form = world.settings.supportForm;
  if (args.form === 'minimal') form.fields = minimalFields();
  if (args.form === 'off') form.enabled = false;
  if (args.uploadLimits) form.uploads = { ...UPLOAD_LIMITS, accept: [...UPLOAD_LIMITS.accept] };
  if (args.ticketLabelSingular || args.ticketLabelPlural) {
    const singular = args.ticketLabelSingular || args.ticketLabelPlural;
    const plural = args.ticketLabelPlural || args.ticketLabelSingular;
    world.settings.ticketLabel = { singular, plural };
    world.settings.translations = {};
    form.menuText = `Open a ${singular.toLowerCase()}`;
  }
  const options = { world, latency: args.latency, signedInAs: DEMO_SIGN_IN.email };
  if (args.backend === 'loading') return pendingFormAdapter(options);
  if (args.backend === 'error') return failingFormAdapter({ ...options, failures: 1 });
  return new MemoryAdapter(options);
}

const meta = {
  title: 'Portal/support-form',
  component: 'support-form',
  // The element the stories' checks (`play`, see stories/checks/) look at, and when it has settled.
  // The checks look at the portal the form is slotted into.
  parameters: { host: 'customer-portal', settled: formSettled },
  args: {
    backend: 'memory',
    form: 'demo',
    uploadLimits: false,
    prefillSubject: '',
    prefillCategory: '',
    prefillImpact: '',
    prefillContent: '',
    draft: false,
    ticketLabelSingular: '',
    ticketLabelPlural: '',
    latency: 0,
    locale: 'en',
    theme: 'light',
  },
  argTypes: {
    backend: { control: 'inline-radio', options: ['memory', 'loading', 'error'] },
    form: { control: 'inline-radio', options: ['demo', 'minimal', 'off'] },
    prefillCategory: { control: 'select', options: ['', 'general', 'technical', 'billing', 'account'] },
    prefillImpact: { control: 'select', options: ['', 'me', 'team', 'company'] },
    latency: { control: { type: 'number', min: 0, step: 100 } },
    locale: { control: 'select', options: ['en', 'de', 'sv', 'da', 'fr', 'es', 'nl', 'it', 'pt', 'pl', 'ja', 'ar'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    onTicketCreated: { action: 'portal-ticket-created', table: { disable: true } },
    onPortalError: { action: 'portal-error', table: { disable: true } },
  },
  render: (args) => {
    const adapter = backendFor(args);
    if (args.draft) seedFormDraft(FORM_CONTACT.id);
    else forgetFormDraft(FORM_CONTACT.id);
    // No whitespace inside the portal: a text node there would count as slotted content of its own.
    return html`<customer-portal
      .adapter=${adapter}
      locale=${args.locale}
      theme=${args.theme}
      routing="none"
      @portal-ready=${args.draft ? forgetFormDraftWhenRestored(FORM_CONTACT.id) : undefined}
      @portal-ticket-created=${args.onTicketCreated}
      @portal-error=${args.onPortalError}
    ><support-form
      prefill-subject=${ifDefined(args.prefillSubject || undefined)}
      prefill-category=${ifDefined(args.prefillCategory || undefined)}
      prefill-impact=${ifDefined(args.prefillImpact || undefined)}
      prefill-content=${ifDefined(args.prefillContent || undefined)}
    ></support-form></customer-portal>`;
  },
} satisfies Meta<SupportFormArgs>;

export default meta;
type Story = StoryObj<SupportFormArgs>;

/** Every required field filled in (through `prefill-*`), so one click on "Submit" creates the ticket. */
const readyToSubmit = {
  prefillSubject: SUBMIT_VALUES.subject,
  prefillCategory: SUBMIT_VALUES.category,
  prefillImpact: SUBMIT_VALUES.impact,
  prefillContent: SUBMIT_VALUES.content,
} satisfies Partial<SupportFormArgs>;

/** The demo form: text, select, radio, multiple checkboxes, date, email, long text, files and a checkbox. */
export const EveryFieldType: Story = { ...checks.EveryFieldType };

/** Billing and "My team" chosen (through `prefill-category` and `prefill-impact`): "Order number" and "Affected users" appear. */
export const ConditionalFieldsShown: Story = { args: { prefillCategory: 'billing', prefillImpact: 'team' }, ...checks.ConditionalFieldsShown };

/** "Submit" on the empty form: the error summary links every problem to its field, and the first gets focus. */
export const WithErrors: Story = { ...checks.WithErrors };

/** `prefill-subject`, as a help article's "Still stuck?" link would set it. */
export const Prefilled: Story = { args: { prefillSubject: PREFILL_SUBJECT }, ...checks.Prefilled };

/** A form started earlier in this browser is brought back, with "Start over". */
export const DraftRestored: Story = { args: { draft: true }, ...checks.DraftRestored };

/** After "Submit": the confirmation, a link to the new ticket and "Submit another ticket". */
export const Submitted: Story = {
  args: readyToSubmit,
  ...checks.Submitted,
};

/** The admin kept only "Subject" and "Description". */
export const MinimalForm: Story = { args: { form: 'minimal' }, ...checks.MinimalForm };

/** The admin's upload limits, explained at the file field. */
export const UploadLimits: Story = { args: { uploadLimits: true }, ...checks.UploadLimits };

/** The admin switched the support form off. */
export const Unavailable: Story = { args: { form: 'off' }, ...checks.Unavailable };

/** While the form definition loads (it never finishes here). */
export const Loading: Story = { args: { backend: 'loading' }, ...checks.Loading };

/** The form cannot be loaded: the reason and "Try again" (which then works). */
export const LoadError: Story = { args: { backend: 'error' }, ...checks.LoadError };

/** The admin calls tickets "Cases": after "Submit", "Your case was submitted". */
export const CustomLabel: Story = {
  args: { ...readyToSubmit, ticketLabelSingular: CUSTOM_LABEL.singular, ticketLabelPlural: CUSTOM_LABEL.plural },
  ...checks.CustomLabel,
};

/** `theme="dark"` on the portal. */
export const Dark: Story = { args: { theme: 'dark' }, globals: { backgrounds: { value: 'dark' } }, ...checks.Dark };

export const German: Story = { args: { locale: 'de' }, ...checks.German };
export const Swedish: Story = { args: { locale: 'sv' }, ...checks.Swedish };
export const Danish: Story = { args: { locale: 'da' }, ...checks.Danish };
/** Arabic: the portal writes right to left and mirrors its layout. */
export const Arabic: Story = { args: { locale: 'ar' } };
