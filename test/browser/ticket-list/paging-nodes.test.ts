import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import { DEMO_SIGN_IN, demoWorld } from '../../../src/domain/demo-world.js';
import type { CustomerPortal } from '../../../src/elements/customer-portal/customer-portal.js';
import type { TicketList } from '../../../src/elements/ticket-list/ticket-list.js';
import { setPortalLocale } from '../../../src/internal/localization.js';

const PAGE_SIZE = 25;
const PAGES = 50;

/**
 * A world where the signed-in contact has more than 50 full pages of tickets, all copies of one ticket under other
 * ids and numbered subjects: every page has the same structure, so its DOM has the same number of nodes.
 */
function bigWorld() {
  const world = demoWorld();
  const anna = world.contacts.find((c) => c.email === DEMO_SIGN_IN.email)!;
  const base = world.tickets.find((t) => t.contactId === anna.id && t.ownerId !== null)!;
  world.tickets = Array.from({ length: (PAGES + 2) * PAGE_SIZE }, (_, i) => ({ ...base, id: 1000 + i, subject: `${base.subject} ${1000 + i}` }));
  world.messages = [];
  return world;
}

/** Every node of a shadow root: elements, text, and comments (Lit's markers). */
function nodes(root: Node) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  let all = 0;
  let comments = 0;
  while (walker.nextNode()) {
    all++;
    if (walker.currentNode.nodeType === Node.COMMENT_NODE) comments++;
  }
  return { all, comments };
}

describe('ticket-list paging keeps the DOM the same size', () => {
  before(() => setPortalLocale('en'));
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  for (const [layout, width] of [['table', '60rem'], ['cards', '20rem']] as const) {
    it(`pages ${PAGES} times without gaining nodes (${layout})`, async () => {
      history.replaceState(null, '', `${location.pathname}${location.search}#/tickets?pageSize=${PAGE_SIZE}&sort=id&order=asc`);
      const adapter = new MemoryAdapter({ world: bigWorld(), signedInAs: DEMO_SIGN_IN.email });
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
        counts.set(page, nodes(root));
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
