import type { FormField } from '../contract/form.js';
import { EMAIL_MESSAGE, isEmail } from '../contract/account-rules.js';
import type { FormIssue } from './form-validation.js';

/** One field's verdict: its clean value (`undefined` = left empty, not stored) or its one issue. */
export type FieldVerdict =
  | { ok: true; value: string | number | boolean | string[] | undefined }
  | { ok: false; issue: Omit<FormIssue, 'field'> };

/** Text without a `maxLength` is still capped (code points): a single line, and a long text. */
export const DEFAULT_MAX_LENGTH = { line: 1000, textarea: 50_000 } as const;

/** Decimal notation only: `12`, `-1.5`, `.5`, `+3`; no exponent, no thousands separators, no comma. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Dates: `YYYY-MM-DD`; a date field's `min`/`max` are YYYYMMDD numbers (20240101 = 2024-01-01). */
export const DATE_RULE = {
  pattern: /^(\d{4})-(\d{2})-(\d{2})$/,
  /** 20240101 → "2024-01-01"; `null` unless it is a real calendar date. */
  fromNumber(value: number): string | null {
    if (!Number.isInteger(value) || value < 10000101 || value > 99991231) return null;
    const s = String(value);
    const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
    return isCalendarDate(iso) ? iso : null;
  },
};

/** Whether `YYYY-MM-DD` names a real day (leap years included). */
export function isCalendarDate(text: string): boolean {
  const m = DATE_RULE.pattern.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 1;
}

const ok = (value: string | number | boolean | string[] | undefined): FieldVerdict => ({ ok: true, value });
const fail = (key: FormIssue['key'], message: string, params?: FormIssue['params']): FieldVerdict =>
  ({ ok: false, issue: { key, message, ...(params ? { params } : {}) } });

/** One text value: the last of repeated values, CRLF → LF, trimmed. */
function textOf(input: unknown): string {
  const value = Array.isArray(input) ? input.at(-1) : input;
  if (value === undefined || value === null) return '';
  return (typeof value === 'string' ? value : String(value)).replace(/\r\n?/g, '\n').trim();
}

/** The words a checkbox value may be: checked, or not checked (absent and empty count as not checked). */
export const CHECKBOX_WORDS = { checked: ['on', 'true', '1', 'yes'], unchecked: ['', 'off', 'false', '0', 'no'] } as const;

/**
 * A checkbox's raw value (the last of repeated values, trimmed, any case; or a boolean from a prefill) as checked
 * (`true`), not checked (`false`), or `null` when it is none of {@link CHECKBOX_WORDS}. The one definition of
 * "checked": validation stores it and `visibleWhen` rules compare it.
 */
export function checkboxState(input: unknown): boolean | null {
  const raw = typeof input === 'boolean' ? String(input) : textOf(input).toLowerCase();
  if ((CHECKBOX_WORDS.checked as readonly string[]).includes(raw)) return true;
  return (CHECKBOX_WORDS.unchecked as readonly string[]).includes(raw) ? false : null;
}

const codePoints = (text: string) => [...text].length;

/** A compiled `pattern` (whole-value match, `u` flag), or `null` when it does not compile. */
export function compilePattern(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return null;
  }
}

function checkText(field: FormField, text: string): FieldVerdict {
  const length = codePoints(text);
  if (field.minLength !== undefined && length < field.minLength) {
    return fail('too-short', `Use at least ${field.minLength} characters.`, { min: field.minLength });
  }
  const max = field.maxLength ?? (field.type === 'textarea' ? DEFAULT_MAX_LENGTH.textarea : DEFAULT_MAX_LENGTH.line);
  if (length > max) return fail('too-long', `Use at most ${max} characters.`, { max });
  if (field.type === 'email' && !isEmail(text)) return fail('email', EMAIL_MESSAGE);
  if (field.pattern !== undefined) {
    const re = compilePattern(field.pattern);
    if (re && !re.test(text)) return fail('pattern', field.patternMessage || 'Use the requested format.');
  }
  return ok(text);
}

function checkNumber(field: FormField, input: unknown): FieldVerdict {
  const text = textOf(input);
  const n = typeof input === 'number' ? input : text.length <= 40 && NUMBER.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(n)) return fail('number', 'Enter a number.');
  if (field.min !== undefined && n < field.min) return fail('too-small', `Enter ${field.min} or more.`, { min: field.min });
  if (field.max !== undefined && n > field.max) return fail('too-large', `Enter ${field.max} or less.`, { max: field.max });
  return ok(n);
}

function checkDate(field: FormField, text: string): FieldVerdict {
  if (!isCalendarDate(text)) return fail('date', 'Enter a valid date (YYYY-MM-DD).');
  const min = field.min === undefined ? null : DATE_RULE.fromNumber(field.min);
  const max = field.max === undefined ? null : DATE_RULE.fromNumber(field.max);
  if (min !== null && text < min) return fail('too-small', `Choose ${min} or later.`, { min });
  if (max !== null && text > max) return fail('too-large', `Choose ${max} or earlier.`, { max });
  return ok(text);
}

function choicesOf(input: unknown): string[] {
  const list = Array.isArray(input) ? input : input === undefined || input === null ? [] : [input];
  return [...new Set(list.map((v) => textOf(v)).filter((v) => v !== ''))];
}

const optionIssue = () => fail('option', 'Choose one of the listed options.');

/**
 * Checks one visible field's raw value (`string`, `string[]`, or a typed value from a prefill) and turns it into
 * the value to store. Empty optional fields give `undefined`; an unchecked checkbox gives `false`.
 */
export function checkField(field: FormField, input: unknown): FieldVerdict {
  const options = field.options ?? [];
  switch (field.type) {
    case 'checkbox': {
      const checked = checkboxState(input);
      if (checked === null) return optionIssue();
      if (field.required && !checked) return fail('required', 'Check this box to continue.');
      return ok(checked);
    }
    case 'checkboxes': {
      const chosen = choicesOf(input);
      if (chosen.some((v) => !options.some((o) => o.value === v))) return optionIssue();
      if (chosen.length === 0) return field.required ? fail('required', 'Choose at least one option.') : ok(undefined);
      return ok(options.map((o) => o.value).filter((v) => chosen.includes(v)));
    }
    case 'file':
      return ok(undefined);
    default:
      break;
  }
  const text = typeof input === 'number' && field.type === 'number' ? String(input) : textOf(input);
  if (text === '') {
    if (!field.required) return ok(undefined);
    return fail('required', field.type === 'select' || field.type === 'radio' ? 'Choose an option.' : 'This field is required.');
  }
  switch (field.type) {
    case 'number':
      return checkNumber(field, typeof input === 'number' ? input : text);
    case 'date':
      return checkDate(field, text);
    case 'select':
    case 'radio':
      return options.some((o) => o.value === text) ? ok(text) : optionIssue();
    default:
      return checkText(field, text);
  }
}
