import { msg, str } from '../../internal/messages.js';
import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { PortalViewElement } from '../../internal/portal-context.js';
import { property, state } from 'lit/decorators.js';
import type { PortalAdapter } from '../../contract/adapter.js';
import { ForbiddenError, NetworkError } from '../../contract/errors.js';
import type { TicketPage, TicketQuery, TicketView } from '../../contract/tickets.js';
import { DEFAULT_COLUMNS, DEFAULT_QUERY } from '../../contract/list-rules.js';
import { PortalErrorEvent, PortalTicketOpenEvent, PortalViewChangeEvent } from '../../internal/events.js';
import { labelInSentence } from '../../internal/localization.js';
import { LiveRegionController } from '../../internal/live-region.js';
import { PortalError } from '../../contract/errors.js';
import { CellFormat } from '../../internal/formats.js';
import { isNarrowed, paramsFromQuery, queryFromParams, storeView } from './list-state.js';
import { renderPager } from './ticket-pager.js';
import { renderTable, type TableHandlers } from './ticket-table.js';
import { renderToolbar } from './ticket-toolbar.js';
import { tagsFor } from '../../internal/tag-names.js';
import { downloadBlob, exportFileName } from './export-file.js';
import { styles } from './ticket-list.styles.js';

const SEARCH_DELAY_MS = 300;
const same = (a: TicketQuery, b: TicketQuery) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The tickets the signed-in contact may see — their own, or their company's — as a sortable, searchable,
 * filterable table with pages and CSV export. The state lives in the URL (`#/tickets?q=…&sort=…`), so reload,
 * sharing and the back button keep it. The server decides which tickets appear.
 *
 * @tag ticket-list
 * @summary Ticket list with search, status and column filters, sorting, paging and CSV export.
 *
 * @fires portal-ticket-open - A ticket was opened; `detail.ticketId`.
 * @fires portal-view-change - The user switched between "Organization tickets" and "Owned by me".
 * @fires portal-error - Loading the list failed; `detail.error`.
 *
 * Below a container width of 40rem the rows become cards: the subject as the link, the status, the other columns as labelled
 * values; a "Sort by" control replaces the header sort buttons and the filters fold into a "Filters" disclosure.
 *
 * @csspart base - The whole list.
 * @csspart toolbar - Search, filters and actions above the table.
 * @csspart filters - The status and column filters.
 * @csspart filters-button - "Filters", the disclosure of the filters in a narrow container.
 * @csspart table - The table (a list of cards in a narrow container).
 * @csspart row - Each ticket row (card).
 * @csspart pager - Paging below the table.
 * @csspart page-button - "Previous page" and "Next page".
 * @csspart export-button - "Export to CSV".
 * @csspart submit-link - "Submit a ticket".
 * @csspart empty - The box shown when no ticket matches.
 * @csspart switcher-base - `base` of the nested `<view-switcher>`.
 * @csspart switcher-option - `option` of the nested `<view-switcher>`.
 * @csspart option - Short name of `switcher-option`.
 *
 * @cssprop --ticket-list-row-height - Height of each table row (fixed, so updates never reflow the table).
 * @cssprop --ticket-list-card-gap - Space between cards in a narrow container.
 */
export class TicketList extends PortalViewElement {
  static override styles = styles;

  /** The list state as URL parameters; set by `<customer-portal>` from the route. */
  @property({ attribute: false }) params = new URLSearchParams();
  /** The backend, when the element is used without a `<customer-portal>` around it. */
  @property({ attribute: false }) adapter?: PortalAdapter;
  /**
   * Language when used on its own (`de`, `sv`, `ar`, … or one added with `registerPortalTranslations`); defaults
   * to the page's `lang`. Inside `<customer-portal>` the portal's language applies.
   */
  @property() override locale = '';

  @state() private query: TicketQuery = { ...DEFAULT_QUERY };
  @state() private searchText = '';
  @state() private exporting = false;
  @state() private exportError = '';
  /** The "Filters" disclosure of the narrow layout is open. */
  @state() private filtersOpen = false;

  readonly #live = new LiveRegionController(this);
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Address changes of the list's own still to be made: routes arriving before them are older than the query. */
  #navigating = 0;
  #loadedOnce = false;

  get #adapter() {
    return this.portal.adapter;
  }

  readonly #list = new Task(this, {
    // Keyed on who is signed in and the query as text: a refreshed session (same person) reloads nothing.
    args: () => [this.#adapter, this.portal.audience, JSON.stringify(this.query)] as const,
    task: async ([adapter, audience], { signal }) => {
      if (!adapter || !audience) return undefined;
      return adapter.listTickets(this.query, { signal });
    },
    onComplete: (page) => {
      if (!page) return;
      this.localization.speak();
      if (this.#loadedOnce) {
        // Announced once the rows are drawn: the shell's live region update is not in the way of the new rows.
        const text = this.#countText(page);
        void this.updateComplete.then(() => setTimeout(() => this.#announce(text)));
      }
      this.#loadedOnce = true;
    },
    onError: (error) => {
      if (error instanceof ForbiddenError && this.query.view === 'company') this.#update({ view: 'mine', page: 1 });
      else if (error instanceof PortalError) this.dispatchEvent(new PortalErrorEvent({ error }));
    },
  });

  readonly #facets = new Task(this, {
    args: () => [this.#adapter, this.portal.audience, this.query.view] as const,
    task: async ([adapter, audience, view], { signal }) => (adapter && audience ? adapter.ticketFacets(view, { signal }) : undefined),
  });

  /** Who the list is for; a refreshed session of the same person keeps the list as it is. */
  #audience = '';
  /** The settings the query was read with (they decide which sorts the address bar may ask for). */
  #settingsRead: unknown;

  /** The route coming back after the list's own change (the query it already shows) renders nothing again. */
  protected override shouldUpdate(changed: PropertyValues) {
    return !(changed.size === 1 && changed.has('params') && this.#navigating === 0 && this.#audience === this.portal.audience
      && this.settings === this.#settingsRead && same(queryFromParams(this.params, this.session, this.settings), this.query));
  }

  protected override willUpdate(changed: PropertyValues) {
    const audience = this.portal.audience;
    if ((changed.has('params') && this.#navigating === 0) || audience !== this.#audience || this.settings !== this.#settingsRead) {
      this.#audience = audience;
      this.#settingsRead = this.settings;
      const next = queryFromParams(this.params, this.session, this.settings);
      if (!same(next, this.query)) this.query = next;
      if (!this.#searchTimer) this.searchText = this.query.q;
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
    this.#searchTimer = undefined;
  }

  #announce(message: string) {
    if (this.services) this.services.announce(message);
    else this.#live.announce(message);
  }

  #plural() {
    return this.settings?.ticketLabel.plural ?? msg('Tickets', { id: 'list.default-plural' });
  }

  #countText(page: TicketPage) {
    const locale = this.portalLocale;
    return msg(str`${CellFormat.for(locale).number.format(page.total)} ${labelInSentence(this.#plural(), locale)}`, { id: 'list.count' });
  }

  /** Changes the list state: through the portal's router (URL) when there is one, else in place. */
  #update(changes: Partial<TicketQuery>, options: { replace?: boolean } = {}) {
    const next = { ...this.query, ...changes };
    if (changes.view && changes.view !== this.query.view && this.session) storeView(this.session, changes.view);
    this.query = next;
    const services = this.services;
    if (services) {
      // The address follows in the next task: the list's request goes out first, and the route that comes back
      // through `hashchange` is the query the list already shows (no second load, no second render).
      this.#navigating++;
      setTimeout(() => {
        this.#navigating--;
        if (this.isConnected && this.services === services) services.navigate({ name: 'tickets', params: paramsFromQuery(next) }, { replace: options.replace, focus: false });
      });
    }
  }

  #onSearchInput = (value: string) => {
    this.searchText = value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      this.#searchTimer = undefined;
      if (value.trim() !== this.query.q) this.#update({ q: value.trim(), page: 1 }, { replace: true });
    }, SEARCH_DELAY_MS);
  };

  #onViewChange = (event: PortalViewChangeEvent) => {
    // The switcher's event goes on to the host; the list follows it.
    this.#update({ view: event.detail.view as TicketView, page: 1, filters: {} });
  };

  #open = (id: number, event?: Event) => {
    this.dispatchEvent(new PortalTicketOpenEvent({ ticketId: id }));
    if (this.services) {
      event?.preventDefault();
      this.services.navigate({ name: 'ticket', id });
    }
  };

  #export = async () => {
    const adapter = this.#adapter;
    if (!adapter || this.exporting) return;
    this.exporting = true;
    this.exportError = '';
    try {
      const blob = await adapter.exportTickets({ ...this.query, page: 1 }, { locale: this.portalLocale });
      this.localization.speak();
      downloadBlob(blob, exportFileName(this.#plural(), new Date()));
      this.#announce(msg('The export is ready.', { id: 'list.export-ready' }));
    } catch {
      this.localization.speak();
      this.exportError = msg('The export failed. Please try again.', { id: 'list.export-failed' });
      this.#announce(this.exportError);
    } finally {
      this.exporting = false;
    }
  };

  protected override render() {
    const settings = this.settings;
    if (!this.session || !settings) return nothing;
    const columns = settings.columns.length > 0 ? settings.columns : DEFAULT_COLUMNS;
    const page = this.#list.value;
    const pending = this.#list.status === 1;
    const handlers: TableHandlers = {
      sort: (column) => this.#update({ sort: column, order: this.query.sort === column && this.query.order === 'asc' ? 'desc' : 'asc', page: 1 }),
      open: this.#open,
    };
    return html`
      <div part="base" @portal-view-change=${this.#onViewChange}>
        ${renderToolbar({
          tags: tagsFor(this),
          query: this.query, searchText: this.searchText, facets: this.#facets.value ?? {}, settings,
          canViewCompany: this.session.canViewCompany, exporting: this.exporting, exportError: this.exportError,
          columns, filtersOpen: this.filtersOpen, onToggleFilters: () => { this.filtersOpen = !this.filtersOpen; },
          onSearch: this.#onSearchInput, onChange: (changes) => this.#update({ ...changes, page: 1 }), onExport: this.#export,
          onSubmitTicket: (event) => {
            if (!this.services) return;
            event.preventDefault();
            this.services.navigate({ name: 'new', params: new URLSearchParams() });
          },
        })}
        ${this.#list.status === 3 ? this.#renderError(this.#list.error) : nothing}
        ${renderTable({
          columns, page, pending, query: this.query, format: CellFormat.for(this.portalLocale), settings, handlers,
          caption: this.query.view === 'company'
            ? msg(str`${this.#plural()} of your organization`, { id: 'list.caption-company' })
            : msg(str`Your ${labelInSentence(this.#plural(), this.portalLocale)}`, { id: 'list.caption-mine' }),
        })}
        ${page && page.total === 0 && !pending ? this.#renderEmpty() : nothing}
        ${page && page.total > 0 ? renderPager(page, this.query, (changes) => this.#update(changes), this.#countText(page), CellFormat.for(this.portalLocale)) : nothing}
      </div>
      ${this.services ? nothing : this.#live.render()}
    `;
  }

  #renderEmpty() {
    const plural = labelInSentence(this.#plural(), this.portalLocale);
    if (isNarrowed(this.query)) {
      return html`<div class="empty" part="empty">
        <p>${msg(str`No ${plural} match your search and filters.`, { id: 'list.no-match' })}</p>
        <button class="secondary" type="button" @click=${() => { this.searchText = ''; this.#update({ q: '', status: 'all', filters: {}, page: 1 }); }}>
          ${msg('Clear search and filters', { id: 'list.clear' })}
        </button>
      </div>`;
    }
    return html`<div class="empty" part="empty"><p>${this.query.view === 'company'
      ? msg(str`Your organization has no ${plural} yet.`, { id: 'list.empty-company' })
      : msg(str`You have no ${plural} yet.`, { id: 'list.empty-mine' })}</p></div>`;
  }

  #renderError(error: unknown) {
    return html`<div class="problem" role="alert">
      <p>${error instanceof NetworkError
        ? msg('We could not reach the portal. Check your connection and try again.', { id: 'portal.unreachable' })
        : msg(str`The ${labelInSentence(this.#plural(), this.portalLocale)} could not be loaded.`, { id: 'list.load-failed' })}</p>
      <button class="primary" type="button" @click=${() => this.#list.run()}>${msg('Try again', { id: 'portal.try-again' })}</button>
    </div>`;
  }
}
