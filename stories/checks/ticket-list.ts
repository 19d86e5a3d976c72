import { demoWorld } from '../../src/domain/demo-world.js';
import { ownerDisplayName } from '../../src/domain/display.js';
import type { PortalViewChangeEvent } from '../../src/internal/events.js';
import { whenHeld } from '../support/adapters.js';
import { CUSTOM_COLUMNS, MANY_TICKETS, NO_MATCH_SEARCH, storedViewKey } from '../support/ticket-list.js';
import { buttonIn, checked, expect, navLinks, nextEvent, shadow, switcherOptions, waitUntil } from './play.js';

/**
 * Checks of the `<ticket-list>` stories (`stories/ticket-list.stories.ts`). They look at the `<customer-portal>`
 * the list is shown in (it provides settings and session), and at the list inside it.
 */

const listOf = (portal: Element) =>
  (portal.querySelector('ticket-list') ?? portal.shadowRoot?.querySelector('ticket-list')) as HTMLElement | null;
const listRoot = (portal: Element) => listOf(portal)!.shadowRoot!;
const rows = (portal: Element) => [...listRoot(portal).querySelectorAll<HTMLTableRowElement>('tbody tr[data-id]')];
const headers = (portal: Element) => [...listRoot(portal).querySelectorAll('thead th .label')].map((l) => l.textContent?.trim());
const caption = (portal: Element) => listRoot(portal).querySelector('caption')?.textContent?.trim();
const switcherOf = (portal: Element) => listRoot(portal).querySelector<HTMLElement & { value: string }>('view-switcher');
const listButton = (portal: Element, name: string) => buttonIn(listRoot(portal), name);
const submitLink = (portal: Element) =>
  [...listRoot(portal).querySelectorAll('a.button')].find((a) => a.textContent?.trim().startsWith('Submit a'));
const cells = (portal: Element, column: string) => rows(portal).map((r) => r.querySelector(`.col-${column}`)?.textContent?.trim() ?? '');

/** Loaded (rows, an empty message or an error), not busy, and its switcher (if any) rendered. */
export const listSettled = (portal: HTMLElement) => {
  const root = listOf(portal)?.shadowRoot;
  if (!root || root.querySelector('table[aria-busy="true"]')) return false;
  if (!root.querySelector('tbody tr[data-id], .empty, [role="alert"]')) return false;
  const switcher = root.querySelector('view-switcher');
  return !switcher || !!switcher.shadowRoot?.querySelector('fieldset');
};

const world = demoWorld();
const anna = world.contacts[0];
const annasTickets = world.tickets.filter((t) => t.contactId === anna.id);
const companyTickets = world.tickets.filter((t) => t.companyId === anna.companyId);
const ids = (list: { id: number }[]) => list.map((t) => t.id).sort((a, b) => a - b);

/** The owners shown, without "Unassigned", are all names of the given form. */
const ownersAre = (names: Set<string>) => checked((el) => {
  const owners = cells(el, 'owner').filter((n) => n !== 'Unassigned');
  expect(owners).to.not.be.empty;
  expect(owners.every((n) => names.has(n)), owners.join(', ')).to.be.true;
});

/** The list in a locale: settled once its headers speak it (the strings load asynchronously). */
const speaks = (lang: string, subject: string, mine: string, submit: string, company: string, ownOnes: string) => checked((el) => {
  expect(shadow(el).querySelector('[part="base"]')?.getAttribute('lang')).to.equal(lang);
  expect(caption(el)).to.equal(mine);
  expect([...listRoot(el).querySelectorAll('a.button')].map((a) => a.textContent?.trim())).to.include(submit);
  expect(switcherOptions(switcherOf(el)!)).to.deep.equal([company, ownOnes]);
}, (el) => listSettled(el) && headers(el).includes(subject));

export const checks = {
  OwnTickets: checked((el) => {
    expect(headers(el)).to.deep.equal(['ID', 'Subject', 'Requested by', 'Created', 'Ticket owner', 'Last activity', 'Status']);
    expect(caption(el)).to.equal('Your tickets');
    expect(rows(el).map((r) => Number(r.dataset.id)).sort((a, b) => a - b)).to.deep.equal(ids(annasTickets));
    expect(switcherOf(el)?.value).to.equal('mine');
    expect(submitLink(el)?.textContent?.trim()).to.equal('Submit a ticket');
    expect(localStorage.getItem(storedViewKey(anna.id)), 'no stored view').to.be.null;
  }),

  OrganizationView: checked(async (el) => {
    expect(switcherOf(el)?.value).to.equal('company');
    expect(rows(el)).to.have.length(Math.min(25, companyTickets.length));
    expect(rows(el).every((r) => companyTickets.some((t) => t.id === Number(r.dataset.id)))).to.be.true;
    // The preset choice is removed again, so other stories do not inherit it.
    await waitUntil(() => localStorage.getItem(storedViewKey(anna.id)) === null, 'the stored view was not cleaned up');
    // Switching back works and fires portal-view-change.
    const changed = nextEvent<PortalViewChangeEvent>(el, 'portal-view-change');
    switcherOf(el)!.shadowRoot!.querySelector<HTMLInputElement>('input[value="mine"]')!.click();
    expect((await changed).detail.view).to.equal('mine');
    await waitUntil(() => listSettled(el) && caption(el) === 'Your tickets', 'did not switch to "Owned by me"');
    expect(location.hash, 'routing="none"').to.equal('');
  }, (el) => listSettled(el) && caption(el) === 'Tickets of your organization'),

  OwnOnlyPermission: checked((el) => {
    expect(switcherOf(el), 'no view switcher').to.be.null;
    expect(caption(el)).to.equal('Your tickets');
    expect(rows(el).length).to.equal(annasTickets.length);
  }),

  Empty: checked((el) => {
    expect(listRoot(el).querySelector('.empty')?.textContent?.trim()).to.equal('You have no tickets yet.');
    expect(rows(el)).to.be.empty;
    expect(listRoot(el).querySelector('.pager'), 'no pager').to.be.null;
    expect(switcherOf(el), 'a company contact may still switch').to.exist;
  }),

  NoMatch: checked(async (el) => {
    expect(listRoot(el).querySelector('.empty')?.textContent).to.contain('No tickets match your search and filters.');
    expect(listRoot(el).querySelector<HTMLInputElement>('#search')?.value).to.equal(NO_MATCH_SEARCH);
    listButton(el, 'Clear search and filters')!.click();
    await waitUntil(() => listSettled(el) && rows(el).length > 0, '"Clear search and filters" did not bring the tickets back');
    expect(listRoot(el).querySelector<HTMLInputElement>('#search')?.value).to.equal('');
    expect(location.hash, 'routing="none"').to.equal('');
  }),

  Loading: checked(async (el) => {
    // The list request was made and never answers: after the list's next update it still shows the skeleton.
    await whenHeld((el as HTMLElement & { adapter?: unknown }).adapter);
    await (listOf(el) as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(listRoot(el).querySelectorAll('.skeleton-row')).to.have.length(8);
    expect(listRoot(el).querySelector('table')?.getAttribute('aria-busy')).to.equal('true');
    expect(listRoot(el).querySelector('[role="status"]')?.textContent).to.equal('Loading…');
    expect(headers(el), 'the real headers above the skeleton').to.include('Subject');
  }, (el) => !!listOf(el)?.shadowRoot?.querySelector('.skeleton-row')),

  ErrorState: checked(async (el) => {
    const alert = listRoot(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('We could not reach the portal. Check your connection and try again.');
    buttonIn(alert, 'Try again')!.click();
    await waitUntil(() => listSettled(el) && rows(el).length > 0 && !listRoot(el).querySelector('[role="alert"]'), '"Try again" did not recover');
  }, (el) => !!listOf(el)?.shadowRoot?.querySelector('[role="alert"]')),

  CustomColumns: checked((el) => {
    expect(CUSTOM_COLUMNS).to.include('product');
    expect(headers(el)).to.deep.equal(['Subject', 'Product', 'Status', 'Ticket owner']);
    expect(cells(el, 'product').every((p) => ['Cloud', 'On-premise', 'Mobile'].includes(p))).to.be.true;
    // The subject carries the link.
    expect(rows(el)[0].querySelector('.col-subject a')).to.exist;
  }),

  StageStatus: checked((el) => {
    const stages = new Set(world.pipelines.flatMap((p) => p.stages.map((s) => s.label)));
    const statuses = rows(el).map((r) => r.querySelector('.status')?.textContent?.trim() ?? '');
    expect(statuses.every((s) => stages.has(s)), statuses.join(', ')).to.be.true;
    expect(statuses.some((s) => s !== 'Closed' && s !== 'Open'), 'stage labels, not Open/Closed').to.be.true;
  }),

  OwnerFullName: ownersAre(new Set(world.agents.map((a) => ownerDisplayName(a, 'full')))),
  OwnerAlias: ownersAre(new Set(world.agents.map((a) => ownerDisplayName(a, 'alias')))),

  ManyTickets: checked(async (el) => {
    expect(rows(el)).to.have.length(25);
    const pager = () => listRoot(el).querySelector('.pager')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(pager()).to.contain(`Page 1 of ${Math.ceil(MANY_TICKETS / 25)}`).and.contain(`1–25 of ${MANY_TICKETS} tickets`);
    expect(listButton(el, 'Previous page')?.disabled).to.be.true;
    listButton(el, 'Next page')!.click();
    await waitUntil(() => listSettled(el) && pager().includes('Page 2 of'), 'no second page');
    expect(location.hash, 'routing="none"').to.equal('');
  }),

  NoSupportForm: checked((el) => {
    expect(submitLink(el), 'no "Submit a ticket"').to.be.undefined;
    expect(navLinks(el)).to.deep.equal(['Tickets']);
    expect(rows(el)).to.not.be.empty;
  }),

  Dark: checked((el) => {
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    expect(getComputedStyle(listOf(el)!).colorScheme).to.equal('dark');
  }),

  German: speaks('de', 'Betreff', 'Ihre Tickets', 'Ticket einreichen', 'Tickets der Organisation', 'Meine eigenen'),
  Swedish: speaks('sv', 'Ämne', 'Dina ärenden', 'Skicka in ärende', 'Organisationens ärenden', 'Mina egna'),
  Danish: speaks('da', 'Emne', 'Dine sager', 'Indsend sag', 'Organisationens sager', 'Mine egne'),
};
