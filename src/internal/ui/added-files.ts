import type { UploadLimits } from '../../contract/form.js';
import { displayFileName, fileProblems } from '../files.js';
import { fileProblemText } from './file-messages.js';

/** The files of a reply or form after the user picked or dropped more, and what is wrong with the ones refused. */
export interface AddedFiles {
  files: File[];
  /** The problems in the user's language (empty when every file was taken). */
  problems: string[];
}

/**
 * Adds picked or dropped files within the admin's limits: a file with a problem (too big, wrong type, empty)
 * stays out, and no more than `maxFiles` are kept; the others are added after the ones already there.
 */
export function addFiles(current: readonly File[], incoming: FileList | readonly File[], limits: UploadLimits, locale: string): AddedFiles {
  const added = [...incoming];
  const problems = fileProblems([...current, ...added], limits);
  const bad = new Set(problems.flatMap((p) => ('name' in p ? [p.name] : [])));
  const room = Math.max(0, limits.maxFiles - current.length);
  return {
    files: [...current, ...added.filter((f) => !bad.has(displayFileName(f.name))).slice(0, room)],
    problems: problems.map((p) => fileProblemText(p, locale)),
  };
}

/** The names of a restored draft's files still to attach again (those not attached meanwhile). */
export const stillToAttach = (names: readonly string[], files: readonly File[]) => names.filter((name) => !files.some((f) => f.name === name));

/** A file input's `change` handler: hands the picked files over and empties the input (the same file can be picked again). */
export const onFilesPicked = (add: (files: FileList) => void) => (event: Event) => {
  const input = event.target as HTMLInputElement;
  if (input.files) add(input.files);
  input.value = '';
};
