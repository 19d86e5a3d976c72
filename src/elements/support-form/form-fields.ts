import { msg } from '../../internal/messages.js';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FormField, UploadLimits } from '../../contract/form.js';
import { DATE_RULE } from '../../domain/form-field-rules.js';
import { displayFileName, formatBytes } from '../../internal/files.js';
import { limitsText } from '../../internal/ui/file-messages.js';
import { onFilesPicked } from '../../internal/ui/added-files.js';

export interface FieldContext {
  value: string | string[] | undefined;
  error?: string;
  locale: string;
  limits: UploadLimits;
  files: readonly File[];
  onValue(value: string | string[]): void;
  onBlur(): void;
  onFiles(files: FileList): void;
  onRemoveFile(file: File): void;
}

export const fieldId = (field: FormField) => `field-${field.name}`;

/** Native `min`/`max`: numbers as they are; date limits (YYYYMMDD numbers) as YYYY-MM-DD by the domain's `DATE_RULE`. */
function limitAttr(field: FormField, value: number | undefined): string | undefined {
  if (value === undefined || (field.type !== 'number' && field.type !== 'date')) return undefined;
  if (field.type === 'number') return String(value);
  return DATE_RULE.fromNumber(value) ?? undefined;
}

/** Ids of the hint and error that describe a control. */
function describedBy(field: FormField, ctx: FieldContext) {
  const ids = [field.help ? `${fieldId(field)}-help` : '', ctx.error ? `${fieldId(field)}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

/** Required fields get a visual "*" from CSS (with empty alternative text, so it is not part of the name). */
const requiredClass = (field: FormField) => (field.required ? 'required' : '');

const help = (field: FormField) => (field.help ? html`<p class="hint" id="${fieldId(field)}-help">${field.help}</p>` : nothing);
const error = (field: FormField, ctx: FieldContext) =>
  ctx.error ? html`<p class="field-error" id="${fieldId(field)}-error">${ctx.error}</p>` : nothing;

/** One field of the definition as native, labelled controls with help and error text. */
export function renderFormField(field: FormField, ctx: FieldContext): TemplateResult {
  const id = fieldId(field);
  const text = typeof ctx.value === 'string' ? ctx.value : '';
  const list = Array.isArray(ctx.value) ? ctx.value : [];
  const common = {
    invalid: ctx.error ? 'true' : 'false',
    described: describedBy(field, ctx),
  };
  switch (field.type) {
    case 'textarea':
      return html`<div class="field">
        <label for=${id} class=${requiredClass(field)}>${field.label}</label>${help(field)}
        <textarea id=${id} name=${field.name} rows="6" ?required=${!!field.required} placeholder=${ifDefined(field.placeholder)}
          minlength=${ifDefined(field.minLength)} maxlength=${ifDefined(field.maxLength)}
          aria-invalid=${common.invalid} aria-describedby=${ifDefined(common.described)} .value=${live(text)}
          @input=${(e: Event) => ctx.onValue((e.target as HTMLTextAreaElement).value)} @blur=${ctx.onBlur}></textarea>
        ${error(field, ctx)}</div>`;
    case 'select':
      return html`<div class="field">
        <label for=${id} class=${requiredClass(field)}>${field.label}</label>${help(field)}
        <select id=${id} name=${field.name} ?required=${!!field.required} aria-invalid=${common.invalid} aria-describedby=${ifDefined(common.described)}
          @change=${(e: Event) => ctx.onValue((e.target as HTMLSelectElement).value)} @blur=${ctx.onBlur}>
          <option value="" ?selected=${!text}>${field.placeholder ?? msg('Choose…', { id: 'form.choose' })}</option>
          ${(field.options ?? []).map((o) => html`<option value=${o.value} ?selected=${o.value === text}>${o.label}</option>`)}
        </select>${error(field, ctx)}</div>`;
    case 'radio':
    case 'checkboxes': {
      const multiple = field.type === 'checkboxes';
      return html`<fieldset class="field choice" id=${id} aria-invalid=${common.invalid} aria-describedby=${ifDefined(common.described)} tabindex="-1">
        <legend class=${requiredClass(field)}>${field.label}</legend>${help(field)}
        ${(field.options ?? []).map((o, i) => html`<label class="option">
          <input type=${multiple ? 'checkbox' : 'radio'} name=${field.name} value=${o.value} id="${id}-${i}"
            .checked=${live(multiple ? list.includes(o.value) : text === o.value)} @blur=${ctx.onBlur}
            @change=${(e: Event) => {
              const checked = (e.target as HTMLInputElement).checked;
              if (!multiple) ctx.onValue(o.value);
              else ctx.onValue(checked ? [...list, o.value] : list.filter((v) => v !== o.value));
            }} />
          ${o.label}</label>`)}
        ${error(field, ctx)}</fieldset>`;
    }
    case 'checkbox':
      return html`<div class="field">
        <div class="option">
          <input type="checkbox" id=${id} name=${field.name} ?required=${!!field.required} .checked=${live(text === 'true')}
            aria-invalid=${common.invalid} aria-describedby=${ifDefined(common.described)} @blur=${ctx.onBlur}
            @change=${(e: Event) => ctx.onValue((e.target as HTMLInputElement).checked ? 'true' : '')} />
          <label for=${id} class=${requiredClass(field)}>${field.label}</label>
        </div>${help(field)}${error(field, ctx)}</div>`;
    case 'file':
      return html`<div class="field">
        <label for=${id} class=${requiredClass(field)}>${field.label}</label>${help(field)}
        <p class="hint">${limitsText(ctx.limits, ctx.locale)}</p>
        <input type="file" id=${id} name=${field.name} multiple accept=${ctx.limits.accept.join(',') || nothing}
          aria-invalid=${common.invalid} aria-describedby=${ifDefined(common.described)}
          @change=${onFilesPicked(ctx.onFiles)} />
        ${ctx.files.length ? html`<ul class="file-list">${ctx.files.map((f) => html`<li><span class="file-name">${displayFileName(f.name)}</span>
          <span class="hint">${formatBytes(f.size, ctx.locale)}</span>
          <button class="link-button" type="button" @click=${() => ctx.onRemoveFile(f)}>${msg('Remove', { id: 'reply.remove' })}<span class="visually-hidden"> ${displayFileName(f.name)}</span></button></li>`)}</ul>` : nothing}
        ${error(field, ctx)}</div>`;
    default: {
      const type = field.type === 'email' ? 'email' : field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text';
      const autocomplete = field.type === 'email' ? 'email' : 'off';
      return html`<div class="field">
        <label for=${id} class=${requiredClass(field)}>${field.label}</label>${help(field)}
        <input id=${id} name=${field.name} type=${type} autocomplete=${autocomplete} ?required=${!!field.required}
          placeholder=${ifDefined(field.placeholder)} inputmode=${ifDefined(type === 'number' ? 'decimal' : undefined)}
          minlength=${ifDefined(type === 'text' || type === 'email' ? field.minLength : undefined)} maxlength=${ifDefined(type === 'text' || type === 'email' ? field.maxLength : undefined)}
          min=${ifDefined(limitAttr(field, field.min))} max=${ifDefined(limitAttr(field, field.max))}
          aria-invalid=${common.invalid} aria-describedby=${ifDefined(common.described)} .value=${live(text)}
          @input=${(e: Event) => ctx.onValue((e.target as HTMLInputElement).value)} @blur=${ctx.onBlur} />
        ${error(field, ctx)}</div>`;
    }
  }
}
