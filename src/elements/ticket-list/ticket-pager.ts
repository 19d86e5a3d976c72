import { msg, str } from '../../internal/messages.js';
import { html } from 'lit';
import type { TicketPage, TicketQuery } from '../../contract/tickets.js';
import { MAX_PAGE_SIZE } from '../../contract/list-rules.js';
import type { CellFormat } from '../../internal/formats.js';
import { selectOptions } from './select-options.js';

const PAGE_SIZES = [10, 25, 50, MAX_PAGE_SIZE];

/** "Previous" / "Next", where we are, and how many rows a page shows. */
export function renderPager(page: TicketPage, query: TicketQuery, change: (changes: Partial<TicketQuery>) => void, count: string, format: CellFormat) {
  const pageCount = Math.max(1, Math.ceil(page.total / page.pageSize));
  // Numbers in the user's digits (Arabic-Indic in Arabic).
  const n = (value: number) => format.number.format(value);
  const current = n(page.page);
  const pages = n(pageCount);
  const first = n((page.page - 1) * page.pageSize + 1);
  const last = n(Math.min(page.total, page.page * page.pageSize));
  return html`
    <nav class="pager" part="pager" aria-label=${msg('Pages', { id: 'list.pages' })}>
      <button class="secondary" part="page-button" type="button" ?disabled=${page.page <= 1} @click=${() => change({ page: page.page - 1 })}>
        ${msg('Previous page', { id: 'list.previous' })}
      </button>
      <span class="position">${msg(str`Page ${current} of ${pages}`, { id: 'list.page-of' })} · ${msg(str`${first}–${last} of ${count}`, { id: 'list.range' })}</span>
      <button class="secondary" part="page-button" type="button" ?disabled=${page.page >= pageCount} @click=${() => change({ page: page.page + 1 })}>
        ${msg('Next page', { id: 'list.next' })}
      </button>
      <label class="page-size">
        ${msg('Rows per page', { id: 'list.page-size' })}
        <select @change=${(e: Event) => change({ pageSize: Number((e.target as HTMLSelectElement).value), page: 1 })}
          ${selectOptions(PAGE_SIZES.map((size) => ({ value: String(size), label: n(size), selected: size === query.pageSize })))}></select>
      </label>
    </nav>
  `;
}
