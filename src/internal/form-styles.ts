import { css } from 'lit';

export const formStyles = css`
  form {
    display: grid;
    gap: calc(var(--_space) * 0.9);
    max-inline-size: 28rem;
  }
  .field {
    display: grid;
    gap: calc(var(--_space) * 0.3);
  }
  label {
    font-weight: 600;
  }
  input[type='text'],
  input[type='email'],
  input[type='password'],
  input[type='search'],
  input[type='number'],
  input[type='date'],
  input[type='url'],
  textarea,
  select {
    min-block-size: var(--_target);
    padding: calc(var(--_space) * 0.4) calc(var(--_space) * 0.6);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    font: inherit;
  }
  input[type='file'] {
    min-block-size: var(--_target);
    max-inline-size: 100%;
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'],
  select[aria-invalid='true'],
  fieldset[aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .field-error,
  .form-error {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }
  .form-error {
    padding: calc(var(--_space) * 0.6);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .notice {
    margin: 0;
    padding: calc(var(--_space) * 0.6);
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.6);
  }
  .checkbox {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: start;
    gap: calc(var(--_space) * 0.5);
  }
  .checkbox input {
    inline-size: 24px;
    block-size: 24px;
    margin: 0;
    accent-color: var(--_accent);
  }
  .consent-text {
    color: var(--_muted);
  }
  .consent-text a {
    color: var(--_accent);
  }
`;
