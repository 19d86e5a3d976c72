import { waitUntil } from './wait.js';

/**
 * Waits until this browser keeps a draft holding `text` (the reply box and the support form save their draft a
 * moment after the last keystroke): the effect a "draft survives a reload" test needs before it reloads.
 */
export function draftSaved(text: string, timeout = 5000) {
  return waitUntil(
    () => Object.keys(localStorage).some((key) => key.startsWith('customer-portal:draft:') && (localStorage.getItem(key) ?? '').includes(text)),
    `no draft with "${text}" was saved`,
    { timeout },
  );
}
