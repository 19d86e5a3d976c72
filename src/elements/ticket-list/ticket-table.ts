import { msg } from '../../internal/messages.js';
import { html, nothing } from 'lit';
import type { PublicSettings } from '../../contract/settings.js';
import type { TicketPage, TicketQuery, TicketSummary } from '../../contract/tickets.js';
import { cellContent, columnLabel, linkColumn } from '../../internal/ui/columns.js';
import type { CellFormat } from '../../internal/formats.js';

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

const SKELETON_ROWS = 8;

/**
 * A native table: caption, column headers with sort buttons (`aria-sort` on the header), one row per ticket
 * whose link cell opens it. While a new page loads the old rows stay (marked busy), so nothing jumps.
 */
export function renderTable(o: TableOptions) {
  const link = linkColumn(o.columns);
  const stages = o.settings.statusDisplay === 'stages';
  const sortState = (column: string) => (o.query.sort === column ? (o.query.order === 'asc' ? 'ascending' : 'descending') : 'none');
  const onRowClick = (event: MouseEvent) => {
    const target = event.target as HTMLElement;
    if (target.closest('a, button')) return;
    const row = target.closest<HTMLElement>('tr[data-id]');
    if (row) o.handlers.open(Number(row.dataset.id), event);
  };
  const row = (ticket: TicketSummary) => html`
    <tr part="row" data-id=${ticket.id}>
      ${o.columns.map((column) => {
        const content = cellContent(ticket, column, o.format, stages);
        return column === link
          ? html`<td class="col-${column} link"><a href="#/tickets/${ticket.id}" @click=${(e: Event) => o.handlers.open(ticket.id, e)}>${content}</a></td>`
          : column === 'status'
            ? html`<td class="col-${column}">${content}</td>`
            // The label shows before the value where rows are cards (narrow containers).
            : html`<td class="col-${column}" data-label=${columnLabel(column)}>${content}</td>`;
      })}
    </tr>`;
  return html`
    <div class="table-wrap">
      <table part="table" aria-busy=${o.pending ? 'true' : 'false'}>
        <caption class="visually-hidden">${o.caption}</caption>
        <thead>
          <tr>
            ${o.columns.map((column) => html`
              <th scope="col" class="col-${column}" aria-sort=${sortState(column)}>
                <button class="sort" type="button" @click=${() => o.handlers.sort(column)}>
                  <span class="label">${columnLabel(column)}</span><span class="sort-icon" aria-hidden="true">${sortState(column) === 'ascending' ? '▲' : sortState(column) === 'descending' ? '▼' : '↕'}</span>
                </button>
              </th>`)}
          </tr>
        </thead>
        <tbody @click=${onRowClick}>
          ${o.page
            // Rows by position (not keyed): a new page reuses the row elements in place; keyed rows would leave a
            // marker comment behind for every row removed.
            ? o.page.items.map(row)
            : Array.from({ length: SKELETON_ROWS }, () => html`<tr class="skeleton-row" aria-hidden="true">${o.columns.map(() => html`<td><span class="skeleton"></span></td>`)}</tr>`)}
        </tbody>
      </table>
      ${o.page ? nothing : html`<p class="visually-hidden" role="status">${msg('Loading…', { id: 'list.loading' })}</p>`}
    </div>
  `;
}
