import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

export interface FieldSpec {
  name: string;
  label: string;
  type: 'text' | 'email' | 'password';
  value: string;
  autocomplete: string;
  error?: string;
  hint?: string;
  required?: boolean;
  onInput: (value: string) => void;
}

/**
 * A labelled native input with its hint and error wired by `aria-describedby`, `aria-invalid` when wrong.
 * Ids are scoped by the shadow root, so `name` doubles as the id.
 */
export function renderField(spec: FieldSpec) {
  const described = [spec.hint ? `${spec.name}-hint` : '', spec.error ? `${spec.name}-error` : ''].filter(Boolean).join(' ');
  return html`
    <div class="field">
      <label for=${spec.name}>${spec.label}</label>
      ${spec.hint ? html`<p class="hint" id="${spec.name}-hint">${spec.hint}</p>` : nothing}
      <input
        id=${spec.name}
        name=${spec.name}
        type=${spec.type}
        autocomplete=${spec.autocomplete}
        ?required=${spec.required ?? true}
        aria-invalid=${spec.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(described || undefined)}
        .value=${live(spec.value)}
        @input=${(e: Event) => spec.onInput((e.target as HTMLInputElement).value)}
      />
      ${spec.error ? html`<p class="field-error" id="${spec.name}-error">${spec.error}</p>` : nothing}
    </div>
  `;
}

/** Shared look of portal forms. */
export { formStyles } from './form-styles.js';
