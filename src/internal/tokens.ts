import { css } from 'lit';

/**
 * The global design tokens. Every element adopts this sheet; each private `--_x` reads the host page's public
 * `--portal-x` first, then a default. Colors use `light-dark()`, so `color-scheme` (set by `<customer-portal theme>`
 * and inherited by nested elements) switches light and dark.
 *
 * The `@cssprop` list below is the theme every element reads; the manifest build adds it to each element.
 *
 * @cssprop --portal-color-accent - Links, buttons and highlights.
 * @cssprop --portal-color-on-accent - Text on accent-colored buttons.
 * @cssprop --portal-color-text - Body text.
 * @cssprop --portal-color-muted - Secondary text.
 * @cssprop --portal-color-background - Portal background.
 * @cssprop --portal-color-surface - Raised areas (current navigation item, skeletons).
 * @cssprop --portal-color-border - Borders and dividers.
 * @cssprop --portal-color-danger - Error text and borders.
 * @cssprop --portal-color-success - Confirmations.
 * @cssprop --portal-color-focus - Focus ring.
 * @cssprop --portal-font-family - Font; inherits the host page's font by default.
 * @cssprop --portal-font-size - Base font size.
 * @cssprop --portal-radius - Corner radius.
 * @cssprop --portal-space - Spacing unit.
 * @cssprop --portal-density - Multiplier for spacing and target sizes (e.g. 0.8 compact, 1.2 roomy).
 */
export const tokens = css`
  :host {
    --_accent: var(--portal-color-accent, var(--_settings-accent, light-dark(#0a58ca, #8ab4ff)));
    --_on-accent: var(--portal-color-on-accent, light-dark(#ffffff, #0b1b36));
    --_text: var(--portal-color-text, light-dark(#1d2330, #e8eaf0));
    --_muted: var(--portal-color-muted, light-dark(#545d6e, #aab2c2));
    --_background: var(--portal-color-background, light-dark(#ffffff, #15181f));
    --_surface: var(--portal-color-surface, light-dark(#f4f5f8, #1f232c));
    --_border: var(--portal-color-border, light-dark(#8b93a3, #5b6272));
    --_danger: var(--portal-color-danger, light-dark(#b3261e, #ffb4ab));
    --_success: var(--portal-color-success, light-dark(#1e6b34, #8fd6a0));
    --_focus: var(--portal-color-focus, light-dark(#0a58ca, #8ab4ff));
    --_font: var(--portal-font-family, inherit);
    --_font-size: var(--portal-font-size, 1rem);
    --_radius: var(--portal-radius, 0.375rem);
    --_space: calc(var(--portal-space, 1rem) * var(--portal-density, 1));
    --_target: max(24px, calc(2.25rem * var(--portal-density, 1)));
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none !important;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  /* A link or label that looks like a button ("Sign in with …", "Submit a ticket", "Attach files"); the element
     sets its colours. */
  .button-look {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_target);
    padding-inline: calc(var(--_space) * 0.9);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    text-decoration: none;
  }
  button.primary,
  button.secondary {
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding-block: calc(var(--_space) * 0.4);
    padding-inline: calc(var(--_space) * 0.9);
    border-radius: var(--_radius);
    font: inherit;
    cursor: pointer;
  }
  .link-button {
    display: inline-flex;
    align-items: center;
    min-block-size: 24px;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
    border: 1px solid var(--_accent);
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
    border: 1px solid var(--_border);
  }
`;
