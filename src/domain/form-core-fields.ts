import type { PropertyBag } from '../contract/common.js';
import type { FormField } from '../contract/form.js';

/**
 * Core ticket fields a support form may ask the customer for, besides subject and description: always the priority,
 * with the admin's option labels (the option values are the priorities the helpdesk knows), and the pipeline when the
 * admin marks it customer-settable (`supportForm.customerSettableFields`; options = pipeline ids). System fields (id,
 * stage, owner, contact, company, dates) stay reserved.
 */
export const CUSTOMER_SETTABLE_CORE_FIELDS: readonly string[] = ['priority', 'pipeline'];
const ALWAYS_SETTABLE: readonly string[] = ['priority'];

/** What is wrong with a customer-settable core field of the form (relative paths like `definitionProblems`). */
export function coreFieldProblems(field: FormField, at: string, marked: readonly string[] = []): { path: string; message: string }[] {
  if (!CUSTOMER_SETTABLE_CORE_FIELDS.includes(field.name)) return [];
  if (!ALWAYS_SETTABLE.includes(field.name) && !marked.includes(field.name)) {
    return [{ path: `${at}.name`, message: `"${field.name}" is a core ticket field; mark it in customerSettableFields or choose another name.` }];
  }
  return field.type === 'select' || field.type === 'radio'
    ? []
    : [{ path: `${at}.type`, message: `The "${field.name}" field must be a select or radio field whose options are the allowed values.` }];
}

type FormValue = string | number | boolean | string[] | null | undefined;

/**
 * Validated form values as a ticket's parts: `subject`, `content` and `priority` are core fields; the rest become
 * properties (checkbox lists joined with `;`), plus the inbox the ticket went to.
 */
export function ticketPartsFromForm(values: Readonly<Record<string, FormValue>>, inbox: string) {
  const properties: PropertyBag = {};
  for (const [name, value] of Object.entries(values)) {
    if (name === 'subject' || name === 'content' || CUSTOMER_SETTABLE_CORE_FIELDS.includes(name)) continue;
    properties[name] = Array.isArray(value) ? value.join(';') : (value as PropertyBag[string]);
  }
  properties.inbox = inbox;
  const text = (value: FormValue) => (typeof value === 'string' && value !== '' ? value : null);
  return {
    subject: String(values.subject ?? ''),
    content: String(values.content ?? ''),
    priority: text(values.priority),
    /** The pipeline the customer chose (a marked `pipeline` field), else `null`: the first pipeline. */
    pipeline: text(values.pipeline),
    properties,
  };
}
