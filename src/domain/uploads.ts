import type { UploadLimits } from '../contract/form.js';

/**
 * Upload rules the browser, the MemoryAdapter and the server share: how a file name is cleaned and which files an
 * accept list allows. (What the server checks as a file streams in is in `upload-rules.ts`.)
 */

/** Bidirectional and other invisible format controls (e.g. U+202E that makes `gnp.exe` read as `exe.png`). */
const FORMAT_CONTROLS = /[\u0000-\u001f\u007f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A file name as safe text: no path parts, no control or bidi characters, at most 120 characters. */
export function displayFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(FORMAT_CONTROLS, '').trim();
  if (!clean) return 'file';
  if (clean.length <= 120) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return `${clean.slice(0, 119 - ext.length)}…${ext}`;
}

/** Whether a file's type is allowed: `accept` lists MIME types (`image/*` too) or extensions; empty allows all. */
export function isAccepted(file: { name: string; type: string }, accept: readonly string[]): boolean {
  if (accept.length === 0) return true;
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  return accept.some((entry) => {
    const a = entry.trim().toLowerCase();
    if (a.startsWith('.')) return name.endsWith(a);
    if (a.endsWith('/*')) return type.startsWith(a.slice(0, -1));
    return type === a;
  });
}

export type FileProblem =
  | { kind: 'too-many'; max: number }
  | { kind: 'too-big'; name: string; maxBytes: number }
  | { kind: 'type'; name: string }
  | { kind: 'empty'; name: string };

/** What is wrong with a set of files under the limits, before anything is uploaded (the browser's early check). */
export function fileProblems(files: readonly { name: string; size: number; type: string }[], limits: UploadLimits): FileProblem[] {
  const problems: FileProblem[] = [];
  if (files.length > limits.maxFiles) problems.push({ kind: 'too-many', max: limits.maxFiles });
  for (const file of files) {
    const name = displayFileName(file.name);
    if (file.size === 0) problems.push({ kind: 'empty', name });
    else if (file.size > limits.maxBytes) problems.push({ kind: 'too-big', name, maxBytes: limits.maxBytes });
    if (!isAccepted(file, limits.accept)) problems.push({ kind: 'type', name });
  }
  return problems;
}
