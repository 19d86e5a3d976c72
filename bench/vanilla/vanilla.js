// Hand-written baseline for the browser benchmark: the same sign-in and ticket list as the portal, on the same
// server API and data, with plain DOM calls and no framework. The list has the portal list's controls (view switch,
// search, status and column filters, "Sort by" and the "Filters" disclosure of the narrow layout, export, "Submit a
// ticket", sortable headers, rows per page, the count announced) and its cells (links, <time> with the full date,
// relative last activity, status). The list query lives in the URL hash like the portal's (`#/tickets?pageSize=100`);
// rows of a new page replace the old ones when the answer arrives.
const api = '/api/v1';
const headers = { 'X-Portal-Request': '1' };
const $ = (id) => document.getElementById(id);
const COLUMNS = { id: 'ID', subject: 'Subject', requester: 'Requested by', createdAt: 'Created', owner: 'Ticket owner', lastActivityAt: 'Last activity', status: 'Status', priority: 'Priority', pipeline: 'Pipeline', stage: 'Stage' };
const FILTER_COLUMNS = { ownerId: 'owner', contactId: 'requester' };
const humanize = (name) => {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
const label = (column) => COLUMNS[column] ?? humanize(column);
const dates = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
const full = new Intl.DateTimeFormat('en', { dateStyle: 'full', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const numbers = new Intl.NumberFormat('en');
const DEFAULTS = { view: 'mine', q: '', status: 'all', sort: 'createdAt', order: 'desc', page: 1, pageSize: 25 };
const query = { ...DEFAULTS, filters: {} };
let columns = ['id', 'subject', 'requester', 'createdAt', 'owner', 'lastActivityAt', 'status'];
let stages = false;
let total = 0;
let loadedOnce = false;
let loading;
let loadingFacets;
let searchTimer;

async function json(path, init = {}) {
  const res = await fetch(api + path, { ...init, credentials: 'same-origin', headers: { ...headers, ...init.headers } });
  if (!res.ok) throw new Error(`${res.status} ${path}`);
  return res.json();
}

function ago(iso) {
  const seconds = (Date.parse(iso) - Date.now()) / 1000;
  const abs = Math.abs(seconds);
  if (abs < 60) return relative.format(Math.round(seconds), 'second');
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return relative.format(Math.round(seconds / 86_400), 'day');
  if (abs < 30 * 86_400) return relative.format(Math.round(seconds / (7 * 86_400)), 'week');
  return dates.format(new Date(iso));
}

function time(iso, text) {
  const el = document.createElement('time');
  el.dateTime = iso;
  el.title = full.format(new Date(iso));
  el.textContent = text;
  return el;
}

function span(className, text) {
  const el = document.createElement('span');
  el.className = className;
  el.textContent = text;
  return el;
}

/** A cell's content: text or an element. */
function cell(ticket, column) {
  switch (column) {
    case 'id': return `#${ticket.id}`;
    case 'subject': return ticket.subject;
    case 'requester': return ticket.requesterName;
    case 'owner': return ticket.ownerName ?? span('muted', 'Unassigned');
    case 'createdAt': return time(ticket.createdAt, dates.format(new Date(ticket.createdAt)));
    case 'lastActivityAt': return time(ticket.lastActivityAt, ago(ticket.lastActivityAt));
    case 'status': return span(`status ${ticket.status.closed ? 'closed' : 'open'}`, stages ? ticket.status.label : ticket.status.closed ? 'Closed' : 'Open');
    case 'priority': return ticket.priority ?? '';
    case 'pipeline': case 'stage': return ticket[column];
    default: {
      const value = ticket.properties[column];
      if (value === undefined || value === null) return '';
      if (typeof value === 'boolean') return value ? 'Yes' : 'No';
      return typeof value === 'number' ? numbers.format(value) : value;
    }
  }
}

const linkColumn = () => (columns.includes('subject') ? 'subject' : columns.includes('id') ? 'id' : columns[0]);

function renderHead() {
  const row = document.querySelector('thead tr');
  row.replaceChildren(...columns.map((column) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.className = `col-${column}`;
    const sort = query.sort === column ? (query.order === 'asc' ? 'ascending' : 'descending') : 'none';
    th.setAttribute('aria-sort', sort);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.dataset.column = column;
    const icon = span('sort-icon', sort === 'ascending' ? '▲' : sort === 'descending' ? '▼' : '↕');
    icon.setAttribute('aria-hidden', 'true');
    button.append(span('label', label(column)), icon);
    th.append(button);
    return th;
  }));
  $('sort-by').replaceChildren(...columns.flatMap((column) => ['asc', 'desc'].map((order) => {
    const option = new Option(`${label(column)}, ${order === 'asc' ? 'ascending' : 'descending'}`, `${column}:${order}`);
    option.selected = query.sort === column && query.order === order;
    return option;
  })));
}

function renderRows(items) {
  const link = linkColumn();
  const rows = items.map((ticket) => {
    const tr = document.createElement('tr');
    tr.setAttribute('part', 'row');
    tr.dataset.id = String(ticket.id);
    for (const column of columns) {
      const td = document.createElement('td');
      td.className = `col-${column}`;
      const content = cell(ticket, column);
      if (column === link) {
        td.className += ' link';
        const a = document.createElement('a');
        a.href = `#/tickets/${ticket.id}`;
        a.append(content);
        td.append(a);
      } else {
        if (column !== 'status') td.dataset.label = label(column);
        td.append(content);
      }
      tr.append(td);
    }
    return tr;
  });
  document.querySelector('tbody').replaceChildren(...rows);
}

function renderFacets(facets) {
  $('facets').replaceChildren(...Object.entries(facets).filter(([property, values]) => values.length > 1 || property in query.filters).map(([property, values]) => {
    const control = document.createElement('div');
    control.className = 'control';
    const name = document.createElement('label');
    name.htmlFor = `filter-${property}`;
    name.textContent = label(FILTER_COLUMNS[property] ?? property);
    const select = document.createElement('select');
    select.id = `filter-${property}`;
    select.dataset.property = property;
    select.append(new Option('All', '', false, !query.filters[property]),
      ...values.map((f) => new Option(`${f.label} (${f.count})`, f.value, false, query.filters[property] === f.value)));
    control.append(name, select);
    return control;
  }));
}

async function loadFacets() {
  loadingFacets?.abort();
  const controller = (loadingFacets = new AbortController());
  try {
    renderFacets(await json(`/tickets/facets?view=${query.view}`, { signal: controller.signal }));
  } catch (error) {
    if (!controller.signal.aborted) renderFacets({});
  }
}

const narrowed = () => query.q !== '' || query.status !== 'all' || Object.keys(query.filters).length > 0;
const countText = () => `${numbers.format(total)} tickets`;

function listParams() {
  const params = new URLSearchParams({ view: query.view, status: query.status, sort: query.sort, order: query.order, page: String(query.page), pageSize: String(query.pageSize) });
  if (query.q) params.set('q', query.q);
  for (const [property, value] of Object.entries(query.filters)) params.set(`filter[${property}]`, value);
  return params;
}

async function load() {
  loading?.abort();
  const controller = (loading = new AbortController());
  const table = document.querySelector('table');
  table.setAttribute('aria-busy', 'true');
  let page;
  try {
    page = await json(`/tickets?${listParams()}`, { signal: controller.signal });
  } catch (error) {
    if (controller.signal.aborted) return;
    $('problem').hidden = false;
    table.setAttribute('aria-busy', 'false');
    return;
  }
  $('problem').hidden = true;
  total = page.total;
  renderHead();
  renderRows(page.items);
  document.querySelector('caption').textContent = query.view === 'company' ? 'Tickets of your organization' : 'Your tickets';
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const first = (query.page - 1) * query.pageSize + 1;
  const last = Math.min(total, query.page * query.pageSize);
  $('position').textContent = `Page ${numbers.format(query.page)} of ${numbers.format(pages)} · ${numbers.format(first)}–${numbers.format(last)} of ${countText()}`;
  $('previous').disabled = query.page <= 1;
  $('next').disabled = query.page >= pages;
  $('page-size').value = String(query.pageSize);
  document.querySelector('.pager').hidden = total === 0;
  $('empty').hidden = total > 0;
  if (total === 0) {
    $('empty').querySelector('p').textContent = narrowed() ? 'No tickets match your search and filters.' : query.view === 'company' ? 'Your organization has no tickets yet.' : 'You have no tickets yet.';
    $('clear').hidden = !narrowed();
  }
  if (loadedOnce) $('announce').textContent = countText();
  loadedOnce = true;
  table.setAttribute('aria-busy', 'false');
}

/** The list query in the address (`#/tickets?view=…&sort=…`), as the portal keeps it: reload, links and the back button keep it. */
function queryFromHash() {
  const params = new URLSearchParams(location.hash.startsWith('#/tickets?') ? location.hash.slice('#/tickets?'.length) : '');
  const number = (name) => (/^\d{1,4}$/.test(params.get(name) ?? '') ? Number(params.get(name)) : DEFAULTS[name]);
  const filters = {};
  for (const [name, value] of params) {
    const m = /^filter\[(.+)\]$/.exec(name);
    if (m) filters[m[1]] = value;
  }
  return {
    view: params.get('view') === 'company' ? 'company' : 'mine',
    q: params.get('q') ?? '',
    status: ['open', 'closed', 'all'].includes(params.get('status')) ? params.get('status') : DEFAULTS.status,
    sort: params.get('sort') ?? DEFAULTS.sort,
    order: params.get('order') === 'asc' ? 'asc' : params.get('order') === 'desc' ? 'desc' : DEFAULTS.order,
    page: Math.max(1, number('page')),
    pageSize: Math.min(100, Math.max(1, number('pageSize'))),
    filters,
  };
}

function hashOf(q) {
  const params = new URLSearchParams({ view: q.view });
  for (const name of ['q', 'status', 'sort', 'order', 'page', 'pageSize']) if (q[name] !== DEFAULTS[name]) params.set(name, String(q[name]));
  for (const [name, value] of Object.entries(q.filters)) params.set(`filter[${name}]`, value);
  return `#/tickets?${params}`;
}

/** Shows the query's values in the controls (after a change through the address). */
function showQuery() {
  $('search').value = query.q;
  $('status').value = query.status;
  for (const radio of document.querySelectorAll('input[name="view"]')) radio.checked = radio.value === query.view;
}

/** Changes the list: its request first, then the address (a new history entry; typing a search replaces it). */
function change(changes, { replace = false } = {}) {
  Object.assign(query, changes);
  void load();
  const hash = hashOf(query);
  if (location.hash === hash) return;
  if (replace) history.replaceState(history.state, '', hash);
  else location.hash = hash;
}

window.addEventListener('hashchange', () => {
  if ($('list').hidden || !/^(#\/tickets(\?.*)?)?$/.test(location.hash)) return;
  const next = queryFromHash();
  if (hashOf(next) === hashOf(query)) return;
  const viewChanged = next.view !== query.view;
  Object.assign(query, next);
  showQuery();
  void load();
  if (viewChanged) void loadFacets();
});
Object.assign(query, queryFromHash());

function showList(settings, session) {
  if (Array.isArray(settings.columns) && settings.columns.length) columns = settings.columns;
  stages = settings.statusDisplay === 'stages';
  $('submit').hidden = !settings.supportForm;
  document.querySelector('.views').hidden = !session.canViewCompany;
  $('sign-in').hidden = true;
  $('list').hidden = false;
  if (!session.canViewCompany) query.view = 'mine';
  showQuery();
  void load();
  void loadFacets();
}

async function exportCsv() {
  const button = $('export');
  if (button.disabled) return;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  $('export-error').hidden = true;
  try {
    const params = listParams();
    params.delete('page');
    params.delete('pageSize');
    params.set('locale', 'en');
    const res = await fetch(`${api}/tickets/export.csv?${params}`, { credentials: 'same-origin', headers });
    if (!res.ok) throw new Error(String(res.status));
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `Tickets-${new Date().toISOString().slice(0, 10)}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    $('announce').textContent = 'The export is ready.';
  } catch {
    $('export-error').hidden = false;
    $('export-error').textContent = 'The export failed. Please try again.';
  } finally {
    button.disabled = false;
    button.setAttribute('aria-busy', 'false');
  }
}

async function start() {
  const [settings, session] = await Promise.all([json('/portal'), json('/auth/session')]);
  if (session) return showList(settings, session);
  const form = $('sign-in');
  form.hidden = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const res = await fetch(`${api}/auth/login`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: $('email').value, password: $('password').value }),
    });
    if (!res.ok) {
      $('sign-in-error').hidden = false;
      $('sign-in-error').textContent = 'Sign-in failed.';
      return;
    }
    showList(settings, await res.json());
  });
}

document.querySelector('thead').addEventListener('click', (event) => {
  const column = event.target.closest('button.sort')?.dataset.column;
  if (!column) return;
  change({ sort: column, order: query.sort === column && query.order === 'asc' ? 'desc' : 'asc', page: 1 });
});
$('next').addEventListener('click', () => change({ page: query.page + 1 }));
$('previous').addEventListener('click', () => change({ page: query.page - 1 }));
$('page-size').addEventListener('change', (event) => change({ pageSize: Number(event.target.value), page: 1 }));
$('status').addEventListener('change', (event) => change({ status: event.target.value, page: 1 }));
$('sort-by').addEventListener('change', (event) => {
  const [sort, order] = event.target.value.split(':');
  change({ sort, order, page: 1 });
});
$('facets').addEventListener('change', (event) => {
  const { property } = event.target.dataset;
  const filters = { ...query.filters };
  if (event.target.value) filters[property] = event.target.value;
  else delete filters[property];
  change({ filters, page: 1 });
});
document.querySelector('.filters-toggle').addEventListener('click', (event) => {
  const open = event.currentTarget.getAttribute('aria-expanded') !== 'true';
  event.currentTarget.setAttribute('aria-expanded', String(open));
  $('filters').classList.toggle('open', open);
});
for (const radio of document.querySelectorAll('input[name="view"]')) {
  radio.addEventListener('change', (event) => {
    change({ view: event.target.value, page: 1, filters: {} });
    void loadFacets();
  });
}
$('search').addEventListener('input', (event) => {
  clearTimeout(searchTimer);
  const value = event.target.value.trim();
  searchTimer = setTimeout(() => { if (value !== query.q) change({ q: value, page: 1 }, { replace: true }); }, 300);
});
$('clear').addEventListener('click', () => {
  $('search').value = '';
  $('status').value = 'all';
  change({ q: '', status: 'all', filters: {}, page: 1 });
});
$('retry').addEventListener('click', () => void load());
$('export').addEventListener('click', () => void exportCsv());
document.querySelector('tbody').addEventListener('click', (event) => {
  if (event.target.closest('a, button')) return;
  const row = event.target.closest('tr[data-id]');
  if (row) location.hash = `#/tickets/${row.dataset.id}`;
});
void start();
