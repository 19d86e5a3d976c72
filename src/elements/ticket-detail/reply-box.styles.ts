import { css } from 'lit';
import { formStyles } from '../../internal/form-styles.js';
import { tokens } from '../../internal/tokens.js';
import { layered } from '../../internal/layer.js';

export const replyBoxStyles = layered([
  tokens,
  formStyles,
  css`
    :host {
      display: grid;
      gap: var(--_space);
    }
    form.reply {
      max-inline-size: none;
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    form.dragging {
      outline: 2px dashed var(--_accent);
    }
    .label {
      font-weight: 600;
    }
    .format-bar {
      display: flex;
      gap: 0.25rem;
    }
    .format-bar button {
      min-inline-size: 2rem;
      min-block-size: 2rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_background);
      color: var(--_text);
      font: inherit;
      cursor: pointer;
    }
    .editor {
      min-block-size: 7rem;
      max-block-size: 24rem;
      overflow-y: auto;
      padding: calc(var(--_space) * 0.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_background);
    }
    .editor[aria-invalid='true'] {
      border: 2px solid var(--_danger);
    }
    .editor a {
      color: var(--_accent);
    }
    .link-form {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .link-form input {
      flex: 1 1 16rem;
    }
    .files {
      display: grid;
      gap: 0.5rem;
      justify-items: start;
    }
    label.attach {
      position: relative;
      color: var(--_accent);
      font-weight: 600;
      cursor: pointer;
    }
    label.attach input {
      position: absolute;
      inset: 0;
      opacity: 0;
      cursor: pointer;
    }
    label.attach:has(input:focus-visible) {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    .hint,
    .muted {
      color: var(--_muted);
      font-size: 0.9em;
      margin: 0;
    }
    .file-list,
    .problems {
      margin: 0;
      padding-inline-start: 1.2rem;
    }
    .problems {
      color: var(--_danger);
      font-weight: 600;
    }
    .file-name {
      unicode-bidi: isolate;
    }
    .outgoing {
      padding: var(--_space);
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
    }
    .outgoing.failed {
      border-color: var(--_danger);
    }
    .notice {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .notice p {
      margin: 0;
      flex: 1 1 100%;
    }
  `,
]);
