import { visibleConversation } from '../../src/domain/conversation.js';
import { demoWorld } from '../../src/domain/demo-world.js';
import { ticketStatus } from '../../src/domain/display.js';
import { whenHeld } from '../support/adapters.js';
import {
  CUSTOM_LABEL, DETAIL_CONTACT, DETAIL_TICKETS, DRAFT_FILE, DRAFT_TEXT, draftKey, NEW_TICKET_SUBJECT, REMOTE_IMAGE_LINK,
  REMOTE_IMAGE_SRC, UPLOAD_LIMITS, UPLOAD_LIMITS_HINT,
} from '../support/ticket-detail.js';
import { buttonIn, checked, expect, navLinks, shadow, squash, waitUntil } from './play.js';

/**
 * Checks of the `<ticket-detail>` stories (`stories/ticket-detail.stories.ts`). They look at the
 * `<customer-portal>` the detail is slotted into (it provides settings and session), and at the detail in it.
 */

const detailOf = (portal: Element) => portal.querySelector<HTMLElement>('ticket-detail');
const detailRoot = (portal: Element) => detailOf(portal)!.shadowRoot!;
const detailText = (portal: Element, selector: string) => squash(detailRoot(portal).querySelector(selector)?.textContent);
const replyBoxOf = (portal: Element) => detailRoot(portal).querySelector<HTMLElement>('portal-reply-box');
const replyRoot = (portal: Element) => replyBoxOf(portal)!.shadowRoot!;
const closeButton = (portal: Element) => detailRoot(portal).querySelector<HTMLButtonElement>('[part="close-button"]');
const backLink = (portal: Element) => detailText(portal, 'a[href="#/tickets"]');
const bodies = (portal: Element) => [...detailRoot(portal).querySelectorAll('portal-message-body')];
const bodyTexts = (portal: Element) => bodies(portal).map((b) => squash(b.shadowRoot?.textContent));
const messageCount = (portal: Element) => detailRoot(portal).querySelectorAll('.message').length;

/**
 * The portal shows the slotted detail (not its built-in views), the detail its ticket (with every message body
 * sanitized and the reply box rendered) or a problem, and is not busy.
 */
export const detailSettled = (portal: HTMLElement) => {
  if (portal.shadowRoot?.querySelector('ticket-list, ticket-detail, support-form')) return false;
  const root = detailOf(portal)?.shadowRoot;
  if (!root || root.querySelector('[aria-busy="true"]')) return false;
  if (root.querySelector('[role="alert"]')) return true;
  if (!root.querySelector('.subject')) return false;
  // Lit's marker comments are there from the first render; the sanitized message arrives later.
  const sanitized = [...root.querySelectorAll('portal-message-body')]
    .every((b) => [...(b.shadowRoot?.querySelector('[part="body"]')?.childNodes ?? [])].some((n) => n.nodeType !== Node.COMMENT_NODE));
  const box = root.querySelector('portal-reply-box');
  return sanitized && (!box || !!box.shadowRoot?.querySelector('form'));
};

const world = demoWorld();
const ticketOf = (id: number) => world.tickets.find((t) => t.id === id)!;
/** The messages a contact sees, by the domain's rule (the oldest thread, without internal notes). */
const visibleMessages = (ticketId: number) => visibleConversation(world.messages.filter((m) => m.ticketId === ticketId));

/** The detail in a locale (the strings load asynchronously after the first render). */
const speaks = (lang: string, close: string, reply: string, send: string, back: string) => checked((el) => {
  expect(shadow(el).querySelector('[part="base"]')?.getAttribute('lang')).to.equal(lang);
  expect(buttonIn(replyRoot(el), send) !== undefined, `"${send}"`).to.equal(true);
  expect(backLink(el)).to.equal(back);
  expect(detailText(el, '.subject')).to.equal(ticketOf(DETAIL_TICKETS.open).subject);
}, (el) => detailSettled(el) && !!detailOf(el)?.shadowRoot && squash(closeButton(el)?.textContent) === close
  && squash(replyBoxOf(el)?.shadowRoot?.querySelector('#reply-label')?.textContent) === reply);

export const checks = {
  Conversation: checked(async (el) => {
    const ticket = ticketOf(DETAIL_TICKETS.open);
    expect(detailText(el, '.subject')).to.equal(ticket.subject);
    expect(detailRoot(el).querySelector('.subject')?.localName).to.equal('h3');
    expect([...detailRoot(el).querySelectorAll('.facts dt')].slice(0, 5).map((dt) => dt.textContent))
      .to.deep.equal(['ID', 'Status', 'Created', 'Last activity', 'Ticket owner']);
    expect(detailText(el, '.status')).to.equal('Open');
    const expected = visibleMessages(ticket.id);
    expect(messageCount(el)).to.equal(expected.length);
    expect(bodyTexts(el)[0]).to.equal(ticket.content);
    const attachment = expected.flatMap((m) => m.attachments)[0];
    expect(attachment === undefined, 'the demo ticket has an attachment').to.equal(false);
    const link = detailRoot(el).querySelector<HTMLAnchorElement>('.attachments a');
    expect(link?.textContent).to.equal(attachment.name);
    expect(link?.hasAttribute('download')).to.equal(true);
    expect(squash(replyRoot(el).querySelector('#reply-label')?.textContent)).to.equal('Reply');
    expect(buttonIn(replyRoot(el), 'Send') !== undefined, '"Send"').to.equal(true);
    expect(backLink(el)).to.equal('Back to tickets');
    // "Close ticket" asks first; "Cancel" keeps it open.
    expect(squash(closeButton(el)?.textContent)).to.equal('Close ticket');
    closeButton(el)!.click();
    const dialog = detailRoot(el).querySelector('dialog')!;
    await waitUntil(() => dialog.open, 'no close dialog');
    expect(squash(dialog.querySelector('h2')?.textContent)).to.equal('Close this ticket?');
    buttonIn(dialog, 'Cancel')!.click();
    await waitUntil(() => !dialog.open, '"Cancel" did not close the dialog');
    expect(detailText(el, '.status')).to.equal('Open');
    expect(location.hash, 'routing="none"').to.equal('');
  }),

  TwoThreads: checked((el) => {
    const ticket = ticketOf(DETAIL_TICKETS.twoThreads);
    const all = world.messages.filter((m) => m.ticketId === ticket.id && !m.internal);
    expect(new Set(all.map((m) => m.thread)).size, 'the demo ticket has two threads').to.equal(2);
    const shown = messageCount(el);
    expect(shown).to.equal(visibleMessages(ticket.id).length);
    expect(shown).to.be.lessThan(all.length);
    expect(bodyTexts(el).some((t) => t.includes('Internal note'))).to.equal(false);
  }),

  RemoteImages: checked(async (el) => {
    const last = bodies(el).at(-1)!.shadowRoot!;
    const image = last.querySelector('img');
    expect(image !== null, 'the image placeholder').to.equal(true);
    expect(image!.hasAttribute('src'), 'remote image held back').to.equal(false);
    const link = last.querySelector('a');
    expect(link?.getAttribute('href')).to.equal(REMOTE_IMAGE_LINK);
    expect(link?.getAttribute('target')).to.equal('_blank');
    expect(link?.getAttribute('rel')).to.equal('noopener noreferrer');
    const show = buttonIn(last, 'Show images');
    expect(show !== undefined, '"Show images"').to.equal(true);
    show!.click();
    await waitUntil(() => last.querySelector('img')?.getAttribute('src') === REMOTE_IMAGE_SRC, 'image not shown');
    expect(buttonIn(last, 'Show images') === undefined, '"Show images" gone').to.equal(true);
  }),

  NoMessagesYet: checked((el) => {
    expect(detailText(el, '.subject')).to.equal(NEW_TICKET_SUBJECT);
    expect(messageCount(el)).to.equal(0);
    expect(detailText(el, 'p.muted')).to.equal('No messages yet. Write the first one below.');
    expect(replyBoxOf(el) !== null, 'reply box').to.equal(true);
  }),

  ClosedRepliesOff: checked((el) => {
    expect(detailText(el, '.subject')).to.equal(ticketOf(DETAIL_TICKETS.closed).subject);
    expect(detailText(el, '.status')).to.equal('Closed');
    expect(messageCount(el)).to.equal(visibleMessages(DETAIL_TICKETS.closed).length);
    expect(replyBoxOf(el) === null, 'no reply box').to.equal(true);
    expect(detailText(el, '.notice')).to.equal('This ticket is closed. Replies are not possible.');
    expect(closeButton(el) === null, 'no "Close ticket"').to.equal(true);
  }),

  ClosedRepliesAllowed: checked((el) => {
    expect(detailText(el, '.status')).to.equal('Closed');
    expect(replyBoxOf(el) !== null, 'reply box').to.equal(true);
    expect(detailRoot(el).querySelector('.notice') === null, 'no "closed" notice').to.equal(true);
    expect(closeButton(el) === null, 'a closed ticket cannot be closed again').to.equal(true);
  }),

  CloseNotAllowed: checked((el) => {
    expect(detailText(el, '.status')).to.equal('Open');
    expect(closeButton(el) === null, 'no "Close ticket"').to.equal(true);
    expect(replyBoxOf(el) !== null, 'reply box').to.equal(true);
  }),

  DraftOffered: checked(async (el) => {
    expect(squash(replyRoot(el).querySelector('.notice')?.textContent)).to.contain('You have an unsent reply from');
    // The seeded draft is removed from storage once offered, so it does not outlive the story.
    await waitUntil(() => localStorage.getItem(draftKey(DETAIL_CONTACT.id, DETAIL_TICKETS.draft)) === null, 'the seeded draft was not cleaned up');
    buttonIn(replyRoot(el), 'Restore draft')!.click();
    await waitUntil(() => squash(replyRoot(el).querySelector('#reply')?.textContent) === DRAFT_TEXT, 'draft not restored');
    expect(squash(replyRoot(el).querySelector('.files .notice')?.textContent)).to.equal(`Attach these files again: ${DRAFT_FILE}`);
    expect(buttonIn(replyRoot(el), 'Restore draft') === undefined, 'offer gone').to.equal(true);
  }, (el) => detailSettled(el) && !!replyBoxOf(el)?.shadowRoot?.querySelector('.notice')),

  UploadLimits: checked((el) => {
    expect(squash(replyRoot(el).querySelector('.hint')?.textContent)).to.contain(UPLOAD_LIMITS_HINT);
    expect(replyRoot(el).querySelector('input[type="file"]')?.getAttribute('accept')).to.equal(UPLOAD_LIMITS.accept.join(','));
  }),

  Loading: checked(async (el) => {
    // The ticket request was made and never answers: after the detail's next update it still shows the skeleton.
    await whenHeld((el as HTMLElement & { adapter?: unknown }).adapter);
    await (detailOf(el) as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(detailRoot(el).querySelector('[aria-busy="true"]') !== null, 'still loading').to.equal(true);
    expect(detailRoot(el).querySelector('.subject') === null, 'no subject yet').to.equal(true);
    expect(detailText(el, '[aria-busy="true"] .visually-hidden')).to.equal('Loading…');
  }, (el) => !!detailOf(el)?.shadowRoot?.querySelector('[aria-busy="true"] .skeleton')),

  LoadError: checked(async (el) => {
    const alert = detailRoot(el).querySelector('[role="alert"]')!;
    expect(squash(alert.textContent)).to.contain('We could not reach the portal. Check your connection and try again.');
    const retry = buttonIn(alert, 'Try again');
    expect(retry !== undefined, '"Try again"').to.equal(true);
    retry!.click();
    await waitUntil(() => detailSettled(el) && !!detailRoot(el).querySelector('.subject'), '"Try again" did not recover');
    expect(detailText(el, '.subject')).to.equal(ticketOf(DETAIL_TICKETS.open).subject);
    expect(detailRoot(el).querySelector('[role="alert"]') === null).to.equal(true);
  }, (el) => !!detailOf(el)?.shadowRoot?.querySelector('[role="alert"]')),

  NotFound: checked((el) => {
    const alert = detailRoot(el).querySelector('[role="alert"]')!;
    expect(squash(alert.textContent)).to.contain('This ticket does not exist, or you cannot see it.');
    expect(buttonIn(alert, 'Try again') === undefined, 'no "Try again" for a missing ticket').to.equal(true);
    expect(backLink(el)).to.equal('Back to tickets');
    expect(detailRoot(el).querySelector('.subject') === null).to.equal(true);
  }),

  CustomLabel: checked((el) => {
    expect(squash(closeButton(el)?.textContent)).to.equal(`Close ${CUSTOM_LABEL.singular.toLowerCase()}`);
    expect(backLink(el)).to.equal(`Back to ${CUSTOM_LABEL.plural.toLowerCase()}`);
    expect(squash(detailRoot(el).querySelector('dialog h2')?.textContent)).to.equal('Close this case?');
    expect(navLinks(el)[0]).to.equal(CUSTOM_LABEL.plural);
  }),

  StageStatus: checked((el) => {
    const ticket = ticketOf(DETAIL_TICKETS.open);
    const status = ticketStatus(world.pipelines, ticket, 'stages');
    expect(detailText(el, '.status')).to.equal(status.label);
    expect(status.label).to.not.equal('Open');
  }),

  Dark: checked((el) => {
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    expect(getComputedStyle(detailOf(el)!).colorScheme).to.equal('dark');
  }),

  German: speaks('de', 'Ticket schließen', 'Antwort', 'Senden', 'Zurück zu Tickets'),
  Swedish: speaks('sv', 'Stäng ärende', 'Svar', 'Skicka', 'Tillbaka till ärenden'),
  Danish: speaks('da', 'Luk sag', 'Svar', 'Send', 'Tilbage til sager'),
};
