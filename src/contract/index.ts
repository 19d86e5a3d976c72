// The package's contract without a schema library: the data's types, the typed errors and the plain rules the
// browser runs. The zod schemas (`Settings`, `Session`, …) validate on the server; they are not part of the bundle.
export type * from './common.js';
export type * from './filters.js';
export type * from './form.js';
export type * from './settings.js';
export type * from './session.js';
export type * from './tickets.js';
export type * from './adapter.js';
export * from './errors.js';
export { DEFAULT_COLUMNS, DEFAULT_QUERY, MAX_PAGE_SIZE, SORT_ORDERS, STATUS_FILTERS, TICKET_VIEWS } from './list-rules.js';
export { isShortPassword, PASSWORD_RULE } from './account-rules.js';
