import { css } from 'lit';
import { formStyles } from '../../internal/form-styles.js';
import { tokens } from '../../internal/tokens.js';
import { layered } from '../../internal/layer.js';
import { stateStyles } from '../../internal/state-styles.js';

export const styles = layered([
  tokens,
  formStyles,
  stateStyles,
  css`
    :host {
      display: block;
      container: ticket-list / inline-size;
      --_row-height: var(--ticket-list-row-height, 3rem);
      --_card-gap: var(--ticket-list-card-gap, calc(var(--_space) * 0.75));
    }
    [part='base'] {
      display: grid;
      gap: var(--_space);
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: calc(var(--_space) * 0.75);
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: calc(var(--_space) * 0.75);
      flex: 1 1 24rem;
    }
    .control {
      display: grid;
      gap: 0.25rem;
    }
    .control.search {
      flex: 1 1 12rem;
    }
    .filters {
      display: contents;
    }
    /* Wide: the header sort buttons sort, the filters stand in the toolbar. */
    .sort-by,
    .filters-toggle {
      display: none;
    }
    .filters-toggle .disclosure-icon::before {
      content: '▸';
      display: inline-block;
      margin-inline-end: 0.4em;
    }
    :dir(rtl) .filters-toggle .disclosure-icon::before {
      transform: scaleX(-1);
    }
    .filters-toggle[aria-expanded='true'] .disclosure-icon::before {
      transform: rotate(90deg);
    }
    .control label {
      font-weight: 600;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 0.5);
    }
    a.button {
      border-color: var(--_accent);
      background: var(--_accent);
      color: var(--_on-accent);
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      inline-size: 100%;
      table-layout: fixed;
      border-collapse: collapse;
    }
    th,
    td {
      block-size: var(--_row-height);
      padding-inline: calc(var(--_space) * 0.5);
      border-block-end: 1px solid var(--_border);
      text-align: start;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    th {
      font-weight: 600;
    }
    .col-id {
      inline-size: 5rem;
    }
    .col-subject {
      inline-size: 30%;
    }
    button.sort {
      display: inline-flex;
      align-items: center;
      gap: 0.35em;
      min-block-size: 24px;
      padding: 0;
      border: 0;
      background: none;
      color: inherit;
      font: inherit;
      cursor: pointer;
    }
    .sort-icon {
      color: var(--_muted);
      font-size: 0.8em;
    }
    th[aria-sort='ascending'] .sort-icon,
    th[aria-sort='descending'] .sort-icon {
      color: var(--_accent);
    }
    tbody tr[data-id] {
      cursor: pointer;
    }
    tbody tr[data-id]:hover {
      background: var(--_surface);
    }
    td a {
      color: var(--_accent);
      display: inline-block;
      max-inline-size: 100%;
      overflow: hidden;
      text-overflow: ellipsis;
      vertical-align: middle;
      min-block-size: 24px;
      line-height: 24px;
    }
    .skeleton-row .skeleton {
      block-size: 0.9rem;
      inline-size: 70%;
    }
    table[aria-busy='true'] tbody {
      opacity: 0.6;
    }
    .pager {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) * 0.75);
    }
    .page-size {
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
    }
    button:disabled {
      border-style: dashed;
      color: var(--_muted);
      cursor: not-allowed;
    }
    td a {
      min-inline-size: 24px;
    }

    /* Narrow containers (phones, sidebars): cards, "Sort by", folded filters. */
    @container ticket-list (max-width: 40rem) {
      .controls,
      .control.search,
      .sort-by {
        flex: 1 1 100%;
      }
      .sort-by {
        display: grid;
      }
      .filters-toggle {
        display: inline-flex;
        align-items: center;
      }
      .filters {
        display: none;
      }
      .filters.open {
        display: grid;
        flex: 1 1 100%;
        gap: calc(var(--_space) * 0.75);
        padding: calc(var(--_space) * 0.75);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .control select,
      .control input {
        inline-size: 100%;
        box-sizing: border-box;
      }
      .actions {
        flex: 1 1 100%;
      }
      .table-wrap {
        overflow: visible;
      }
      table,
      tbody {
        display: block;
        inline-size: 100%;
      }
      thead {
        display: none;
      }
      tbody {
        display: grid;
        gap: var(--_card-gap);
      }
      tbody tr {
        display: grid;
        grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
        column-gap: var(--_space);
        row-gap: 0.25rem;
        padding: calc(var(--_space) * 0.75);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      th,
      td {
        display: block;
        grid-column: 1 / -1;
        block-size: auto;
        padding: 0;
        border: 0;
        white-space: normal;
        overflow-wrap: anywhere;
      }
      /* Beats the table's column widths (.col-subject, .col-id). */
      td[class] {
        inline-size: auto;
      }
      td[data-label] {
        display: grid;
        grid-template-columns: subgrid;
      }
      td[data-label]::before {
        content: attr(data-label);
        color: var(--_muted);
      }
      td.link {
        order: -2;
        font-weight: 600;
        font-size: 1.05em;
      }
      td.col-status {
        order: -1;
      }
      td a {
        display: inline-block;
        min-block-size: 24px;
        white-space: normal;
        line-height: 1.5;
      }
      .skeleton-row .skeleton {
        block-size: 1.2rem;
      }
    }
  `,
]);
