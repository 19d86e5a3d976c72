import type { FormField } from '../contract/form.js';
import { checkboxState, checkField } from './form-field-rules.js';

export { definitionProblems } from './form-definition.js';
export { checkboxState, checkField, DATE_RULE, type FieldVerdict } from './form-field-rules.js';

/**
 * One support-form definition, one verdict: the browser (`<support-form>`) and the server (`POST /tickets`) both
 * validate through `validateForm` (plain functions, no schema library), so the same input gets the same answer and the same message key.
 *
 * Rules (documented in `form-field-rules.ts`, summarized here):
 * - Text (text, textarea, email): CRLF → LF, trimmed; whitespace-only counts as empty; lengths in Unicode code
 *   points (an emoji is 1); without a `maxLength`, text is capped at 1 000 (textarea 50 000) code points.
 *   `pattern` must match the whole value (`u` flag), like HTML's `pattern` attribute.
 * - Number: decimal notation only (`12`, ` -1.5 `, `.5`); no exponent (`1e3`), no comma, no `12abc`; output a number.
 * - Date: `YYYY-MM-DD`, a real calendar date (no 2026-02-30); output that string. For dates, `min`/`max` are
 *   written as YYYYMMDD numbers (`min: 20240101`) and compared as dates.
 * - select/radio: one of the option values. checkboxes: each one of the options (duplicates removed), output in
 *   option order; `required` = at least one. checkbox: `on`/`true`/`1`/`yes` = checked, absent/`off`/`false`/`0`/`no` = not (`checkboxState`);
 *   `required` = must be checked (consent style); output a boolean.
 * - Hidden fields (see `isFieldVisible`), file fields and unknown keys never reach the output.
 */

/** What a form submits: text as a string, a checkbox `'on'`/`'true'` or absent, checkboxes a string array. */
export type RawFormValues = Record<string, string | string[] | undefined>;

export type FormIssueKey =
  | 'required' | 'too-short' | 'too-long' | 'pattern' | 'email' | 'number' | 'too-small' | 'too-large' | 'date'
  | 'option' | 'not-allowed';

export interface FormIssue {
  field: string;
  key: FormIssueKey;
  params?: Record<string, string | number>;
  /** English default text, e.g. "Use at least 5 characters." */
  message: string;
}

export type FormOutput = Record<string, string | number | boolean | string[]>;

const lastString = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? (value.at(-1) ?? '') : (value ?? '')).trim();

/** Whether a checkbox's raw value is checked, by the one rule `checkboxState` (a value it refuses is not checked). */
export const isChecked = (value: string | string[] | undefined): boolean => checkboxState(value) === true;

/** The controlling value as the rule compares it: checked state, the selected strings, or the trimmed text. */
function controllingValues(field: FormField, raw: RawFormValues): (string | boolean)[] {
  const value = raw[field.name];
  if (field.type === 'checkbox') return [isChecked(value)];
  if (field.type === 'checkboxes') return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => v.trim()).filter((v) => v !== '');
  const text = lastString(value);
  return text === '' ? [] : [text];
}

/**
 * Whether a field shows: no `visibleWhen`, or its controlling field is itself visible and its value `equals`
 * the given one (a checkbox compares its checked state; checkboxes match when any choice matches) or is one of
 * `in`. With neither `equals` nor `in`, the field shows once the controlling field has a value (or is checked).
 * A rule pointing to an unknown field hides the field.
 */
export function isFieldVisible(field: FormField, raw: RawFormValues, fields: readonly FormField[], seen = new Set<string>()): boolean {
  const rule = field.visibleWhen;
  if (!rule) return true;
  const controller = fields.find((f) => f.name === rule.field);
  if (!controller || seen.has(field.name) || controller === field) return false;
  seen.add(field.name);
  if (!isFieldVisible(controller, raw, fields, seen)) return false;
  const values = controllingValues(controller, raw);
  if (rule.equals !== undefined) return values.some((v) => v === rule.equals || String(v) === String(rule.equals));
  if (rule.in !== undefined) return values.some((v) => rule.in?.includes(String(v)));
  return values.some((v) => v !== false);
}

export function visibleFields(fields: readonly FormField[], raw: RawFormValues): FormField[] {
  return fields.filter((f) => isFieldVisible(f, raw, fields));
}

/**
 * Validates a submission: issues in field order (at most one per visible field; file fields excluded), or the
 * values to store (hidden and unknown keys dropped, empty optional fields left out).
 */
export function validateForm(
  fields: readonly FormField[],
  raw: RawFormValues,
): { ok: true; values: FormOutput } | { ok: false; issues: FormIssue[] } {
  const values: FormOutput = {};
  const issues: FormIssue[] = [];
  for (const field of visibleFields(fields, raw)) {
    if (field.type === 'file') continue;
    const verdict = checkField(field, Object.hasOwn(raw, field.name) ? raw[field.name] : undefined);
    if (!verdict.ok) issues.push({ field: field.name, ...verdict.issue });
    else if (verdict.value !== undefined) values[field.name] = verdict.value;
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, values };
}

/**
 * The issue of the visible file field, if any, given how many files come with the submission: `required` when it
 * needs one and none came, `not-allowed` (on `files`) when files came but no file field is visible.
 */
export function fileFieldIssue(fields: readonly FormField[], raw: RawFormValues, fileCount: number): FormIssue | null {
  const field = visibleFields(fields, raw).find((f) => f.type === 'file');
  if (!field) return fileCount > 0 ? { field: 'files', key: 'not-allowed', message: 'Files cannot be attached to this form.' } : null;
  if (field.required && fileCount === 0) return { field: field.name, key: 'required', message: 'Attach at least one file.' };
  return null;
}

/**
 * The whole verdict on a submission, as `POST /tickets` gives it: the fields' issues and the file field's issue in
 * form order (files last), or the values to store.
 */
export function checkSubmission(
  fields: readonly FormField[],
  raw: RawFormValues,
  fileCount: number,
): { ok: true; values: FormOutput } | { ok: false; issues: FormIssue[] } {
  const result = validateForm(fields, raw);
  const fileIssue = fileFieldIssue(fields, raw, fileCount);
  if (result.ok && !fileIssue) return result;
  const issues = [...(result.ok ? [] : result.issues), ...(fileIssue ? [fileIssue] : [])];
  const order = [...fields.map((f) => f.name), 'files'];
  return { ok: false, issues: issues.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field)) };
}
