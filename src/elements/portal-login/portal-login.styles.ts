import { css } from 'lit';
import { formStyles } from '../../internal/form-styles.js';
import { tokens } from '../../internal/tokens.js';
import { layered } from '../../internal/layer.js';
import { stateStyles } from '../../internal/state-styles.js';

export const styles = layered([
  tokens,
  formStyles,
  stateStyles,
  css`
    :host {
      display: block;
    }
    [part='base'] {
      display: grid;
      gap: var(--_space);
      max-inline-size: var(--portal-login-max-width, 30rem);
    }
    h2,
    h3 {
      margin: 0;
      font-size: 1.25em;
    }
    p {
      margin: 0;
    }
    .alternatives {
      display: grid;
      gap: calc(var(--_space) * 0.5);
      justify-items: start;
      padding-block-start: calc(var(--_space) * 0.5);
      border-block-start: 1px solid var(--_border);
    }
    .loading {
      display: grid;
      gap: calc(var(--_space) * 0.6);
      min-block-size: 16rem;
    }
    .skeleton {
      block-size: 14rem;
    }
    .form-error p {
      margin-block-end: calc(var(--_space) * 0.5);
    }
    a.sso {
      color: var(--_text);
      font-weight: 600;
    }
  `,
]);
