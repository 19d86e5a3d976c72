import { msg, str } from '@lit/localize';
import type { FormField } from '../../contract/form.js';
import type { FormIssue } from '../../domain/form-validation.js';

/** A validation issue in the user's language; a pattern issue uses the admin's own message when given. */
export function issueText(issue: FormIssue, field: FormField | undefined): string {
  const p = issue.params ?? {};
  switch (issue.key) {
    case 'required':
      return field?.type === 'checkbox'
        ? msg('Please tick this box to continue.', { id: 'form.required-checkbox' })
        : field?.type === 'checkboxes' || field?.type === 'radio' || field?.type === 'select'
          ? msg('Please choose an option.', { id: 'form.required-choice' })
          : msg('Please fill in this field.', { id: 'form.required' });
    case 'too-short': return msg(str`Use at least ${p.min ?? field?.minLength ?? ''} characters.`, { id: 'form.too-short' });
    case 'too-long': return msg(str`Use at most ${p.max ?? field?.maxLength ?? ''} characters.`, { id: 'form.too-long' });
    case 'pattern': return field?.patternMessage || msg('Please match the requested format.', { id: 'form.pattern' });
    case 'email': return msg('Enter a valid email address, like name@example.com.', { id: 'login.email-invalid' });
    case 'number': return msg('Enter a number.', { id: 'form.number' });
    case 'too-small': return msg(str`Enter ${p.min ?? field?.min ?? ''} or more.`, { id: 'form.too-small' });
    case 'too-large': return msg(str`Enter ${p.max ?? field?.max ?? ''} or less.`, { id: 'form.too-large' });
    case 'date': return msg('Enter a real date.', { id: 'form.date' });
    case 'option': return msg('Please choose one of the options.', { id: 'form.option' });
    case 'not-allowed': return issue.message;
  }
}
