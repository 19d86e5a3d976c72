import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../../src/define.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { NetworkError } from '../../../src/contract/errors.js';
import type { TicketQuery } from '../../../src/contract/tickets.js';
import { DEMO_SIGN_IN, demoWorld, type DemoWorld } from '../../../src/domain/demo-world.js';
import type { CustomerPortal } from '../../../src/elements/customer-portal/customer-portal.js';
import type { TicketList } from '../../../src/elements/ticket-list/ticket-list.js';
import type { PortalTicketOpenEvent, PortalViewChangeEvent } from '../../../src/internal/events.js';
import { setPortalLocale } from '../../../src/internal/localization.js';
import { ControlledAdapter } from '../helpers/controlled-adapter.js';

const world0 = demoWorld();
const anna = world0.contacts[0];
const own = world0.tickets.filter((t) => t.contactId === anna.id);
const company = world0.tickets.filter((t) => t.companyId === anna.companyId);

const list = (portal: CustomerPortal) => portal.shadowRoot!.querySelector<TicketList>('ticket-list')!;
const sr = (l: TicketList) => l.shadowRoot!;
const rows = (l: TicketList) => [...sr(l).querySelectorAll<HTMLTableRowElement>('tbody tr[data-id]')];
const ids = (l: TicketList) => rows(l).map((r) => Number(r.dataset.id));
const headers = (l: TicketList) => [...sr(l).querySelectorAll('thead th .label')].map((label) => label.textContent?.trim() ?? '');

async function portal(options: { world?: DemoWorld; adapter?: MemoryAdapter; hash?: string; locale?: string } = {}) {
  history.replaceState(null, '', `${location.pathname}${location.search}${options.hash ?? ''}`);
  const adapter = options.adapter ?? new MemoryAdapter({ world: options.world, signedInAs: DEMO_SIGN_IN.email });
  const el = await fixture<CustomerPortal>(html`<customer-portal locale=${options.locale ?? 'en'} .adapter=${adapter}></customer-portal>`);
  await waitUntil(() => el.shadowRoot!.querySelector('ticket-list')?.shadowRoot?.querySelector('tbody tr[data-id], .empty'), 'list did not load');
  return el;
}
const settle = (l: TicketList, check: () => boolean, message: string) => waitUntil(() => !sr(l).querySelector('table[aria-busy="true"]') && check(), message);

describe('ticket-list', () => {
  before(() => setPortalLocale('en'));
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
    localStorage.clear();
  });

  it('shows the own tickets in a native table with the default columns', async () => {
    const el = await portal();
    const l = list(el);
    expect(headers(l)).to.deep.equal(['ID', 'Subject', 'Requested by', 'Created', 'Ticket owner', 'Last activity', 'Status']);
    expect(sr(l).querySelector('caption')?.textContent).to.equal('Your tickets');
    expect(ids(l).sort((a, b) => a - b)).to.deep.equal(own.map((t) => t.id).sort((a, b) => a - b));
    const first = own.find((t) => t.id === ids(l)[0])!;
    expect(rows(l)[0].querySelector('a')?.textContent).to.equal(first.subject);
    expect(sr(l).querySelector('th[aria-sort="descending"]')?.textContent).to.contain('Created');
    await expect(l).to.be.accessible();
  });

  it('sorts by a column header button and says so with aria-sort', async () => {
    const l = list(await portal());
    const subjectHeader = () => [...sr(l).querySelectorAll('th')].find((th) => th.textContent?.includes('Subject'))!;
    subjectHeader().querySelector('button')!.click();
    await settle(l, () => subjectHeader().getAttribute('aria-sort') === 'ascending', 'not sorted ascending');
    const subjects = rows(l).map((r) => r.querySelector('.col-subject')!.textContent!.trim().toLowerCase());
    expect(subjects).to.deep.equal([...subjects].sort());
    expect(location.hash).to.contain('sort=subject').and.contain('order=asc');
    subjectHeader().querySelector('button')!.click();
    await settle(l, () => subjectHeader().getAttribute('aria-sort') === 'descending', 'not sorted descending');
  });

  it('searches on the server side after typing, keeps the state in the URL, and survives a reload', async () => {
    const el = await portal();
    const l = list(el);
    const word = own[0].subject.split(' ')[0];
    const search = sr(l).querySelector<HTMLInputElement>('#search')!;
    expect(sr(l).querySelector('label[for="search"]')?.textContent).to.equal('Search');
    search.value = word;
    search.dispatchEvent(new Event('input'));
    const expected = own.filter((t) => t.subject.toLowerCase().includes(word.toLowerCase())).map((t) => t.id).sort((a, b) => a - b);
    await settle(l, () => JSON.stringify([...ids(l)].sort((a, b) => a - b)) === JSON.stringify(expected), 'search not applied');
    expect(location.hash).to.contain(`q=${encodeURIComponent(word)}`);
    const reloaded = list(await portal({ hash: location.hash }));
    expect([...ids(reloaded)].sort((a, b) => a - b)).to.deep.equal(expected);
    expect(sr(reloaded).querySelector<HTMLInputElement>('#search')!.value).to.equal(word);
  });

  it('filters by status and by a column value the server reports', async () => {
    const l = list(await portal());
    const status = sr(l).querySelector<HTMLSelectElement>('#status')!;
    expect([...status.options].map((o) => o.textContent)).to.deep.equal(['Open', 'Closed', 'All']);
    status.value = 'open';
    status.dispatchEvent(new Event('change'));
    await settle(l, () => rows(l).every((r) => r.querySelector('.status')?.textContent === 'Open'), 'status filter not applied');
    await waitUntil(() => sr(l).querySelector('#filter-ownerId'), 'no owner filter');
    const owner = sr(l).querySelector<HTMLSelectElement>('#filter-ownerId')!;
    expect(sr(l).querySelector('label[for="filter-ownerId"]')?.textContent).to.equal('Ticket owner');
    const option = owner.options[1];
    owner.value = option.value;
    owner.dispatchEvent(new Event('change'));
    const name = option.textContent!.replace(/ \(\d+\)$/, '');
    await settle(l, () => rows(l).length > 0 && rows(l).every((r) => r.querySelector('.col-owner')?.textContent === name), 'owner filter not applied');
    await expect(l).to.be.accessible();
  });

  it('switches to the organization view, remembers the choice and fires portal-view-change', async () => {
    const el = await portal();
    const l = list(el);
    const switcher = sr(l).querySelector('view-switcher')!;
    const labels = [...switcher.shadowRoot!.querySelectorAll('label')].map((x) => x.textContent?.trim());
    expect(labels).to.deep.equal(['Organization tickets', 'Owned by me']);
    const changed = new Promise<PortalViewChangeEvent>((resolve) => el.addEventListener('portal-view-change', resolve, { once: true }));
    switcher.shadowRoot!.querySelector<HTMLInputElement>('input[value="company"]')!.click();
    expect((await changed).detail.view).to.equal('company');
    await settle(l, () => rows(l).length === Math.min(25, company.length) && sr(l).querySelector('caption')?.textContent === 'Tickets of your organization', 'company view not shown');
    expect(location.hash).to.contain('view=company');
    const again = list(await portal({ hash: '#/tickets' }));
    await settle(again, () => sr(again).querySelector('caption')?.textContent === 'Tickets of your organization', 'choice not remembered');
    await expect(again).to.be.accessible();
  });

  it('offers no organization view without company permission, even through the URL', async () => {
    const world = demoWorld();
    world.settings.permissions = { mode: 'own' };
    const l = list(await portal({ world, hash: '#/tickets?view=company' }));
    expect(sr(l).querySelector('view-switcher')).to.be.null;
    expect(sr(l).querySelector('caption')?.textContent).to.equal('Your tickets');
    expect(ids(l).every((id) => own.some((t) => t.id === id))).to.be.true;
  });

  it('pages through the list with the page in the URL', async () => {
    const l = list(await portal({ hash: '#/tickets?view=company&pageSize=10&sort=id&order=asc' }));
    const all = company.map((t) => t.id).sort((a, b) => a - b);
    expect(ids(l)).to.deep.equal(all.slice(0, 10));
    const next = [...sr(l).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Next page')!;
    next.click();
    await settle(l, () => JSON.stringify(ids(l)) === JSON.stringify(all.slice(10, 20)), 'second page not shown');
    expect(location.hash).to.contain('page=2');
    expect(sr(l).querySelector('.pager')?.textContent).to.contain(`Page 2 of ${Math.ceil(all.length / 10)}`);
    history.back();
    await settle(l, () => JSON.stringify(ids(l)) === JSON.stringify(all.slice(0, 10)), 'back did not return to page 1');
  });

  it('opens a ticket from its link or anywhere on its row', async () => {
    const el = await portal();
    const l = list(el);
    const opened = new Promise<PortalTicketOpenEvent>((resolve) => el.addEventListener('portal-ticket-open', resolve, { once: true }));
    const id = ids(l)[1];
    (rows(l)[1].querySelector('.col-status') as HTMLElement).click();
    expect((await opened).detail.ticketId).to.equal(id);
    await waitUntil(() => location.hash === `#/tickets/${id}`, 'did not navigate');
  });

  it('tells "no tickets yet" apart from "nothing matches"', async () => {
    const world = demoWorld();
    world.tickets = world.tickets.filter((t) => t.contactId !== anna.id);
    const l = list(await portal({ world }));
    expect(sr(l).querySelector('.empty')?.textContent?.trim()).to.equal('You have no tickets yet.');
    const narrowed = list(await portal({ hash: '#/tickets?q=zzzz-nothing' }));
    expect(sr(narrowed).querySelector('.empty')?.textContent).to.contain('No tickets match your search and filters.');
    [...sr(narrowed).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Clear search and filters')!.click();
    await settle(narrowed, () => rows(narrowed).length > 0, 'not cleared');
    await expect(narrowed).to.be.accessible();
  });

  it('shows a loading skeleton, then an error with "Try again" that works', async () => {
    const adapter = new ControlledAdapter({ signedInAs: DEMO_SIGN_IN.email });
    const held = adapter.hold('listTickets');
    history.replaceState(null, '', location.pathname + location.search);
    const el = await fixture<CustomerPortal>(html`<customer-portal locale="en" .adapter=${adapter}></customer-portal>`);
    await held.called;
    await waitUntil(() => list(el)?.shadowRoot?.querySelector('.skeleton-row'), 'no skeleton');
    const l = list(el);
    expect(sr(l).querySelectorAll('.skeleton-row').length).to.equal(8);
    held.reject(new NetworkError('offline'));
    await waitUntil(() => sr(l).querySelector('[role="alert"]'), 'no error');
    expect(sr(l).querySelector('[role="alert"]')!.textContent).to.contain('We could not reach the portal');
    await expect(l).to.be.accessible();
    [...sr(l).querySelectorAll('[role="alert"] button')].find((b) => b.textContent?.trim() === 'Try again')!.dispatchEvent(new MouseEvent('click'));
    await waitUntil(() => rows(l).length > 0 && !sr(l).querySelector('[role="alert"]'), 'did not recover');
  });

  it('shows the columns, status stages and owner names the admin chose', async () => {
    const world = demoWorld();
    world.settings.columns = ['subject', 'product', 'status', 'owner'];
    world.settings.statusDisplay = 'stages';
    world.settings.ownerName = 'full';
    const l = list(await portal({ world }));
    expect(headers(l)).to.deep.equal(['Subject', 'Product', 'Status', 'Ticket owner']);
    const stageLabels = new Set(world.pipelines.flatMap((p) => p.stages.map((s) => s.label)));
    expect(rows(l).every((r) => stageLabels.has(r.querySelector('.status')!.textContent!))).to.be.true;
    const fullNames = new Set(world.agents.map((a) => `${a.firstName} ${a.lastName}`));
    expect(rows(l).map((r) => r.querySelector('.col-owner')!.textContent!).filter((n) => n !== 'Unassigned').every((n) => fullNames.has(n))).to.be.true;
  });

  it('drops a sort by a column it does not show from a stale address (never asks for it) and lists the tickets', async () => {
    const asked: string[] = [];
    class Recording extends MemoryAdapter {
      override listTickets(query: TicketQuery, options?: { signal?: AbortSignal }) {
        asked.push(query.sort);
        return super.listTickets(query, options);
      }
    }
    const world = demoWorld();
    expect(world.settings.columns.includes('product'), 'product is no column').to.equal(false);
    const el = await portal({ adapter: new Recording({ world, signedInAs: DEMO_SIGN_IN.email }), hash: '#/tickets?sort=product&order=asc' });
    const l = list(el);
    await settle(l, () => rows(l).length === own.length, 'own tickets not listed');
    expect(asked.length).to.be.greaterThan(0);
    expect(asked.includes('product'), 'never asked to sort by product').to.equal(false);
    expect(sr(l).querySelector('th[aria-sort="descending"]')?.textContent).to.contain('Created');
    expect(sr(l).querySelector('[role="alert"]')).to.equal(null);

    // Once it is a column, the same address sorts by it.
    const shown = demoWorld();
    shown.settings.columns = ['subject', 'product', 'status'];
    const l2 = list(await portal({ world: shown, hash: '#/tickets?sort=product&order=asc' }));
    await settle(l2, () => [...sr(l2).querySelectorAll('th')].some((th) => th.textContent?.includes('Product') && th.getAttribute('aria-sort') === 'ascending'), 'not sorted by product');
  });

  it('exports the whole current view as CSV', async () => {
    const exported: { query: TicketQuery; locale?: string; text: string; bytes: Uint8Array }[] = [];
    class Recording extends MemoryAdapter {
      override async exportTickets(query: TicketQuery, options?: { locale?: string }) {
        const blob = await super.exportTickets(query, options);
        exported.push({ query, locale: options?.locale, text: await blob.text(), bytes: new Uint8Array(await blob.arrayBuffer()) });
        return blob;
      }
    }
    const adapter = new Recording({ signedInAs: DEMO_SIGN_IN.email });
    const l = list(await portal({ adapter, hash: '#/tickets?view=company&status=open&pageSize=10&page=2' }));
    [...sr(l).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Export to CSV')!.click();
    await waitUntil(() => exported.length === 1, 'no export');
    expect(exported[0].query).to.include({ view: 'company', status: 'open', page: 1 });
    expect(exported[0].locale).to.equal('en');
    const lines = exported[0].text.split('\r\n');
    expect([...exported[0].bytes.slice(0, 3)], 'UTF-8 byte-order mark').to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(lines[0]).to.equal('ID,Subject,Requested by,Created,Ticket owner,Last activity,Status');
    expect(lines.length - 2).to.equal(company.filter((t) => !['closed', 'resolved'].includes(t.stage)).length);
  });

  it('speaks German, including the column headers', async () => {
    try {
      const l = list(await portal({ locale: 'de' }));
      expect(headers(l)).to.deep.equal(['ID', 'Betreff', 'Angefragt von', 'Erstellt', 'Ticketinhaber', 'Letzte Aktivität', 'Status']);
      expect(sr(l).querySelector('label[for="search"]')?.textContent).to.equal('Suchen');
    } finally {
      await setPortalLocale('en');
    }
  });

  it('works with the keyboard: sort with Enter, open with Enter', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    const l = list(await portal());
    const idButton = sr(l).querySelector<HTMLButtonElement>('th button')!;
    idButton.focus();
    await sendKeys({ press: 'Enter' });
    await settle(l, () => sr(l).querySelector('th')!.getAttribute('aria-sort') === 'ascending', 'Enter did not sort');
    const link = rows(l)[0].querySelector('a')!;
    link.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => location.hash === `#/tickets/${ids(l)[0]}`, 'Enter did not open');
  });
});
