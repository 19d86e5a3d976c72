import { msg, str } from '../../internal/messages.js';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { html as staticHtml } from 'lit/static-html.js';
import type { PublicSettings } from '../../contract/settings.js';
import type { StatusFilter, TicketFacets, TicketQuery } from '../../contract/tickets.js';
import { getPortalLocale, labelInSentence } from '../../internal/localization.js';
import type { Tags } from '../../internal/tag-names.js';
import { columnLabel, filterLabel, statusLabel } from '../../internal/ui/columns.js';
import { exportParts } from '../../internal/parts.js';
import { selectOptions } from './select-options.js';

export interface ToolbarOptions {
  /** The tags the nested elements are registered under. */
  tags: Tags;
  query: TicketQuery;
  searchText: string;
  facets: TicketFacets;
  settings: PublicSettings;
  canViewCompany: boolean;
  exporting: boolean;
  exportError: string;
  /** The columns shown: the narrow layout's "Sort by" offers them. */
  columns: readonly string[];
  /** The filter disclosure of the narrow layout is open. */
  filtersOpen: boolean;
  onToggleFilters(): void;
  onSearch(value: string): void;
  onChange(changes: Partial<TicketQuery>): void;
  onExport(): void;
  onSubmitTicket(event: Event): void;
}

/**
 * Search, status and column filters, the view switch, "Export to CSV" and "Submit a {ticket}". In a narrow
 * container (see the styles) the filters fold into a "Filters" disclosure and a "Sort by" control stands in
 * for the column headers' sort buttons.
 */
export function renderToolbar(o: ToolbarOptions) {
  const { query } = o;
  const setFilter = (property: string, value: string) => {
    const filters = { ...query.filters };
    if (value) filters[property] = value;
    else delete filters[property];
    o.onChange({ filters });
  };
  const singular = labelInSentence(o.settings.ticketLabel.singular, getPortalLocale());
  return html`
    <div class="toolbar" part="toolbar">
      ${o.canViewCompany ? staticHtml`<${o.tags['view-switcher']} exportparts=${exportParts('ticket-list', 'view-switcher')} .value=${query.view}></${o.tags['view-switcher']}>` : nothing}
      <div class="controls" role="search">
        <div class="control search">
          <label for="search">${msg('Search', { id: 'list.search' })}</label>
          <input id="search" type="search" autocomplete="off" .value=${live(o.searchText)}
            @input=${(e: Event) => o.onSearch((e.target as HTMLInputElement).value)} />
        </div>
        <div class="control sort-by">
          <label for="sort-by">${msg('Sort by', { id: 'list.sort-by' })}</label>
          <select id="sort-by" @change=${(e: Event) => {
            const [sort, order] = (e.target as HTMLSelectElement).value.split(':');
            o.onChange({ sort, order: order === 'desc' ? 'desc' : 'asc' });
          }} ${selectOptions(o.columns.flatMap((column) => (['asc', 'desc'] as const).map((order) => {
            const label = columnLabel(column);
            return {
              value: `${column}:${order}`,
              selected: query.sort === column && query.order === order,
              label: order === 'asc' ? msg(str`${label}, ascending`, { id: 'list.sort-asc' }) : msg(str`${label}, descending`, { id: 'list.sort-desc' }),
            };
          })))}></select>
        </div>
        <button class="secondary filters-toggle" part="filters-button" type="button" aria-expanded=${o.filtersOpen ? 'true' : 'false'}
          aria-controls="filters" @click=${o.onToggleFilters}>
          <span class="disclosure-icon" aria-hidden="true"></span>${msg('Filters', { id: 'list.filters' })}
        </button>
        <div id="filters" class="filters ${o.filtersOpen ? 'open' : ''}" part="filters">
          <div class="control">
            <label for="status">${columnLabel('status')}</label>
            <select id="status" .value=${live(query.status)} @change=${(e: Event) => o.onChange({ status: (e.target as HTMLSelectElement).value as StatusFilter })}>
              <option value="open" ?selected=${query.status === 'open'}>${statusLabel(false)}</option>
              <option value="closed" ?selected=${query.status === 'closed'}>${statusLabel(true)}</option>
              <option value="all" ?selected=${query.status === 'all'}>${msg('All', { id: 'list.all' })}</option>
            </select>
          </div>
          ${Object.entries(o.facets).filter(([property, values]) => values.length > 1 || property in query.filters).map(([property, values]) => html`
            <div class="control">
              <label for="filter-${property}">${filterLabel(property)}</label>
              <select id="filter-${property}" @change=${(e: Event) => setFilter(property, (e.target as HTMLSelectElement).value)} ${selectOptions([
                { value: '', label: msg('All', { id: 'list.all' }), selected: !query.filters[property] },
                ...values.map((f) => ({ value: f.value, label: `${f.label} (${f.count})`, selected: query.filters[property] === f.value })),
              ])}></select>
            </div>`)}
        </div>
      </div>
      <div class="actions">
        <button class="secondary" part="export-button" type="button" ?disabled=${o.exporting} aria-busy=${o.exporting ? 'true' : 'false'} @click=${o.onExport}>
          ${msg('Export to CSV', { id: 'list.export' })}
        </button>
        ${o.settings.supportForm
          ? html`<a class="button primary button-look" part="submit-link" href="#/new" @click=${o.onSubmitTicket}>${msg(str`Submit a ${singular}`, { id: 'list.submit' })}</a>`
          : nothing}
      </div>
      ${o.exportError ? html`<p class="field-error">${o.exportError}</p>` : nothing}
    </div>
  `;
}
