// Hand-written baseline for the browser benchmark: the same sign-in and ticket table as the portal, on the same
// server API and data, with plain DOM calls and no framework. The list query lives in the URL hash like the portal's
// (`#/tickets?pageSize=100`); rows of a new page replace the old ones when the answer arrives.
const api = '/api/v1';
const headers = { 'X-Portal-Request': '1' };
const $ = (id) => document.getElementById(id);
const COLUMNS = { id: 'ID', subject: 'Subject', requester: 'Requester', createdAt: 'Created', owner: 'Owner', lastActivityAt: 'Last activity', status: 'Status' };
const dates = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
const numbers = new Intl.NumberFormat('en');
const hashParams = new URLSearchParams(location.hash.split('?')[1] ?? '');
const query = { view: 'mine', q: '', status: 'all', sort: 'createdAt', order: 'desc', page: 1, pageSize: Number(hashParams.get('pageSize') ?? 25) };
let columns = Object.keys(COLUMNS);
let total = 0;
let loading;
let searchTimer;

async function json(path, init = {}) {
  const res = await fetch(api + path, { ...init, credentials: 'same-origin', headers: { ...headers, ...init.headers } });
  if (!res.ok) throw new Error(`${res.status} ${path}`);
  return res.json();
}

function cell(ticket, column) {
  switch (column) {
    case 'id': return `#${ticket.id}`;
    case 'requester': return ticket.requesterName;
    case 'owner': return ticket.ownerName ?? '—';
    case 'status': return ticket.status.label;
    case 'createdAt': case 'lastActivityAt': return dates.format(new Date(ticket[column]));
    default: return String(ticket[column] ?? ticket.properties[column] ?? '—');
  }
}

function renderHead() {
  const row = document.querySelector('thead tr');
  row.replaceChildren(...columns.map((column) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.setAttribute('aria-sort', query.sort === column ? (query.order === 'asc' ? 'ascending' : 'descending') : 'none');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.dataset.column = column;
    button.textContent = COLUMNS[column] ?? column;
    th.append(button);
    return th;
  }));
}

function renderRows(items) {
  const rows = items.map((ticket) => {
    const tr = document.createElement('tr');
    tr.dataset.id = String(ticket.id);
    for (const column of columns) {
      const td = document.createElement('td');
      if (column === 'subject') {
        const a = document.createElement('a');
        a.href = `#/tickets/${ticket.id}`;
        a.textContent = ticket.subject;
        td.append(a);
      } else td.textContent = cell(ticket, column);
      tr.append(td);
    }
    return tr;
  });
  document.querySelector('tbody').replaceChildren(...rows);
}

async function load() {
  const params = new URLSearchParams({ view: query.view, status: query.status, sort: query.sort, order: query.order, page: String(query.page), pageSize: String(query.pageSize) });
  if (query.q) params.set('q', query.q);
  loading?.abort();
  const controller = (loading = new AbortController());
  const table = document.querySelector('table');
  table.setAttribute('aria-busy', 'true');
  let page;
  try {
    page = await json(`/tickets?${params}`, { signal: controller.signal });
  } catch (error) {
    if (controller.signal.aborted) return;
    throw error;
  }
  total = page.total;
  renderHead();
  renderRows(page.items);
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  $('position').textContent = `Page ${numbers.format(query.page)} of ${numbers.format(pages)} · ${numbers.format(total)} tickets`;
  $('previous').disabled = query.page <= 1;
  $('next').disabled = query.page >= pages;
  table.setAttribute('aria-busy', 'false');
}

function change(changes) {
  Object.assign(query, changes);
  void load();
}

function showList(settings) {
  if (Array.isArray(settings.columns) && settings.columns.length) columns = settings.columns;
  $('sign-in').hidden = true;
  $('list').hidden = false;
  void load();
}

async function start() {
  const [settings, session] = await Promise.all([json('/portal'), json('/auth/session')]);
  if (session) return showList(settings);
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
    showList(settings);
  });
}

document.querySelector('thead').addEventListener('click', (event) => {
  const column = event.target.closest('button.sort')?.dataset.column;
  if (!column) return;
  change({ sort: column, order: query.sort === column && query.order === 'asc' ? 'desc' : 'asc', page: 1 });
});
$('next').addEventListener('click', () => change({ page: query.page + 1 }));
$('previous').addEventListener('click', () => change({ page: query.page - 1 }));
$('status').addEventListener('change', (event) => change({ status: event.target.value, page: 1 }));
for (const radio of document.querySelectorAll('input[name="view"]')) {
  radio.addEventListener('change', (event) => change({ view: event.target.value, page: 1 }));
}
$('search').addEventListener('input', (event) => {
  clearTimeout(searchTimer);
  const value = event.target.value.trim();
  searchTimer = setTimeout(() => { if (value !== query.q) change({ q: value, page: 1 }); }, 300);
});
void start();
