import { css } from 'lit';

/** The look of the portal's modal dialogs (the idle-timeout warning, "Close this ticket?") and their button row. */
export const dialogStyles = css`
  dialog {
    max-inline-size: min(28rem, 90vw);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog h2 {
    margin: 0 0 calc(var(--_space) * 0.5);
    font-size: 1.2em;
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    margin-block-start: var(--_space);
  }
`;
