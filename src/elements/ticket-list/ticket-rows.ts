import { noChange } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';
import type { TicketSummary } from '../../contract/tickets.js';
import type { CellFormat } from '../../internal/formats.js';
import { cellValue, columnLabel, linkColumn, statusLabel, type CellValue } from '../../internal/ui/columns.js';

export interface RowsInput {
  /** The tickets of the page shown; `undefined` while the first page loads (skeleton rows). */
  items: readonly TicketSummary[] | undefined;
  columns: readonly string[];
  format: CellFormat;
  /** Status as the ticket's stage label instead of "Open"/"Closed". */
  stages: boolean;
}

const SKELETON_ROWS = 8;

/**
 * The rows of the ticket table, written into its `<tbody>` with plain DOM calls: one `<tr part="row" data-id>` per
 * ticket, one `<td class="col-…">` per column (`data-label` for the card layout, the link cell wrapping its content in
 * `<a href="#/tickets/{id}">`). Row and cell elements are kept from one page to the next and only changed text and
 * attributes are written, so a page change creates no nodes and leaves none behind, and a cell costs its element and
 * its text (no template markers). Ticket text goes in through `Text` nodes and attributes only, never as markup.
 * Nothing is done when the same page is rendered again (busy state, a new route object, another part of the list).
 */
class TicketRowsDirective extends Directive {
  #last = '';
  #lastItems: RowsInput['items'] | null = null;

  render(_input: RowsInput) {
    return noChange;
  }

  override update(part: ElementPart, [input]: [RowsInput]) {
    // The labels are part of the key: a language or catalogue change re-renders the same page.
    const key = [input.format.locale, input.stages, ...input.columns.map(columnLabel), statusLabel(false)].join('\u0000');
    if (input.items === this.#lastItems && key === this.#last) return noChange;
    this.#lastItems = input.items;
    this.#last = key;
    const body = part.element as HTMLTableSectionElement;
    if (input.items) renderRows(body, input.items, input);
    else renderSkeleton(body, input.columns.length);
    return noChange;
  }
}

/** `<tbody ${ticketRows({ items, columns, format, stages })}>`: the table's rows (see {@link TicketRowsDirective}). */
export const ticketRows = directive(TicketRowsDirective);

function renderRows(body: HTMLTableSectionElement, items: readonly TicketSummary[], { columns, format, stages }: RowsInput) {
  const doc = body.ownerDocument;
  const link = linkColumn(columns);
  const labels = columns.map(columnLabel);
  const rows = body.rows;
  for (let i = 0; i < items.length; i++) {
    const ticket = items[i];
    let tr = rows[i] as HTMLTableRowElement | undefined;
    if (!tr || !tr.hasAttribute('data-id')) {
      const fresh = doc.createElement('tr');
      fresh.setAttribute('part', 'row');
      if (tr) tr.replaceWith(fresh);
      else body.append(fresh);
      tr = fresh;
    }
    setAttr(tr, 'data-id', String(ticket.id));
    const cells = tr.cells;
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c];
      let td = cells[c] as HTMLTableCellElement | undefined;
      if (!td) tr.append((td = doc.createElement('td')));
      const isLink = column === link;
      setAttr(td, 'class', isLink ? `col-${column} link` : `col-${column}`);
      // The label shows before the value where rows are cards (narrow containers); link and status speak for themselves.
      if (isLink || column === 'status') td.removeAttribute('data-label');
      else setAttr(td, 'data-label', labels[c]);
      let target: Element = td;
      if (isLink) {
        target = td.firstChild as Element;
        if (target?.localName !== 'a' || target.nextSibling) td.replaceChildren((target = doc.createElement('a')));
        setAttr(target, 'href', `#/tickets/${ticket.id}`);
      }
      fill(target, cellValue(ticket, column, format, stages));
    }
    while (cells.length > columns.length) cells[cells.length - 1].remove();
  }
  while (rows.length > items.length) rows[rows.length - 1].remove();
}

/** Placeholder rows while the first page loads. */
function renderSkeleton(body: HTMLTableSectionElement, columns: number) {
  const tr = body.ownerDocument.createElement('tr');
  tr.className = 'skeleton-row';
  tr.setAttribute('aria-hidden', 'true');
  tr.innerHTML = '<td><span class="skeleton"></span></td>'.repeat(columns);
  body.replaceChildren(...Array.from({ length: SKELETON_ROWS }, () => tr.cloneNode(true)));
}

function setAttr(el: Element, name: string, value: string) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Puts a cell's value into `parent`: its text, inside its `<time>` or `<span>` if it has one (nothing for `null`). */
function fill(parent: Element, value: CellValue | null) {
  const wrap = value?.wrap;
  const text = value?.text ?? '';
  let el = parent;
  if (wrap) {
    el = parent.firstChild as Element;
    if (el?.localName !== wrap.tag || el.nextSibling) parent.replaceChildren((el = parent.ownerDocument.createElement(wrap.tag)));
    if (wrap.tag === 'time') {
      setAttr(el, 'datetime', wrap.datetime);
      setAttr(el, 'title', wrap.title);
    } else setAttr(el, 'class', wrap.class);
  }
  if (el.firstElementChild || el.textContent !== text) el.textContent = text;
}
