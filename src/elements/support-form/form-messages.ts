import { msg, str } from '../../internal/messages.js';
import { getPortalLocale } from '../../internal/localization.js';
import type { FormField } from '../../contract/form.js';
import type { FormIssue } from '../../domain/form-validation.js';
import { CellFormat } from '../../internal/formats.js';
import { plural } from '../../internal/plural.js';

/** A count from a validation issue, in the user's digits; `count` is NaN when unknown (plural: `other`). */
function counted(value: unknown) {
  const locale = getPortalLocale();
  const count = typeof value === 'number' ? value : Number.NaN;
  return { locale, count, n: Number.isFinite(count) ? CellFormat.for(locale).number.format(count) : String(value ?? '') };
}

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
    case 'too-short': {
      const { locale, count, n } = counted(p.min ?? field?.minLength);
      return plural(count, locale,
        () => msg(str`Use at least ${n} character.`, { id: 'form.too-short.one' }),
        (category) => msg(str`Use at least ${n} characters.`, { id: `form.too-short.${category}` }));
    }
    case 'too-long': {
      const { locale, count, n } = counted(p.max ?? field?.maxLength);
      return plural(count, locale,
        () => msg(str`Use at most ${n} character.`, { id: 'form.too-long.one' }),
        (category) => msg(str`Use at most ${n} characters.`, { id: `form.too-long.${category}` }));
    }
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

/** "3 problems need your attention." */
export function problemCountText(count: number, locale: string): string {
  const n = CellFormat.for(locale).number.format(count);
  return plural(count, locale,
    () => msg(str`${n} problem needs your attention.`, { id: 'form.problem-count.one' }),
    (category) => msg(str`${n} problems need your attention.`, { id: `form.problem-count.${category}` }));
}
