import { css } from 'lit';
import { formStyles } from '../../internal/form-styles.js';
import { tokens } from '../../internal/tokens.js';
import { layered } from '../../internal/layer.js';

export const styles = layered([
  tokens,
  formStyles,
  css`
    :host {
      display: block;
    }
    [part='base'] {
      display: grid;
      gap: var(--_space);
      max-inline-size: 40rem;
    }
    form {
      max-inline-size: none;
    }
    fieldset.choice {
      display: grid;
      gap: 0.35rem;
      margin: 0;
      padding: calc(var(--_space) * 0.6);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    legend {
      font-weight: 600;
    }
    .option {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-block-size: 24px;
      font-weight: normal;
    }
    .option input {
      flex: none;
      inline-size: 24px;
      block-size: 24px;
      margin: 0;
      accent-color: var(--_accent);
    }
    label.required::after,
    legend.required::after {
      content: ' *' / '';
      color: var(--_danger);
    }
    .error-summary {
      padding: var(--_space);
      border: 2px solid var(--_danger);
      border-radius: var(--_radius);
    }
    .error-summary p {
      margin: 0 0 0.5rem;
    }
    .error-summary ul {
      margin: 0;
      padding-inline-start: 1.2rem;
    }
    .error-summary a,
    .success a {
      color: var(--_accent);
    }
    .file-list {
      margin: 0;
      padding-inline-start: 1.2rem;
    }
    .file-name {
      unicode-bidi: isolate;
    }
    .success,
    .problem {
      display: grid;
      justify-items: start;
      gap: 0.75rem;
    }
    .success p,
    .problem p {
      margin: 0;
    }
    .loading {
      min-block-size: 16rem;
    }
  `,
]);
