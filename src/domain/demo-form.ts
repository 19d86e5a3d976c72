import type { FormField } from '../contract/form.js';

/**
 * The demo world's support form: every field type once, required fields, a pattern with its own message, help
 * texts and two conditional fields ("Order number" when the category is billing; "Affected users" when more than
 * the requester is affected). Date limits are YYYYMMDD numbers (see `form-field-rules.ts`).
 */
export const DEMO_FORM_FIELDS: FormField[] = [
  { name: 'subject', label: 'Subject', type: 'text', required: true, maxLength: 200, placeholder: 'A short summary of your request' },
  {
    name: 'category', label: 'Category', type: 'select', required: true, help: 'Pick the topic that fits best.',
    options: [
      { value: 'general', label: 'General question' },
      { value: 'technical', label: 'Technical problem' },
      { value: 'billing', label: 'Billing' },
      { value: 'account', label: 'Account and access' },
    ],
  },
  {
    name: 'orderNumber', label: 'Order number', type: 'text', required: true, pattern: 'ORD-[0-9]{6}',
    patternMessage: 'Use the order number from your invoice, e.g. ORD-123456.', placeholder: 'ORD-123456',
    help: 'You find it at the top of your invoice.', visibleWhen: { field: 'category', equals: 'billing' },
  },
  {
    name: 'impact', label: 'Who is affected?', type: 'radio', required: true,
    options: [
      { value: 'me', label: 'Only me' },
      { value: 'team', label: 'My team' },
      { value: 'company', label: 'The whole company' },
    ],
  },
  {
    name: 'affectedUsers', label: 'Affected users', type: 'number', min: 1, max: 100000,
    help: 'Roughly how many people cannot work as usual.', visibleWhen: { field: 'impact', in: ['team', 'company'] },
  },
  {
    name: 'products', label: 'Affected products', type: 'checkboxes',
    options: [
      { value: 'portal', label: 'Customer portal' },
      { value: 'api', label: 'API' },
      { value: 'mobile', label: 'Mobile app' },
    ],
  },
  { name: 'firstNoticed', label: 'First noticed on', type: 'date', min: 20200101, help: 'When did it start? Leave empty if unsure.' },
  { name: 'ccEmail', label: 'Send a copy to', type: 'email', maxLength: 254, placeholder: 'colleague@example.com', help: 'Optional: a colleague who should follow this request.' },
  { name: 'content', label: 'Description', type: 'textarea', required: true, minLength: 10, maxLength: 20000, help: 'What happened, and what did you expect?' },
  { name: 'attachments', label: 'Attachments', type: 'file', help: 'Screenshots or logs help us answer faster.' },
  { name: 'mayAccessAccount', label: 'Our support team may sign in to my account to investigate', type: 'checkbox' },
];
