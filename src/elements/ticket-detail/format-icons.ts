import { svg } from 'lit';

/** Toolbar icons; decorative (the buttons carry the names), so they hold no text. */
const icon = (path: ReturnType<typeof svg>) =>
  svg`<svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${path}</svg>`;

export const icons = {
  bold: icon(svg`<path d="M4 2.5h5a3 3 0 0 1 0 6H4zM4 8.5h6a3 3 0 0 1 0 6H4z"/>`),
  italic: icon(svg`<path d="M10 2.5H6.5M9.5 13.5H6M9 2.5 7 13.5"/>`),
  bullets: icon(svg`<circle cx="3" cy="4" r="1"/><circle cx="3" cy="8" r="1"/><circle cx="3" cy="12" r="1"/><path d="M6.5 4H14M6.5 8H14M6.5 12H14"/>`),
  numbers: icon(svg`<path d="M2.5 2.5h1v4M2.3 6.5h2.4M2.3 9.5c.4-.6 2.2-.8 2.2.4 0 1-2.2 1.6-2.2 3.1h2.3M7 4h7M7 8h7M7 12h7"/>`),
  link: icon(svg`<path d="M6.5 9.5a3 3 0 0 0 4.2 0l2.3-2.3a3 3 0 0 0-4.2-4.2l-.9.9M9.5 6.5a3 3 0 0 0-4.2 0L3 8.8A3 3 0 0 0 7.2 13l.9-.9"/>`),
};
