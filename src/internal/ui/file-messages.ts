import { msg, str } from '../messages.js';
import type { UploadLimits } from '../../contract/form.js';
import { formatBytes, type FileProblem } from '../files.js';
import { CellFormat } from '../formats.js';
import { plural } from '../plural.js';

/** A file problem in the user's language. */
export function fileProblemText(problem: FileProblem, locale: string): string {
  switch (problem.kind) {
    case 'too-many': {
      const n = CellFormat.for(locale).number.format(problem.max);
      return plural(problem.max, locale,
        () => msg(str`You can attach at most ${n} file.`, { id: 'files.too-many.one' }),
        (category) => msg(str`You can attach at most ${n} files.`, { id: `files.too-many.${category}` }));
    }
    case 'too-big': return msg(str`${problem.name} is larger than ${formatBytes(problem.maxBytes, locale)}.`, { id: 'files.too-big' });
    case 'type': return msg(str`${problem.name} is not a file type you can attach here.`, { id: 'files.type' });
    case 'empty': return msg(str`${problem.name} is empty.`, { id: 'files.empty' });
  }
}

/** "Up to 5 files, 10 MiB each. Allowed: .pdf, image/*" */
export function limitsText(limits: UploadLimits, locale: string): string {
  const n = CellFormat.for(locale).number.format(limits.maxFiles);
  const size = formatBytes(limits.maxBytes, locale);
  const base = plural(limits.maxFiles, locale,
    () => msg(str`Up to ${n} file, ${size} each.`, { id: 'files.limits.one' }),
    (category) => msg(str`Up to ${n} files, ${size} each.`, { id: `files.limits.${category}` }));
  return limits.accept.length > 0
    ? `${base} ${msg(str`Allowed: ${limits.accept.join(', ')}`, { id: 'files.allowed' })}`
    : base;
}
