import type { UploadLimits } from '../../src/contract/form.js';
import { DEMO_SIGN_IN, demoWorld, type DemoWorld } from '../../src/domain/demo-world.js';

/**
 * Fixtures of the `<ticket-detail>` stories, shared with the browser test that renders them. The demo tickets
 * are picked from `demoWorld()` by the same rules as test/browser/ticket-detail/ (the demo gives every 7th ticket
 * a second thread, every 10th no conversation, every 3rd an attachment on its first message).
 */

const world = demoWorld();
const anna = world.contacts.find((c) => c.email === DEMO_SIGN_IN.email)!;
const closedStages = new Set(world.pipelines.flatMap((p) => p.stages.filter((s) => s.closed).map((s) => s.id)));
const annas = world.tickets.filter((t) => t.contactId === anna.id);
const isOpen = (t: { stage: string }) => !closedStages.has(t.stage);
const hasMessages = (t: { id: number }) => t.id % 10 !== 0;
const twoThreaded = (t: { id: number }) => t.id % 7 === 0 && hasMessages(t);
const withAttachment = (t: { id: number }) =>
  world.messages.some((m) => m.ticketId === t.id && m.thread === 1 && !m.internal && m.attachments.length > 0);

/** The demo contact of every ticket-detail story (Anna Berg). */
export const DETAIL_CONTACT = anna;

/** Demo tickets by role (ids); `new` is added to the story's world by `addNewTicket`. */
export const DETAIL_TICKETS = {
  /** Open, one thread, messages and an attachment. */
  open: annas.find((t) => isOpen(t) && hasMessages(t) && !twoThreaded(t) && withAttachment(t))!.id,
  /** Another open one-thread ticket, so the draft story shares no draft slot with the others. */
  draft: annas.find((t) => isOpen(t) && hasMessages(t) && !twoThreaded(t) && !withAttachment(t))!.id,
  /** Two threads: only the oldest is shown. */
  twoThreads: annas.find((t) => twoThreaded(t))!.id,
  /** Closed, with a conversation. */
  closed: annas.find((t) => !isOpen(t) && hasMessages(t) && !twoThreaded(t))!.id,
  /** Another company's ticket: Anna may not see it. */
  foreign: world.tickets.find((t) => t.companyId !== anna.companyId)!.id,
  /** A ticket just submitted, without conversation (see `addNewTicket`). */
  new: Math.max(...world.tickets.map((t) => t.id)) + 1,
} as const;

export type DetailTicket = keyof typeof DETAIL_TICKETS;

/** The subject of the ticket `addNewTicket` adds. */
export const NEW_TICKET_SUBJECT = 'Question about our contract renewal';

/**
 * Adds an open ticket of Anna's without any messages (as the support form creates it), with the id
 * `DETAIL_TICKETS.new`. The demo's own conversation-less ticket is closed, which would hide the reply box.
 */
export function addNewTicket(target: DemoWorld) {
  if (target.tickets.some((t) => t.id === DETAIL_TICKETS.new)) return;
  const pipeline = target.pipelines[0];
  const at = new Date(Math.max(...target.tickets.map((t) => Date.parse(t.lastActivityAt))) + 3_600_000).toISOString();
  target.tickets.push({
    id: DETAIL_TICKETS.new, subject: NEW_TICKET_SUBJECT, content: `${NEW_TICKET_SUBJECT}. Details from ${anna.name}.`,
    pipeline: pipeline.id, stage: pipeline.stages[0].id, priority: null, ownerId: null, contactId: anna.id,
    companyId: anna.companyId, createdAt: at, lastActivityAt: at, properties: { product: 'Cloud' },
  });
}

/** The image of the remote-images story (held back until "Show images"). */
export const REMOTE_IMAGE_SRC = 'https://cdn.nordlicht.example/help/export-settings.png';
/** The link of the remote-images story. */
export const REMOTE_IMAGE_LINK = 'https://help.nordlicht.example/articles/export';
/** An agent's reply with a remote image and a link, as the helpdesk would send it. */
export const REMOTE_IMAGE_REPLY =
  `<p>Here is where the setting lives (see <a href="${REMOTE_IMAGE_LINK}">our guide</a>):</p>` +
  `<p><img src="${REMOTE_IMAGE_SRC}" alt="The export settings page"></p>`;

/** The admin's upload limits of the upload-limits story. */
export const UPLOAD_LIMITS: UploadLimits = { maxFiles: 2, maxBytes: 1_000_000, accept: ['.pdf', 'image/*'] };
/** The hint these limits give (English). */
export const UPLOAD_LIMITS_HINT = 'Up to 2 files, 1 MB each. Allowed: .pdf, image/*';

/** The admin's ticket label of the custom-label story. */
export const CUSTOM_LABEL = { singular: 'Case', plural: 'Cases' } as const;

/** The unsent reply of the draft story. */
export const DRAFT_TEXT = 'The export still stops at 10,000 rows. I attached the log';
export const DRAFT_FILE = 'export-log.txt';

/** The key under which `<portal-reply-box>` keeps a draft (see `src/internal/drafts.ts`). */
export const draftKey = (userId: number, ticketId: number) => `customer-portal:draft:${userId}:ticket-${ticketId}`;

/** Stores an unsent reply for the ticket, as the reply box does while typing. Call before the portal mounts. */
export function seedDraft(userId: number, ticketId: number) {
  try {
    localStorage.setItem(draftKey(userId, ticketId), JSON.stringify({
      html: `<p>${DRAFT_TEXT}</p>`, savedAt: new Date(Date.now() - 2 * 3_600_000).toISOString(), fileNames: [DRAFT_FILE],
    }));
  } catch {
    // Storage off: no draft is offered.
  }
}

/** Removes a ticket's draft (seeded or typed). */
export function forgetDraft(userId: number, ticketId: number) {
  try {
    localStorage.removeItem(draftKey(userId, ticketId));
  } catch {
    // Nothing stored.
  }
}

/**
 * A `portal-ready` listener that removes the seeded draft once the reply box has read it (it does so before its
 * first render, after the ticket has loaded), so the draft does not outlive the story. The offer stays on screen
 * ("Restore draft" works from memory). Gives up (and removes it anyway) after 15 s, e.g. if the ticket fails.
 */
export const forgetDraftWhenOffered = (userId: number, ticketId: number) => (event: Event) => {
  const portal = event.currentTarget as Element;
  const started = Date.now();
  const poll = () => {
    const box = portal.querySelector('ticket-detail')?.shadowRoot?.querySelector('portal-reply-box') as
      | (HTMLElement & { hasUpdated?: boolean })
      | null
      | undefined;
    if (box?.hasUpdated || Date.now() - started > 15_000) forgetDraft(userId, ticketId);
    else setTimeout(poll, 50);
  };
  poll();
};
