import type { PropertyBag } from '../contract/common.js';
import type { FormField } from '../contract/form.js';

/**
 * Core ticket fields a support form may ask the customer for, besides subject and description: the priority, with
 * the admin's option labels (the option values are the priorities the helpdesk knows). System fields (id, pipeline,
 * stage, owner, contact, company, dates) stay reserved.
 */
export const CUSTOMER_SETTABLE_CORE_FIELDS: readonly string[] = ['priority'];

/** What is wrong with a customer-settable core field of the form (relative paths like `definitionProblems`). */
export function coreFieldProblems(field: FormField, at: string): { path: string; message: string }[] {
  if (!CUSTOMER_SETTABLE_CORE_FIELDS.includes(field.name)) return [];
  return field.type === 'select' || field.type === 'radio'
    ? []
    : [{ path: `${at}.type`, message: `The "${field.name}" field must be a select or radio field with the priorities as options.` }];
}

type FormValue = string | number | boolean | string[] | null | undefined;

/**
 * Validated form values as a ticket's parts: `subject`, `content` and `priority` are core fields; the rest become
 * properties (checkbox lists joined with `;`), plus the inbox the ticket went to.
 */
export function ticketPartsFromForm(values: Readonly<Record<string, FormValue>>, inbox: string) {
  const properties: PropertyBag = {};
  for (const [name, value] of Object.entries(values)) {
    if (name === 'subject' || name === 'content' || name === 'priority') continue;
    properties[name] = Array.isArray(value) ? value.join(';') : (value as PropertyBag[string]);
  }
  properties.inbox = inbox;
  const priority = values.priority;
  return {
    subject: String(values.subject ?? ''),
    content: String(values.content ?? ''),
    priority: typeof priority === 'string' && priority !== '' ? priority : null,
    properties,
  };
}
