import { msg } from '../../internal/messages.js';
import { html, nothing } from 'lit';
import type { PublicSettings } from '../../contract/settings.js';
import type { TicketPage, TicketQuery } from '../../contract/tickets.js';
import { columnLabel } from '../../internal/ui/columns.js';
import type { CellFormat } from '../../internal/formats.js';
import { ticketRows } from './ticket-rows.js';

export interface TableHandlers {
  sort(column: string): void;
  open(id: number, event?: Event): void;
}

export interface TableOptions {
  columns: readonly string[];
  page: TicketPage | undefined;
  pending: boolean;
  query: TicketQuery;
  format: CellFormat;
  settings: PublicSettings;
  handlers: TableHandlers;
  caption: string;
}

/**
 * A native table: caption, column headers with sort buttons (`aria-sort` on the header), one row per ticket
 * whose link cell opens it. While a new page loads the old rows stay (marked busy), so nothing jumps.
 */
export function renderTable(o: TableOptions) {
  const stages = o.settings.statusDisplay === 'stages';
  const sortState = (column: string) => (o.query.sort === column ? (o.query.order === 'asc' ? 'ascending' : 'descending') : 'none');
  // One listener for every row: a click on the link opens the ticket (the link's own navigation when the portal
  // does not route), a click elsewhere in the row too, a click on another control in it nothing.
  const onRowClick = (event: MouseEvent) => {
    const target = event.target as HTMLElement;
    const control = target.closest('a, button');
    if (control && control.localName !== 'a') return;
    const row = target.closest<HTMLElement>('tr[data-id]');
    if (row) o.handlers.open(Number(row.dataset.id), event);
  };
  return html`
    <div class="table-wrap">
      <table part="table" aria-busy=${o.pending ? 'true' : 'false'}>
        <caption class="visually-hidden">${o.caption}</caption>
        <thead>
          <tr>
            ${o.columns.map((column) => {
              const sort = sortState(column);
              // Written without whitespace between the tags: every text node here would be one more per column.
              return html`<th scope="col" class="col-${column}" aria-sort=${sort}><button class="sort" type="button" @click=${() => o.handlers.sort(column)}><span class="label">${columnLabel(column)}</span><span class="sort-icon" aria-hidden="true">${sort === 'ascending' ? '▲' : sort === 'descending' ? '▼' : '↕'}</span></button></th>`;
            })}
          </tr>
        </thead>
        <tbody @click=${onRowClick} ${ticketRows({ items: o.page?.items, columns: o.columns, format: o.format, stages })}></tbody>
      </table>
      ${o.page ? nothing : html`<p class="visually-hidden" role="status">${msg('Loading…', { id: 'list.loading' })}</p>`}
    </div>
  `;
}
