import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { DEMO_SIGN_IN } from '../../../src/domain/demo-world.js';
import type { CustomerPortal } from '../../../src/elements/customer-portal/customer-portal.js';
import type { TicketList } from '../../../src/elements/ticket-list/ticket-list.js';
import { setPortalLocale } from '../../../src/internal/localization.js';
import { countNodes, worldOfCopies } from '../helpers/node-count.js';

const PAGE_SIZE = 25;
const PAGES = 50;

describe('ticket-list paging keeps the DOM the same size', () => {
  before(() => setPortalLocale('en'));
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  for (const [layout, width] of [['table', '60rem'], ['cards', '20rem']] as const) {
    it(`pages ${PAGES} times without gaining nodes (${layout})`, async () => {
      history.replaceState(null, '', `${location.pathname}${location.search}#/tickets?pageSize=${PAGE_SIZE}&sort=id&order=asc`);
      const adapter = new MemoryAdapter({ world: worldOfCopies((PAGES + 2) * PAGE_SIZE), signedInAs: DEMO_SIGN_IN.email });
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: ${width}"><customer-portal locale="en" .adapter=${adapter}></customer-portal></div>`);
      const portal = wrapper.querySelector<CustomerPortal>('customer-portal')!;
      await waitUntil(() => portal.shadowRoot!.querySelector('ticket-list')?.shadowRoot?.querySelector('tbody tr[data-id]'), 'list did not load');
      const list = portal.shadowRoot!.querySelector<TicketList>('ticket-list')!;
      const root = list.shadowRoot!;
      const firstId = () => Number(root.querySelector<HTMLElement>('tbody tr[data-id]')?.dataset.id);
      const counts = new Map<number, { all: number; comments: number }>();
      for (let page = 2; page <= PAGES; page++) {
        const next = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Next page')!;
        next.click();
        await waitUntil(() => !root.querySelector('table[aria-busy="true"]') && firstId() === 1000 + (page - 1) * PAGE_SIZE
          && root.querySelector('.pager .position')?.textContent?.includes(`Page ${page} of`), `page ${page} not shown`);
        await list.updateComplete;
        counts.set(page, countNodes(root));
      }
      expect(root.querySelectorAll('tbody tr[data-id]').length).to.equal(PAGE_SIZE);
      if (layout === 'cards') expect(getComputedStyle(root.querySelector('tbody tr[data-id]')!).display).to.not.equal('table-row');
      const second = counts.get(2)!;
      const last = counts.get(PAGES)!;
      expect(last, `after page 2: ${JSON.stringify(second)}, after page ${PAGES}: ${JSON.stringify(last)}`).to.deep.equal(second);
      expect([...counts.values()].every((c) => c.all === second.all)).to.be.true;
    });
  }
});
