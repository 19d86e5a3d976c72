import { msg, str } from '@lit/localize';
import type { UploadLimits } from '../../contract/form.js';
import { formatBytes, type FileProblem } from '../../internal/files.js';

/** A file problem in the user's language. */
export function fileProblemText(problem: FileProblem, locale: string): string {
  switch (problem.kind) {
    case 'too-many': return msg(str`You can attach at most ${problem.max} files.`, { id: 'files.too-many' });
    case 'too-big': return msg(str`${problem.name} is larger than ${formatBytes(problem.maxBytes, locale)}.`, { id: 'files.too-big' });
    case 'type': return msg(str`${problem.name} is not a file type you can attach here.`, { id: 'files.type' });
    case 'empty': return msg(str`${problem.name} is empty.`, { id: 'files.empty' });
  }
}

/** "Up to 5 files, 10 MB each. Allowed: .pdf, image/*" */
export function limitsText(limits: UploadLimits, locale: string): string {
  const base = msg(str`Up to ${limits.maxFiles} files, ${formatBytes(limits.maxBytes, locale)} each.`, { id: 'files.limits' });
  return limits.accept.length > 0
    ? `${base} ${msg(str`Allowed: ${limits.accept.join(', ')}`, { id: 'files.allowed' })}`
    : base;
}
