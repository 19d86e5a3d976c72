import type { FormField } from '../../src/contract/form.js';
import { DEMO_FORM_FIELDS } from '../../src/domain/demo-form.js';
import { DEMO_SIGN_IN, demoWorld } from '../../src/domain/demo-world.js';

export { CUSTOM_LABEL, UPLOAD_LIMITS, UPLOAD_LIMITS_HINT } from './ticket-detail.js';

/**
 * Fixtures of the `<support-form>` stories, shared with the browser test that renders them. The form is the demo
 * world's (`src/domain/demo-form.ts`: every field type, two conditional fields); the stories only change what the
 * admin set up (fields, upload limits, label) and what the form starts with (prefill attributes, a stored draft).
 */

const world = demoWorld();

/** The demo contact of every support-form story (Anna Berg). */
export const FORM_CONTACT = world.contacts.find((c) => c.email === DEMO_SIGN_IN.email)!;

/** The id the first ticket created in a story's (fresh) world gets. */
export const NEXT_TICKET_ID = Math.max(...world.tickets.map((t) => t.id)) + 1;

/** The labels (and legends) of the demo form as first shown: the conditional fields are hidden. */
export const DEMO_FORM_LABELS = DEMO_FORM_FIELDS.filter((f) => !f.visibleWhen).map((f) => f.label);

/** The fields of the minimal-form story: only "Subject" and "Description". */
export const MINIMAL_FIELD_NAMES = ['subject', 'content'] as const;
export const minimalFields = (): FormField[] =>
  DEMO_FORM_FIELDS.filter((f) => (MINIMAL_FIELD_NAMES as readonly string[]).includes(f.name)).map((f) => ({ ...f }));

/** The subject of the prefilled story (as a help article would link to the form). */
export const PREFILL_SUBJECT = 'Question about the export article';

/**
 * Every required field of the demo form, valid (as `prefill-*` attributes): the submitted stories need one click
 * on "Submit" to create the ticket.
 */
export const SUBMIT_VALUES = {
  subject: 'Export to Excel is empty',
  category: 'technical',
  impact: 'me',
  content: 'The export finishes, but the file has no rows since this morning.',
} as const;

/** The form started earlier in this browser, as `<support-form>` saves it while typing. */
export const DRAFT_VALUES = {
  subject: 'Invoice shows the wrong VAT number',
  category: 'billing',
  orderNumber: 'ORD-204518',
  content: 'Our VAT number on invoice 2026-0142 is missing the country prefix.',
} as const;
/** A file that was attached to the draft (files are not kept, only their names). */
export const DRAFT_FILE = 'invoice-2026-0142.pdf';

/** The key under which `<support-form>` keeps its draft (see `src/internal/drafts.ts`). */
export const formDraftKey = (userId: number) => `customer-portal:draft:${userId}:support-form`;

/** Stores a started form, as `<support-form>` does while typing. Call before the portal mounts. */
export function seedFormDraft(userId: number) {
  try {
    localStorage.setItem(formDraftKey(userId), JSON.stringify({
      html: JSON.stringify({ raw: { ...DRAFT_VALUES }, key: 'story-draft-0001' }),
      savedAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      fileNames: [DRAFT_FILE],
    }));
  } catch {
    // Storage off: nothing is restored.
  }
}

/** Removes the form draft (seeded, or typed in another story, which would otherwise be restored). */
export function forgetFormDraft(userId: number) {
  try {
    localStorage.removeItem(formDraftKey(userId));
  } catch {
    // Nothing stored.
  }
}

/** The shadow root of the `<support-form>` the story placed in (or under) `root`. */
export const supportFormRoot = (root: ParentNode) => root.querySelector('support-form')?.shadowRoot ?? null;

/**
 * A `portal-ready` listener that removes the seeded draft once the form has read it (it does so when its
 * definition has loaded, before it renders the form), so the draft does not outlive the story. The restored
 * values stay on screen. Gives up (and removes it anyway) after 15 s, e.g. if the form fails to load.
 */
export const forgetFormDraftWhenRestored = (userId: number) => (event: Event) => {
  const portal = event.currentTarget as Element;
  const started = Date.now();
  const poll = () => {
    const root = supportFormRoot(portal);
    if (root?.querySelector('form, [part="success"], .notice, [role="alert"]') || Date.now() - started > 15_000) forgetFormDraft(userId);
    else setTimeout(poll, 50);
  };
  poll();
};

/** Resolves with `find()`'s first truthy result; polls with a timer (animation frames pause in background tabs). */
async function poll<T>(find: () => T | null | undefined, message: string, timeout = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - started > timeout) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Clicks "Submit" of the story's form once it has loaded, and waits for the answer: the confirmation, the error
 * summary or a sending error. Part of the `play` of the submitting stories (`stories/checks/support-form.ts`).
 */
export async function submitSupportForm(root: ParentNode) {
  const button = await poll(() => supportFormRoot(root)?.querySelector<HTMLButtonElement>('form [part="submit-button"]'), 'the support form did not load');
  button.click();
  await poll(() => supportFormRoot(root)?.querySelector('[part="success"], [part="error-summary"], .form-error'), 'the support form did not answer');
}
