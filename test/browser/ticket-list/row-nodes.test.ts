import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { DEMO_SIGN_IN } from '../../../src/domain/demo-world.js';
import type { CustomerPortal } from '../../../src/elements/customer-portal/customer-portal.js';
import type { TicketList } from '../../../src/elements/ticket-list/ticket-list.js';
import { setPortalLocale } from '../../../src/internal/localization.js';
import { countNodes, worldOfCopies } from '../helpers/node-count.js';

/**
 * The ticket table costs a fixed number of DOM nodes per row: the row, one cell per column, the link, the two
 * `<time>` elements, the status `<span>` and one text node per cell — 19 with the seven default columns, and no
 * template marker comments. Measured as the difference between a page of 100 and a page of 25 rows of identical
 * tickets, so everything else in the list (toolbar, headers, pager) cancels out.
 */
const PER_ROW = 19;

async function listAt(pageSize: number) {
  history.replaceState(null, '', `${location.pathname}${location.search}#/tickets?pageSize=${pageSize}&sort=id&order=asc`);
  const adapter = new MemoryAdapter({ world: worldOfCopies(120), signedInAs: DEMO_SIGN_IN.email });
  const el = await fixture<CustomerPortal>(html`<div style="width: 60rem"><customer-portal locale="en" .adapter=${adapter}></customer-portal></div>`);
  const portal = el.querySelector<CustomerPortal>('customer-portal')!;
  await waitUntil(() => portal.shadowRoot!.querySelector('ticket-list')?.shadowRoot?.querySelectorAll('tbody tr[data-id]').length === pageSize
    && !portal.shadowRoot!.querySelector('ticket-list')!.shadowRoot!.querySelector('table[aria-busy="true"]'), `${pageSize} rows not shown`);
  const list = portal.shadowRoot!.querySelector<TicketList>('ticket-list')!;
  await list.updateComplete;
  return list;
}

describe('ticket-list DOM nodes per row', () => {
  before(() => setPortalLocale('en'));
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it(`costs at most ${PER_ROW} nodes a row and no marker comments`, async () => {
    const small = countNodes((await listAt(25)).shadowRoot!);
    const large = countNodes((await listAt(100)).shadowRoot!);
    const perRow = (large.all - small.all) / 75;
    expect(perRow, `25 rows: ${JSON.stringify(small)}, 100 rows: ${JSON.stringify(large)}`).to.be.at.most(PER_ROW);
    expect(large.comments - small.comments, 'marker comments added by rows').to.equal(0);
  });

  it('writes the same cells as before: link, labels for the cards, times with the full date, status', async () => {
    const list = await listAt(25);
    const row = list.shadowRoot!.querySelector<HTMLTableRowElement>('tbody tr[data-id]')!;
    expect(row.getAttribute('part')).to.equal('row');
    expect(row.dataset.id).to.equal('1000');
    expect([...row.cells].map((td) => td.className)).to.deep.equal(
      ['col-id', 'col-subject link', 'col-requester', 'col-createdAt', 'col-owner', 'col-lastActivityAt', 'col-status']);
    expect([...row.cells].map((td) => td.dataset.label ?? null)).to.deep.equal(
      ['ID', null, 'Requested by', 'Created', 'Ticket owner', 'Last activity', null]);
    const link = row.querySelector('td.link > a')!;
    expect(link.getAttribute('href')).to.equal('#/tickets/1000');
    expect(link.textContent).to.match(/ 1000$/);
    for (const time of row.querySelectorAll('time')) {
      expect(time.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
      expect(time.title).to.not.equal('');
    }
    expect(row.querySelector('td.col-status > span.status')?.textContent).to.match(/^(Open|Closed)$/);
  });
});
