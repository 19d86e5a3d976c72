import type { FormField } from '../contract/form.js';
import { compilePattern, DATE_RULE } from './form-field-rules.js';
import { CORE_TICKET_FIELDS } from './world.js';
import { coreFieldProblems, CUSTOMER_SETTABLE_CORE_FIELDS } from './form-core-fields.js';

/** The two fields every support form has, required and unconditional: they become the ticket's subject and description. */
export const REQUIRED_FORM_FIELDS = ['subject', 'content'] as const;

/**
 * Names a form field may not use: system fields (core ticket fields other than subject, content and the
 * customer-settable ones such as priority), `inbox` (recorded by the server from `settings.defaultInbox`) and `files`
 * (the multipart name of attachments and of upload errors).
 */
export const RESERVED_FIELD_NAMES: readonly string[] = [
  ...CORE_TICKET_FIELDS.filter((name) => name !== 'subject' && name !== 'content' && !CUSTOMER_SETTABLE_CORE_FIELDS.includes(name)), 'inbox', 'files',
];

const CHOICE_TYPES = new Set(['select', 'radio', 'checkboxes']);
const LENGTH_TYPES = new Set(['text', 'textarea', 'email']);

export interface DefinitionProblem {
  /** Dotted path inside the form settings, e.g. `fields.3.options`. */
  path: string;
  message: string;
}

/**
 * What is wrong with a (schema-valid) list of form fields, as paths relative to the form settings: duplicate or
 * reserved names, subject/content missing, optional or conditional, choice fields without options, contradicting
 * limits, patterns that do not compile, `visibleWhen` pointing to itself, an unknown or a later field, more than one
 * file field. Empty when the definition is usable.
 */
export function definitionProblems(fields: readonly FormField[], customerSettable: readonly string[] = []): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const seen = new Map<string, number>();
  let fileField = -1;

  fields.forEach((field, i) => {
    const at = `fields.${i}`;
    if (seen.has(field.name)) add(`${at}.name`, `The name "${field.name}" is already used by field ${seen.get(field.name)}.`);
    else seen.set(field.name, i);
    if (RESERVED_FIELD_NAMES.includes(field.name)) add(`${at}.name`, `"${field.name}" is a core ticket field; choose another name.`);

    for (const p of coreFieldProblems(field, at, customerSettable)) add(p.path, p.message);
    if ((REQUIRED_FORM_FIELDS as readonly string[]).includes(field.name)) {
      if (field.required !== true) add(`${at}.required`, `The "${field.name}" field must be required.`);
      if (field.visibleWhen) add(`${at}.visibleWhen`, `The "${field.name}" field must always be shown.`);
      const textual = field.name === 'subject' ? field.type === 'text' : field.type === 'textarea' || field.type === 'text';
      if (!textual) add(`${at}.type`, `The "${field.name}" field must be a ${field.name === 'subject' ? 'text' : 'textarea'} field.`);
    }

    if (field.type === 'file') {
      if (fileField >= 0) add(`${at}.type`, 'A form can have only one file field.');
      else fileField = i;
    }

    if (CHOICE_TYPES.has(field.type)) {
      const options = field.options ?? [];
      if (options.length === 0) add(`${at}.options`, 'A choice field needs at least one option.');
      const values = new Set<string>();
      options.forEach((o, j) => {
        if (o.value.trim() === '' || o.value !== o.value.trim()) add(`${at}.options.${j}.value`, 'An option value must not be empty or padded with spaces.');
        else if (values.has(o.value)) add(`${at}.options.${j}.value`, `The option value "${o.value}" is used twice.`);
        values.add(o.value);
      });
    }

    if (field.minLength !== undefined && field.maxLength !== undefined && field.minLength > field.maxLength) {
      add(`${at}.minLength`, 'minLength is greater than maxLength.');
    }
    if ((field.minLength !== undefined || field.maxLength !== undefined) && !LENGTH_TYPES.has(field.type)) {
      add(`${field.minLength !== undefined ? `${at}.minLength` : `${at}.maxLength`}`, 'Lengths apply only to text, textarea and email fields.');
    }
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) add(`${at}.min`, 'min is greater than max.');
    if (field.type === 'date') {
      for (const key of ['min', 'max'] as const) {
        const value = field[key];
        if (value !== undefined && DATE_RULE.fromNumber(value) === null) add(`${at}.${key}`, 'For a date field, write the date as a YYYYMMDD number, e.g. 20260131.');
      }
    }
    if (field.pattern !== undefined) {
      if (compilePattern(field.pattern) === null) add(`${at}.pattern`, 'The pattern is not a valid regular expression.');
      else if (!LENGTH_TYPES.has(field.type)) add(`${at}.pattern`, 'A pattern applies only to text, textarea and email fields.');
    }

    const rule = field.visibleWhen;
    if (rule) {
      const target = fields.findIndex((f) => f.name === rule.field);
      if (rule.field === field.name) add(`${at}.visibleWhen.field`, 'A field cannot depend on itself.');
      else if (target < 0) add(`${at}.visibleWhen.field`, `There is no field "${rule.field}".`);
      else if (target > i) add(`${at}.visibleWhen.field`, `"${rule.field}" must come before this field.`);
      else if (fields[target].type === 'file') add(`${at}.visibleWhen.field`, 'A field cannot depend on a file field.');
      if (rule.equals !== undefined && rule.in !== undefined) add(`${at}.visibleWhen`, 'Use either "equals" or "in", not both.');
      const controller = target >= 0 && target < i ? fields[target] : undefined;
      if (controller && CHOICE_TYPES.has(controller.type)) {
        const known = new Set((controller.options ?? []).map((o) => o.value));
        if (typeof rule.equals === 'string' && !known.has(rule.equals)) add(`${at}.visibleWhen.equals`, `"${rule.equals}" is not an option of "${controller.name}".`);
        rule.in?.forEach((v, j) => { if (!known.has(v)) add(`${at}.visibleWhen.in.${j}`, `"${v}" is not an option of "${controller.name}".`); });
      }
    }
  });

  for (const name of REQUIRED_FORM_FIELDS) {
    if (!seen.has(name)) add('fields', `The form needs a required "${name}" field.`);
  }
  return problems;
}
