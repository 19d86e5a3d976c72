export * from './common.js';
export * from './filters.js';
export * from './form.js';
export * from './settings.js';
export * from './session.js';
export * from './tickets.js';
export * from './errors.js';
export type * from './adapter.js';
export * from './validation.js';
