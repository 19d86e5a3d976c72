import { css } from 'lit';
import { formStyles } from '../../internal/form-styles.js';
import { tokens } from '../../internal/tokens.js';
import { layered } from '../../internal/layer.js';
import { stateStyles } from '../../internal/state-styles.js';
import { dialogStyles } from '../../internal/ui/dialog-styles.js';

export const styles = layered([
  tokens,
  formStyles,
  stateStyles,
  dialogStyles,
  css`
    :host {
      display: block;
    }
    [part='base'] {
      display: grid;
      gap: var(--_space);
    }
    .ticket-header p {
      margin: 0 0 0.5rem;
    }
    a {
      color: var(--_accent);
    }
    .subject {
      margin: 0 0 0.5rem;
      font-size: 1.3em;
      overflow-wrap: anywhere;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
      margin: 0;
    }
    .facts dt {
      color: var(--_muted);
      font-size: 0.85em;
    }
    .facts dd {
      margin: 0;
    }
    .conversation {
      display: grid;
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .message article {
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .message.agent article {
      background: var(--_surface);
    }
    .message-header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5rem;
      margin-block-end: 0.5rem;
    }
    .author {
      font-weight: 600;
    }
    .badge {
      padding: 0 0.5em;
      border: 1px solid var(--_border);
      border-radius: 999px;
      font-size: 0.8em;
    }
    time,
    .muted {
      color: var(--_muted);
      font-size: 0.9em;
    }
    .attachments {
      margin: 0.75rem 0 0;
      padding-inline-start: 1.2rem;
    }
    .file-name {
      unicode-bidi: isolate;
    }
    .notice {
      margin: 0;
      padding: calc(var(--_space) * 0.6);
      border-inline-start: 4px solid var(--_accent);
      background: var(--_surface);
    }
    .loading {
      display: grid;
      gap: var(--_space);
      min-block-size: 20rem;
    }
    .skeleton {
      block-size: 2rem;
      inline-size: 60%;
    }
    .skeleton.body {
      block-size: 12rem;
      inline-size: 100%;
    }
    .close-row {
      display: flex;
      align-items: center;
      gap: var(--_space);
    }
  `,
]);
