import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { expectDeclaredApi } from '../helpers/declared-api.js';
import type { PortalSignedInEvent } from '../../../src/internal/events.js';
import { setPortalLocale, SOURCE_LOCALE } from '../../../src/internal/localization.js';
import { CONSENT_WITH_LINK, IDLE_NOTICE, LINK_CONTACT, SSO_LABEL } from '../../../stories/support/login.js';
import { demoWorld } from '../../../src/domain/demo-world.js';
import type { PortalViewChangeEvent } from '../../../src/internal/events.js';
import { CUSTOM_COLUMNS, MANY_TICKETS, NO_MATCH_SEARCH, storedViewKey } from '../../../stories/support/ticket-list.js';
import {
  CUSTOM_LABEL, DETAIL_CONTACT, DETAIL_TICKETS, DRAFT_FILE, DRAFT_TEXT, draftKey, NEW_TICKET_SUBJECT, REMOTE_IMAGE_LINK,
  REMOTE_IMAGE_SRC, UPLOAD_LIMITS, UPLOAD_LIMITS_HINT,
} from '../../../stories/support/ticket-detail.js';
import {
  CUSTOM_LABEL as FORM_CUSTOM_LABEL, DEMO_FORM_LABELS, DRAFT_VALUES, FORM_CONTACT, formDraftKey, NEXT_TICKET_ID, PREFILL_SUBJECT,
  submitSupportForm, SUBMIT_VALUES, UPLOAD_LIMITS_HINT as FORM_UPLOAD_LIMITS_HINT,
  DRAFT_FILE as FORM_DRAFT_FILE,
} from '../../../stories/support/support-form.js';

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
import * as supportFormStories from '../../../stories/support-form.stories.js';
import * as ticketDetailStories from '../../../stories/ticket-detail.stories.js';
import * as ticketListStories from '../../../stories/ticket-list.stories.js';
import * as viewSwitcherStories from '../../../stories/view-switcher.stories.js';

const storyModules: Record<string, Record<string, unknown>> = {
  'customer-portal': customerPortalStories,
  'portal-login': portalLoginStories,
  'ticket-list': ticketListStories,
  'ticket-detail': ticketDetailStories,
  'support-form': supportFormStories,
  'view-switcher': viewSwitcherStories,
};

/**
 * Files whose stories render their component inside another element that provides its context: the checks
 * (settled, axe, story-specific) get that host element instead of the component.
 */
const hostOf: Record<string, string> = {
  // `<ticket-list>` takes settings and session from the `<customer-portal>` it is shown in.
  'ticket-list': 'customer-portal',
  // `<ticket-detail>` too; the stories slot it into the portal (the built-in detail needs URL routing).
  'ticket-detail': 'customer-portal',
  // `<support-form>` too; the stories slot it into the portal.
  'support-form': 'customer-portal',
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

/** `<ticket-list>` stories: the list inside the portal (in its shadow root, or slotted by the story). */
const listOf = (portal: Element) =>
  (portal.querySelector('ticket-list') ?? portal.shadowRoot?.querySelector('ticket-list')) as HTMLElement | null;
const listRoot = (portal: Element) => listOf(portal)!.shadowRoot!;
const rows = (portal: Element) => [...listRoot(portal).querySelectorAll<HTMLTableRowElement>('tbody tr[data-id]')];
const headers = (portal: Element) => [...listRoot(portal).querySelectorAll('thead th .label')].map((l) => l.textContent?.trim());
const caption = (portal: Element) => listRoot(portal).querySelector('caption')?.textContent?.trim();
const switcherOf = (portal: Element) => listRoot(portal).querySelector<HTMLElement & { value: string }>('view-switcher');
const listButton = (portal: Element, name: string) =>
  [...listRoot(portal).querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const submitLink = (portal: Element) =>
  [...listRoot(portal).querySelectorAll('a.button')].find((a) => a.textContent?.trim().startsWith('Submit a'));
const cells = (portal: Element, column: string) => rows(portal).map((r) => r.querySelector(`.col-${column}`)?.textContent?.trim() ?? '');
/** Loaded (rows, an empty message or an error), not busy, and its switcher (if any) rendered. */
const listSettled = (portal: HTMLElement) => {
  const root = listOf(portal)?.shadowRoot;
  if (!root || root.querySelector('table[aria-busy="true"]')) return false;
  if (!root.querySelector('tbody tr[data-id], .empty, [role="alert"]')) return false;
  const switcher = root.querySelector('view-switcher');
  return !switcher || !!switcher.shadowRoot?.querySelector('fieldset');
};
/** A `<ticket-list>` story in a locale: settled once its headers speak it (the strings load asynchronously). */
const listIn = (subject: string) => (portal: HTMLElement) => listSettled(portal) && headers(portal).includes(subject);

const world = demoWorld();
const anna = world.contacts[0];
const annasTickets = world.tickets.filter((t) => t.contactId === anna.id);
const companyTickets = world.tickets.filter((t) => t.companyId === anna.companyId);

/** `<ticket-detail>` stories: the detail the story slotted into the portal. */
const detailOf = (portal: Element) => portal.querySelector<HTMLElement>('ticket-detail');
const detailRoot = (portal: Element) => detailOf(portal)!.shadowRoot!;
const squash = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() ?? '';
const detailText = (portal: Element, selector: string) => squash(detailRoot(portal).querySelector(selector)?.textContent);
const replyBoxOf = (portal: Element) => detailRoot(portal).querySelector<HTMLElement>('portal-reply-box');
const replyRoot = (portal: Element) => replyBoxOf(portal)!.shadowRoot!;
const closeButton = (portal: Element) => detailRoot(portal).querySelector<HTMLButtonElement>('[part="close-button"]');
const backLink = (portal: Element) => detailText(portal, 'a[href="#/tickets"]');
const bodies = (portal: Element) => [...detailRoot(portal).querySelectorAll('portal-message-body')];
const bodyTexts = (portal: Element) => bodies(portal).map((b) => squash(b.shadowRoot?.textContent));
const buttonIn = (root: ParentNode, name: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => squash(b.textContent) === name);
/**
 * The portal shows the slotted detail (not its built-in views), the detail its ticket (with every message body
 * sanitized and the reply box rendered) or a problem, and is not busy.
 */
const detailSettled = (portal: HTMLElement) => {
  if (portal.shadowRoot?.querySelector('ticket-list, ticket-detail, support-form')) return false;
  const root = detailOf(portal)?.shadowRoot;
  if (!root || root.querySelector('[aria-busy="true"]')) return false;
  if (root.querySelector('[role="alert"]')) return true;
  if (!root.querySelector('.subject')) return false;
  const sanitized = [...root.querySelectorAll('portal-message-body')]
    .every((b) => (b.shadowRoot?.querySelector('[part="body"]')?.childNodes.length ?? 0) > 0);
  const box = root.querySelector('portal-reply-box');
  return sanitized && (!box || !!box.shadowRoot?.querySelector('form'));
};
const ticketOf = (id: number) => world.tickets.find((t) => t.id === id)!;
/** The messages a contact sees: the oldest thread, without internal notes. */
const visibleMessages = (ticketId: number) => {
  const all = world.messages.filter((m) => m.ticketId === ticketId);
  const oldest = Math.min(...all.map((m) => m.thread));
  return all.filter((m) => m.thread === oldest && !m.internal);
};

/** `<support-form>` stories: the form the story slotted into the portal. */
const formOf = (portal: Element) => portal.querySelector<HTMLElement>('support-form');
const formRoot = (portal: Element) => formOf(portal)!.shadowRoot!;
const formText = (portal: Element, selector: string) => squash(formRoot(portal).querySelector(selector)?.textContent);
/** The labels and legends of the form's fields, without the required mark. */
const fieldLabels = (portal: Element) =>
  [...formRoot(portal).querySelectorAll('form label[for], form legend')].map((l) => squash(l.textContent).replace(/\s*\*$/, ''));
const fieldValue = (portal: Element, name: string) =>
  formRoot(portal).querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`#field-${name}`)?.value;
const hasField = (portal: Element, name: string) => formRoot(portal).querySelector(`#field-${name}`) !== null;
/** `input[type]`, `select`, `textarea` or `fieldset` (radio and multiple checkboxes) of a field. */
const controlKind = (portal: Element, name: string) => {
  const control = formRoot(portal).querySelector<HTMLInputElement>(`#field-${name}`);
  return !control ? 'missing' : control.localName === 'input' ? `input[${control.type}]` : control.localName;
};
const successHeading = (portal: Element) => formText(portal, '[part="success"] [data-heading]');
/**
 * The portal shows the slotted form (not its built-in views), and the form its fields, a notice, a problem or the
 * confirmation, and is not busy.
 */
const formSettled = (portal: HTMLElement) => {
  if (!title(portal) || portal.shadowRoot?.querySelector('ticket-list, ticket-detail, support-form')) return false;
  const root = formOf(portal)?.shadowRoot;
  if (!root || root.querySelector('[aria-busy="true"]')) return false;
  return !!root.querySelector('form, .notice, [role="alert"], [part="success"]');
};
/** Submits the story's prefilled form and checks the confirmation (texts in the given ticket label). */
async function submitsPrefilledForm(el: HTMLElement, label: { singular: string; sentence: string }) {
  expect(fieldValue(el, 'subject')).to.equal(SUBMIT_VALUES.subject);
  await submitSupportForm(el);
  expect(formRoot(el).querySelector('[part="error-summary"]') === null, 'no problems').to.equal(true);
  expect(successHeading(el)).to.equal(`Your ${label.sentence} was submitted`);
  expect(squash(formRoot(el).activeElement?.textContent), 'focus on the confirmation').to.equal(`Your ${label.sentence} was submitted`);
  expect(formText(el, '[part="success"] a')).to.equal(`View ${label.singular} #${NEXT_TICKET_ID}`);
  expect(buttonIn(formRoot(el), `Submit another ${label.sentence}`) !== undefined, `"Submit another ${label.sentence}"`).to.equal(true);
  const created = (el as HTMLElement & { adapter: { world: { tickets: { id: number; subject: string }[] } } }).adapter.world.tickets.at(-1);
  expect(`${created?.id} ${created?.subject}`).to.equal(`${NEXT_TICKET_ID} ${SUBMIT_VALUES.subject}`);
  expect(localStorage.getItem(formDraftKey(FORM_CONTACT.id)) === null, 'no draft left').to.equal(true);
  expect(location.hash, 'routing="none"').to.equal('');
  await expect(el).to.be.accessible();
}

/** `<view-switcher>`: its options. */
const options = (el: Element) => [...(el.shadowRoot?.querySelectorAll('label') ?? [])].map((l) => l.textContent?.trim());
const checked = (el: Element) => el.shadowRoot?.querySelector<HTMLInputElement>('input:checked')?.value;

/** When a story's element counts as settled, unless its expectation says otherwise. */
const defaultSettled: Record<string, (el: HTMLElement) => boolean> = {
  // A title (portal, "not available" or problem) is shown.
  'customer-portal': loadedOrFailed,
  // The settings arrived and a form (or page) heading is shown.
  'portal-login': (el) => !!heading(el),
  // The portal shows the list, and the list its rows, empty state or error.
  'ticket-list': listSettled,
  // The portal shows the slotted detail, and the detail its ticket (bodies sanitized) or a problem.
  'ticket-detail': detailSettled,
  // The portal shows the slotted form, and the form its fields, a notice, a problem or the confirmation.
  'support-form': formSettled,
  // Rendered (the "hidden" story renders nothing).
  'view-switcher': (el) => !!el.shadowRoot && (!!el.shadowRoot.querySelector('fieldset') || !(el as HTMLElement & { session?: { canViewCompany: boolean } }).session?.canViewCompany),
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
  'ticket-list/OwnTickets': {
    check(el) {
      expect(headers(el)).to.deep.equal(['ID', 'Subject', 'Requested by', 'Created', 'Ticket owner', 'Last activity', 'Status']);
      expect(caption(el)).to.equal('Your tickets');
      expect(rows(el).map((r) => Number(r.dataset.id)).sort((a, b) => a - b))
        .to.deep.equal(annasTickets.map((t) => t.id).sort((a, b) => a - b));
      expect(switcherOf(el)?.value).to.equal('mine');
      expect(submitLink(el)?.textContent?.trim()).to.equal('Submit a ticket');
      expect(localStorage.getItem(storedViewKey(anna.id)), 'no stored view').to.be.null;
    },
  },
  'ticket-list/OrganizationView': {
    settled: (el) => listSettled(el) && caption(el) === 'Tickets of your organization',
    async check(el) {
      expect(switcherOf(el)?.value).to.equal('company');
      expect(rows(el)).to.have.length(Math.min(25, companyTickets.length));
      expect(rows(el).every((r) => companyTickets.some((t) => t.id === Number(r.dataset.id)))).to.be.true;
      // The preset choice is removed again, so other stories do not inherit it.
      await waitUntil(() => localStorage.getItem(storedViewKey(anna.id)) === null, 'the stored view was not cleaned up');
      // Switching back works and fires portal-view-change.
      const changed = new Promise<PortalViewChangeEvent>((resolve) => el.addEventListener('portal-view-change', resolve, { once: true }));
      switcherOf(el)!.shadowRoot!.querySelector<HTMLInputElement>('input[value="mine"]')!.click();
      expect((await changed).detail.view).to.equal('mine');
      await waitUntil(() => listSettled(el) && caption(el) === 'Your tickets', 'did not switch to "Owned by me"');
      expect(location.hash, 'routing="none"').to.equal('');
    },
  },
  'ticket-list/OwnOnlyPermission': {
    check(el) {
      expect(switcherOf(el), 'no view switcher').to.be.null;
      expect(caption(el)).to.equal('Your tickets');
      expect(rows(el).length).to.equal(annasTickets.length);
    },
  },
  'ticket-list/Empty': {
    check(el) {
      expect(listRoot(el).querySelector('.empty')?.textContent?.trim()).to.equal('You have no tickets yet.');
      expect(rows(el)).to.be.empty;
      expect(listRoot(el).querySelector('.pager'), 'no pager').to.be.null;
      expect(switcherOf(el), 'a company contact may still switch').to.exist;
    },
  },
  'ticket-list/NoMatch': {
    async check(el) {
      expect(listRoot(el).querySelector('.empty')?.textContent).to.contain('No tickets match your search and filters.');
      expect(listRoot(el).querySelector<HTMLInputElement>('#search')?.value).to.equal(NO_MATCH_SEARCH);
      listButton(el, 'Clear search and filters')!.click();
      await waitUntil(() => listSettled(el) && rows(el).length > 0, '"Clear search and filters" did not bring the tickets back');
      expect(listRoot(el).querySelector<HTMLInputElement>('#search')?.value).to.equal('');
      expect(location.hash, 'routing="none"').to.equal('');
    },
  },
  'ticket-list/Loading': {
    settled: (el) => !!listOf(el)?.shadowRoot?.querySelector('.skeleton-row'),
    async check(el) {
      // A timer, not requestAnimationFrame (see customer-portal/Loading).
      await aTimeout(100);
      expect(listRoot(el).querySelectorAll('.skeleton-row')).to.have.length(8);
      expect(listRoot(el).querySelector('table')?.getAttribute('aria-busy')).to.equal('true');
      expect(listRoot(el).querySelector('[role="status"]')?.textContent).to.equal('Loading…');
      expect(headers(el), 'the real headers above the skeleton').to.include('Subject');
    },
  },
  'ticket-list/ErrorState': {
    settled: (el) => !!listOf(el)?.shadowRoot?.querySelector('[role="alert"]'),
    async check(el) {
      const alert = listRoot(el).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('We could not reach the portal. Check your connection and try again.');
      [...alert.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Try again')!.click();
      await waitUntil(() => listSettled(el) && rows(el).length > 0 && !listRoot(el).querySelector('[role="alert"]'), '"Try again" did not recover');
    },
  },
  'ticket-list/CustomColumns': {
    check(el) {
      expect(CUSTOM_COLUMNS).to.include('product');
      expect(headers(el)).to.deep.equal(['Subject', 'Product', 'Status', 'Ticket owner']);
      expect(cells(el, 'product').every((p) => ['Cloud', 'On-premise', 'Mobile'].includes(p))).to.be.true;
      // The subject carries the link.
      expect(rows(el)[0].querySelector('.col-subject a')).to.exist;
    },
  },
  'ticket-list/StageStatus': {
    check(el) {
      const stages = new Set(world.pipelines.flatMap((p) => p.stages.map((s) => s.label)));
      const statuses = rows(el).map((r) => r.querySelector('.status')?.textContent?.trim() ?? '');
      expect(statuses.every((s) => stages.has(s)), statuses.join(', ')).to.be.true;
      expect(statuses.some((s) => s !== 'Closed' && s !== 'Open'), 'stage labels, not Open/Closed').to.be.true;
    },
  },
  'ticket-list/OwnerFullName': {
    check(el) {
      const names = new Set(world.agents.map((a) => `${a.firstName} ${a.lastName}`));
      const owners = cells(el, 'owner').filter((n) => n !== 'Unassigned');
      expect(owners).to.not.be.empty;
      expect(owners.every((n) => names.has(n)), owners.join(', ')).to.be.true;
    },
  },
  'ticket-list/OwnerAlias': {
    check(el) {
      const names = new Set(world.agents.map((a) => a.alias ?? a.firstName));
      const owners = cells(el, 'owner').filter((n) => n !== 'Unassigned');
      expect(owners).to.not.be.empty;
      expect(owners.every((n) => names.has(n)), owners.join(', ')).to.be.true;
    },
  },
  'ticket-list/ManyTickets': {
    async check(el) {
      expect(rows(el)).to.have.length(25);
      const pager = () => listRoot(el).querySelector('.pager')?.textContent?.replace(/\s+/g, ' ') ?? '';
      expect(pager()).to.contain(`Page 1 of ${Math.ceil(MANY_TICKETS / 25)}`).and.contain(`1–25 of ${MANY_TICKETS} tickets`);
      expect(listButton(el, 'Previous page')?.disabled).to.be.true;
      listButton(el, 'Next page')!.click();
      await waitUntil(() => listSettled(el) && pager().includes('Page 2 of'), 'no second page');
      expect(location.hash, 'routing="none"').to.equal('');
    },
  },
  'ticket-list/NoSupportForm': {
    check(el) {
      expect(submitLink(el), 'no "Submit a ticket"').to.be.undefined;
      expect(navLinks(el)).to.deep.equal(['Tickets']);
      expect(rows(el)).to.not.be.empty;
    },
  },
  'ticket-list/Dark': {
    check(el) {
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      expect(getComputedStyle(listOf(el)!).colorScheme).to.equal('dark');
    },
  },
  ...Object.fromEntries(
    ([
      ['German', 'de', 'Betreff', 'Ihre Tickets', 'Ticket einreichen', 'Tickets der Organisation'],
      ['Swedish', 'sv', 'Ämne', 'Dina ärenden', 'Skicka in ärende', 'Organisationens ärenden'],
      ['Danish', 'da', 'Emne', 'Dine sager', 'Indsend sag', 'Organisationens sager'],
    ] as const).map(([story, lang, subject, mine, submit, company]) => [
      `ticket-list/${story}`,
      {
        settled: listIn(subject),
        check(el: HTMLElement) {
          expect(shadow(el).querySelector('[part="base"]')?.getAttribute('lang')).to.equal(lang);
          expect(caption(el)).to.equal(mine);
          expect([...listRoot(el).querySelectorAll('a.button')].map((a) => a.textContent?.trim())).to.include(submit);
          expect(options(switcherOf(el)!)).to.deep.equal([company, lang === 'de' ? 'Meine eigenen' : lang === 'sv' ? 'Mina egna' : 'Mine egne']);
        },
      } satisfies Expectation,
    ]),
  ),
  'ticket-detail/Conversation': {
    async check(el) {
      const ticket = ticketOf(DETAIL_TICKETS.open);
      expect(detailText(el, '.subject')).to.equal(ticket.subject);
      expect(detailRoot(el).querySelector('.subject')?.localName).to.equal('h3');
      expect([...detailRoot(el).querySelectorAll('.facts dt')].slice(0, 5).map((dt) => dt.textContent))
        .to.deep.equal(['ID', 'Status', 'Created', 'Last activity', 'Ticket owner']);
      expect(detailText(el, '.status')).to.equal('Open');
      const expected = visibleMessages(ticket.id);
      expect(detailRoot(el).querySelectorAll('.message').length).to.equal(expected.length);
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
    },
  },
  'ticket-detail/TwoThreads': {
    check(el) {
      const ticket = ticketOf(DETAIL_TICKETS.twoThreads);
      const all = world.messages.filter((m) => m.ticketId === ticket.id && !m.internal);
      expect(new Set(all.map((m) => m.thread)).size, 'the demo ticket has two threads').to.equal(2);
      const shown = detailRoot(el).querySelectorAll('.message').length;
      expect(shown).to.equal(visibleMessages(ticket.id).length);
      expect(shown).to.be.lessThan(all.length);
      expect(bodyTexts(el).some((t) => t.includes('Internal note'))).to.equal(false);
    },
  },
  'ticket-detail/RemoteImages': {
    async check(el) {
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
    },
  },
  'ticket-detail/NoMessagesYet': {
    check(el) {
      expect(detailText(el, '.subject')).to.equal(NEW_TICKET_SUBJECT);
      expect(detailRoot(el).querySelectorAll('.message').length).to.equal(0);
      expect(detailText(el, 'p.muted')).to.equal('No messages yet. Write the first one below.');
      expect(replyBoxOf(el) !== null, 'reply box').to.equal(true);
    },
  },
  'ticket-detail/ClosedRepliesOff': {
    check(el) {
      expect(detailText(el, '.subject')).to.equal(ticketOf(DETAIL_TICKETS.closed).subject);
      expect(detailText(el, '.status')).to.equal('Closed');
      expect(detailRoot(el).querySelectorAll('.message').length).to.equal(visibleMessages(DETAIL_TICKETS.closed).length);
      expect(replyBoxOf(el) === null, 'no reply box').to.equal(true);
      expect(detailText(el, '.notice')).to.equal('This ticket is closed. Replies are not possible.');
      expect(closeButton(el) === null, 'no "Close ticket"').to.equal(true);
    },
  },
  'ticket-detail/ClosedRepliesAllowed': {
    check(el) {
      expect(detailText(el, '.status')).to.equal('Closed');
      expect(replyBoxOf(el) !== null, 'reply box').to.equal(true);
      expect(detailRoot(el).querySelector('.notice') === null, 'no "closed" notice').to.equal(true);
      expect(closeButton(el) === null, 'a closed ticket cannot be closed again').to.equal(true);
    },
  },
  'ticket-detail/CloseNotAllowed': {
    check(el) {
      expect(detailText(el, '.status')).to.equal('Open');
      expect(closeButton(el) === null, 'no "Close ticket"').to.equal(true);
      expect(replyBoxOf(el) !== null, 'reply box').to.equal(true);
    },
  },
  'ticket-detail/DraftOffered': {
    settled: (el) => detailSettled(el) && !!replyBoxOf(el)?.shadowRoot?.querySelector('.notice'),
    async check(el) {
      expect(squash(replyRoot(el).querySelector('.notice')?.textContent)).to.contain('You have an unsent reply from');
      // The seeded draft is removed from storage once offered, so it does not outlive the story.
      await waitUntil(() => localStorage.getItem(draftKey(DETAIL_CONTACT.id, DETAIL_TICKETS.draft)) === null, 'the seeded draft was not cleaned up');
      buttonIn(replyRoot(el), 'Restore draft')!.click();
      await waitUntil(() => squash(replyRoot(el).querySelector('#reply')?.textContent) === DRAFT_TEXT, 'draft not restored');
      expect(squash(replyRoot(el).querySelector('.files .notice')?.textContent)).to.equal(`Attach these files again: ${DRAFT_FILE}`);
      expect(buttonIn(replyRoot(el), 'Restore draft') === undefined, 'offer gone').to.equal(true);
    },
  },
  'ticket-detail/UploadLimits': {
    check(el) {
      expect(squash(replyRoot(el).querySelector('.hint')?.textContent)).to.contain(UPLOAD_LIMITS_HINT);
      expect(replyRoot(el).querySelector('input[type="file"]')?.getAttribute('accept')).to.equal(UPLOAD_LIMITS.accept.join(','));
    },
  },
  'ticket-detail/Loading': {
    settled: (el) => !!detailOf(el)?.shadowRoot?.querySelector('[aria-busy="true"] .skeleton'),
    async check(el) {
      // A timer, not requestAnimationFrame (see customer-portal/Loading).
      await aTimeout(100);
      expect(detailRoot(el).querySelector('[aria-busy="true"]') !== null, 'still loading').to.equal(true);
      expect(detailRoot(el).querySelector('.subject') === null, 'no subject yet').to.equal(true);
      expect(detailText(el, '[aria-busy="true"] .visually-hidden')).to.equal('Loading…');
    },
  },
  'ticket-detail/LoadError': {
    settled: (el) => !!detailOf(el)?.shadowRoot?.querySelector('[role="alert"]'),
    async check(el) {
      const alert = detailRoot(el).querySelector('[role="alert"]')!;
      expect(squash(alert.textContent)).to.contain('We could not reach the portal. Check your connection and try again.');
      const retry = buttonIn(alert, 'Try again');
      expect(retry !== undefined, '"Try again"').to.equal(true);
      retry!.click();
      await waitUntil(() => detailSettled(el) && !!detailRoot(el).querySelector('.subject'), '"Try again" did not recover');
      expect(detailText(el, '.subject')).to.equal(ticketOf(DETAIL_TICKETS.open).subject);
      expect(detailRoot(el).querySelector('[role="alert"]') === null).to.equal(true);
    },
  },
  'ticket-detail/NotFound': {
    check(el) {
      const alert = detailRoot(el).querySelector('[role="alert"]')!;
      expect(squash(alert.textContent)).to.contain('This ticket does not exist, or you cannot see it.');
      expect(buttonIn(alert, 'Try again') === undefined, 'no "Try again" for a missing ticket').to.equal(true);
      expect(backLink(el)).to.equal('Back to tickets');
      expect(detailRoot(el).querySelector('.subject') === null).to.equal(true);
    },
  },
  'ticket-detail/CustomLabel': {
    check(el) {
      expect(squash(closeButton(el)?.textContent)).to.equal(`Close ${CUSTOM_LABEL.singular.toLowerCase()}`);
      expect(backLink(el)).to.equal(`Back to ${CUSTOM_LABEL.plural.toLowerCase()}`);
      expect(squash(detailRoot(el).querySelector('dialog h2')?.textContent)).to.equal('Close this case?');
      expect(navLinks(el)[0]).to.equal(CUSTOM_LABEL.plural);
    },
  },
  'ticket-detail/StageStatus': {
    check(el) {
      const ticket = ticketOf(DETAIL_TICKETS.open);
      const stage = world.pipelines.find((p) => p.id === ticket.pipeline)!.stages.find((s) => s.id === ticket.stage)!;
      expect(detailText(el, '.status')).to.equal(stage.label);
      expect(stage.label).to.not.equal('Open');
    },
  },
  'ticket-detail/Dark': {
    check(el) {
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      expect(getComputedStyle(detailOf(el)!).colorScheme).to.equal('dark');
    },
  },
  ...Object.fromEntries(
    ([
      ['German', 'de', 'Ticket schließen', 'Antwort', 'Senden', 'Zurück zu Tickets'],
      ['Swedish', 'sv', 'Stäng ärende', 'Svar', 'Skicka', 'Tillbaka till ärenden'],
      ['Danish', 'da', 'Luk sag', 'Svar', 'Send', 'Tilbage til sager'],
    ] as const).map(([story, lang, close, reply, send, back]) => [
      `ticket-detail/${story}`,
      {
        // The locale's strings load asynchronously after the first render.
        settled: (el: HTMLElement) => detailSettled(el) && !!detailOf(el)?.shadowRoot && squash(closeButton(el)?.textContent) === close
          && squash(replyBoxOf(el)?.shadowRoot?.querySelector('#reply-label')?.textContent) === reply,
        check(el: HTMLElement) {
          expect(shadow(el).querySelector('[part="base"]')?.getAttribute('lang')).to.equal(lang);
          expect(buttonIn(replyRoot(el), send) !== undefined, `"${send}"`).to.equal(true);
          expect(backLink(el)).to.equal(back);
          expect(detailText(el, '.subject')).to.equal(ticketOf(DETAIL_TICKETS.open).subject);
        },
      } satisfies Expectation,
    ]),
  ),
  'support-form/EveryFieldType': {
    check(el) {
      expect(fieldLabels(el)).to.deep.equal(DEMO_FORM_LABELS);
      expect(['subject', 'category', 'impact', 'products', 'firstNoticed', 'ccEmail', 'content', 'attachments', 'mayAccessAccount']
        .map((name) => `${name}: ${controlKind(el, name)}`)).to.deep.equal([
        'subject: input[text]', 'category: select', 'impact: fieldset', 'products: fieldset', 'firstNoticed: input[date]',
        'ccEmail: input[email]', 'content: textarea', 'attachments: input[file]', 'mayAccessAccount: input[checkbox]',
      ]);
      expect(hasField(el, 'orderNumber') || hasField(el, 'affectedUsers'), 'conditional fields hidden').to.equal(false);
      expect(formText(el, 'form > .hint')).to.equal('Fields marked * are required.');
      expect(formRoot(el).querySelector('.notice') === null, 'no restored draft').to.equal(true);
    },
  },
  'support-form/ConditionalFieldsShown': {
    check(el) {
      const labels = fieldLabels(el);
      expect(labels.slice(0, 5)).to.deep.equal(['Subject', 'Category', 'Order number', 'Who is affected?', 'Affected users']);
      expect(fieldValue(el, 'category')).to.equal('billing');
      expect(formRoot(el).querySelector<HTMLInputElement>('#field-impact input[value="team"]')?.checked).to.equal(true);
      expect(controlKind(el, 'affectedUsers')).to.equal('input[number]');
      expect(formText(el, '#field-orderNumber-help')).to.equal('You find it at the top of your invoice.');
    },
  },
  'support-form/WithErrors': {
    async check(el) {
      await submitSupportForm(el);
      const items = [...formRoot(el).querySelectorAll('[part="error-summary"] a')].map((a) => squash(a.textContent));
      expect(items).to.deep.equal(['Please fill in this field.', 'Please choose an option.', 'Please choose an option.', 'Please fill in this field.']);
      expect(formText(el, '#summary-title')).to.equal('Please check these fields:');
      expect(formRoot(el).activeElement?.id, 'focus on the first problem').to.equal('field-subject');
      expect(formRoot(el).querySelector('#field-subject')?.getAttribute('aria-invalid')).to.equal('true');
      expect(formRoot(el).querySelector('#field-subject')?.getAttribute('aria-describedby')).to.equal('field-subject-error');
      expect(formText(el, '#field-content-error')).to.equal('Please fill in this field.');
      await expect(el).to.be.accessible();
    },
  },
  'support-form/Prefilled': {
    check(el) {
      expect(fieldValue(el, 'subject')).to.equal(PREFILL_SUBJECT);
      expect(`${fieldValue(el, 'category')}|${fieldValue(el, 'content')}`, 'only the subject').to.equal('|');
      expect(formRoot(el).querySelector('.notice') === null, 'not a restored draft').to.equal(true);
    },
  },
  'support-form/DraftRestored': {
    settled: (el) => formSettled(el) && !!formOf(el)?.shadowRoot?.querySelector('form') && !!formOf(el)?.shadowRoot?.querySelector('.notice'),
    async check(el) {
      expect(formText(el, '.notice')).to.equal(`We restored the form you had started. Attach these files again: ${FORM_DRAFT_FILE} Start over`);
      expect(['subject', 'category', 'orderNumber', 'content'].map((name) => fieldValue(el, name)))
        .to.deep.equal([DRAFT_VALUES.subject, DRAFT_VALUES.category, DRAFT_VALUES.orderNumber, DRAFT_VALUES.content]);
      // The seeded draft is removed again once restored, so other stories do not inherit it.
      await waitUntil(() => localStorage.getItem(formDraftKey(FORM_CONTACT.id)) === null, 'the seeded draft was not cleaned up');
      buttonIn(formRoot(el), 'Start over')!.click();
      await waitUntil(() => fieldValue(el, 'subject') === '' && !formRoot(el).querySelector('.notice'), '"Start over" did not empty the form');
      expect(hasField(el, 'orderNumber'), 'the conditional field hides again').to.equal(false);
    },
  },
  'support-form/Submitted': {
    check: (el) => submitsPrefilledForm(el, { singular: 'Ticket', sentence: 'ticket' }),
  },
  'support-form/MinimalForm': {
    check(el) {
      expect(fieldLabels(el)).to.deep.equal(['Subject', 'Description']);
      expect(hasField(el, 'attachments'), 'no file field').to.equal(false);
      expect(buttonIn(formRoot(el), 'Submit') !== undefined).to.equal(true);
    },
  },
  'support-form/UploadLimits': {
    check(el) {
      const field = formRoot(el).querySelector('#field-attachments')?.closest('.field');
      const hints = [...(field?.querySelectorAll('.hint') ?? [])].map((h) => squash(h.textContent));
      expect(hints).to.include(FORM_UPLOAD_LIMITS_HINT);
      expect(formRoot(el).querySelector('#field-attachments')?.getAttribute('accept')).to.equal('.pdf,image/*');
    },
  },
  'support-form/Unavailable': {
    check(el) {
      expect(formText(el, '.notice')).to.equal('The support form is not available.');
      expect(formRoot(el).querySelector('form') === null, 'no form').to.equal(true);
      expect(navLinks(el), 'no menu entry for the form').to.deep.equal(['Tickets']);
    },
  },
  'support-form/Loading': {
    settled: (el) => !!title(el) && !!formOf(el)?.shadowRoot?.querySelector('[aria-busy="true"]'),
    async check(el) {
      // A timer, not requestAnimationFrame (see customer-portal/Loading).
      await aTimeout(100);
      const busy = formRoot(el).querySelector<HTMLElement>('[aria-busy="true"]');
      expect(squash(busy?.textContent), 'still loading').to.equal('Loading…');
      expect(formRoot(el).querySelector('form') === null, 'no form yet').to.equal(true);
      expect(busy!.getBoundingClientRect().height, 'space is reserved').to.be.greaterThan(200);
    },
  },
  'support-form/LoadError': {
    settled: (el) => !!title(el) && !!formOf(el)?.shadowRoot?.querySelector('[role="alert"]'),
    async check(el) {
      const alert = formRoot(el).querySelector('[role="alert"]')!;
      expect(squash(alert.textContent)).to.contain('We could not reach the portal. Check your connection and try again.');
      buttonIn(alert, 'Try again')!.click();
      await waitUntil(() => formSettled(el) && !!formRoot(el).querySelector('form') && !formRoot(el).querySelector('[role="alert"]'), '"Try again" did not recover');
      expect(fieldLabels(el)).to.deep.equal(DEMO_FORM_LABELS);
    },
  },
  'support-form/CustomLabel': {
    async check(el) {
      expect(navLinks(el)).to.deep.equal([FORM_CUSTOM_LABEL.plural, `Open a ${FORM_CUSTOM_LABEL.singular.toLowerCase()}`]);
      await submitsPrefilledForm(el, { singular: FORM_CUSTOM_LABEL.singular, sentence: FORM_CUSTOM_LABEL.singular.toLowerCase() });
    },
  },
  'support-form/Dark': {
    check(el) {
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      expect(getComputedStyle(formOf(el)!).colorScheme).to.equal('dark');
    },
  },
  ...Object.fromEntries(
    ([
      ['German', 'de', 'Absenden', 'Mit * markierte Felder sind Pflichtfelder.', 'Bitte wählen …'],
      ['Swedish', 'sv', 'Skicka', 'Fält markerade med * är obligatoriska.', 'Välj …'],
      ['Danish', 'da', 'Indsend', 'Felter markeret med * skal udfyldes.', 'Vælg …'],
    ] as const).map(([story, lang, submit, requiredNote, choose]) => [
      `support-form/${story}`,
      {
        // The locale's strings load asynchronously after the first render.
        settled: (el: HTMLElement) => formSettled(el) && squash(formOf(el)?.shadowRoot?.querySelector('[part="submit-button"]')?.textContent) === submit,
        check(el: HTMLElement) {
          expect(shadow(el).querySelector('[part="base"]')?.getAttribute('lang')).to.equal(lang);
          expect(formText(el, 'form > .hint')).to.equal(requiredNote);
          expect(formText(el, '#field-category option[value=""]')).to.equal(choose);
        },
      } satisfies Expectation,
    ]),
  ),
  'view-switcher/Company': {
    async check(el) {
      expect(options(el)).to.deep.equal(['Organization tickets', 'Owned by me']);
      expect(checked(el)).to.equal('company');
      expect(el.shadowRoot!.querySelector('legend')?.textContent).to.equal('Show');
      const changed = new Promise<PortalViewChangeEvent>((resolve) => el.addEventListener('portal-view-change', resolve, { once: true }));
      el.shadowRoot!.querySelector<HTMLInputElement>('input[value="mine"]')!.click();
      expect((await changed).detail.view).to.equal('mine');
      expect(el.getAttribute('value')).to.equal('mine');
    },
  },
  'view-switcher/Mine': {
    check(el) {
      expect(checked(el)).to.equal('mine');
      expect(el.getAttribute('value')).to.equal('mine');
    },
  },
  'view-switcher/Hidden': {
    check(el) {
      expect(el.shadowRoot!.querySelector('fieldset'), 'renders nothing').to.be.null;
      expect(el.getBoundingClientRect().width).to.equal(0);
    },
  },
  'view-switcher/CustomTicketLabel': {
    check(el) {
      expect(options(el)).to.deep.equal(['Organization cases', 'Owned by me']);
    },
  },
  'view-switcher/Dark': {
    check(el) {
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      // The chosen option uses the dark accent of `light-dark()`.
      const chosen = el.shadowRoot!.querySelector('input:checked')!.closest('label')!;
      expect(getComputedStyle(chosen).backgroundColor).to.equal('rgb(138, 180, 255)');
    },
  },
  'view-switcher/German': {
    settled: (el) => options(el)[1] === 'Meine eigenen',
    check(el) {
      expect(el.closest('[lang]')?.getAttribute('lang')).to.equal('de');
      expect(options(el)).to.deep.equal(['Tickets der Organisation', 'Meine eigenen']);
      expect(el.shadowRoot!.querySelector('legend')?.textContent).to.equal('Anzeigen');
    },
  },
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
  // Elements without a language of their own, a portal or a `lang` around them speak the page default. Start
  // every story with English as on a fresh page (as Storybook does on a full load), so the outcome does not
  // depend on story order.
  beforeEach(() => setPortalLocale(SOURCE_LOCALE));

  afterEach(() => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
    // The ticket-list stories preset (and clean up) the stored view; a failed story may leave it behind.
    for (const key of Object.keys(localStorage)) if (key.startsWith('customer-portal:view:')) localStorage.removeItem(key);
    // The ticket-detail and support-form draft stories seed (and clean up) a draft; restoring it may store it again.
    for (const key of Object.keys(localStorage)) if (key.startsWith('customer-portal:draft:')) localStorage.removeItem(key);
  });

  it('has story-specific expectations only for stories that exist', () => {
    const known = new Set(Object.entries(storyModules).flatMap(([file, module]) => storiesOf(module).map(({ name }) => `${file}/${name}`)));
    expect(Object.keys(expectations).filter((key) => !known.has(key))).to.deep.equal([]);
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
          // A story may wrap its element (e.g. in a dark or `lang` container); the checks are about the element,
          // or about the host that provides its context (see `hostOf`).
          const tag = hostOf[file] ?? meta.component;
          const el = tag && rendered.localName !== tag ? rendered.querySelector<HTMLElement>(tag)! : rendered;
          expect(el, `${name}: a <${tag}> element`).to.exist;
          const expectation = expectations[`${file}/${name}`] ?? {};
          const settled = expectation.settled ?? defaultSettled[file] ?? loadedOrFailed;
          await waitUntil(() => settled(el), `${name} did not settle`, { timeout: 5000 });
          await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
          expect(location.hash, 'stories must not touch the page URL').to.equal('');
          await expect(el).to.be.accessible();
          await expectation.check?.(el);
          await expectDeclaredApi(rendered);
        });

        it(`${story.name ?? name} in Arabic (right to left) renders mirrored and has no axe violations`, async () => {
          const render = story.render ?? meta.render;
          const args: Args = { ...meta.args, ...story.args };
          if ('locale' in args) args.locale = 'ar';
          await setPortalLocale('ar');
          const template = render!(args, { args, id: `${file}--${name}`, name: story.name ?? name }) as TemplateResult;
          const wrap = await fixture<HTMLElement>(html`<div lang="ar" dir="rtl">${template}</div>`);
          const tag = hostOf[file] ?? meta.component;
          const el = wrap.querySelector<HTMLElement>(tag!)!;
          expect(el, `${name}: a <${tag}> element`).to.exist;
          // The default settle conditions do not depend on the language (story-specific ones may: not used here).
          const settled = defaultSettled[file] ?? loadedOrFailed;
          const expectation = expectations[`${file}/${name}`] ?? {};
          const quiet = expectation.settled && /Loading|LoadError|Pending|Sending/.test(name) ? expectation.settled : settled;
          await waitUntil(() => quiet(el), `${name} did not settle in Arabic`, { timeout: 5000 });
          await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
          const base = el.shadowRoot?.querySelector<HTMLElement>('[part="base"]') ?? el;
          expect(getComputedStyle(base).direction, 'mirrored').to.equal('rtl');
          await expect(el).to.be.accessible();
        });
      }
    });
  }
});
