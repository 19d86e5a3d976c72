import type { UploadLimits } from '../contract/form.js';
import { sizeText } from './sizes.js';
import { isAccepted } from './uploads.js';

/** Types of common extensions: an upload's extension must fit the accept list as well as its declared type. */
const EXTENSION_TYPES: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml',
  heic: 'image/heic', bmp: 'image/bmp', tif: 'image/tiff', tiff: 'image/tiff', ico: 'image/x-icon',
  pdf: 'application/pdf', txt: 'text/plain', log: 'text/plain', csv: 'text/csv', md: 'text/markdown',
  html: 'text/html', htm: 'text/html', xhtml: 'application/xhtml+xml', xml: 'application/xml', json: 'application/json',
  js: 'text/javascript', mjs: 'text/javascript', css: 'text/css',
  zip: 'application/zip', gz: 'application/gzip', '7z': 'application/x-7z-compressed', rar: 'application/vnd.rar',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text', ods: 'application/vnd.oasis.opendocument.spreadsheet', rtf: 'application/rtf',
  mp4: 'video/mp4', mov: 'video/quicktime', webm: 'video/webm', mp3: 'audio/mpeg', wav: 'audio/wav',
  exe: 'application/vnd.microsoft.portable-executable', msi: 'application/x-msi', bat: 'application/x-msdos-program',
  sh: 'application/x-sh', jar: 'application/java-archive', apk: 'application/vnd.android.package-archive',
};

/** The type a file name's extension stands for; unknown or missing extensions are `application/octet-stream`. */
export function typeByExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return EXTENSION_TYPES[ext] ?? 'application/octet-stream';
}

/**
 * The browser's rule (`isAccepted`) applied twice: to the declared type and to the type the extension stands
 * for, so `evil.exe` declared as `image/png` fails an `image/png` accept list. Empty list = any.
 */
export function acceptedUpload(name: string, declaredType: string, accept: readonly string[]): boolean {
  return isAccepted({ name, type: declaredType }, accept) && isAccepted({ name, type: typeByExtension(name) }, accept);
}

/** A refused upload: 413 for a file over the size limit (the server stops reading), 422 otherwise. */
export interface UploadRefusal {
  status: 413 | 422;
  message: string;
}

const refuse = (status: 413 | 422, message: string): UploadRefusal => ({ status, message });

/**
 * The upload checks of the server and the MemoryAdapter, in the order the server applies them while a file
 * streams in: before its bytes (`start`: count and type, for the file at position `index`), while they arrive
 * (`size`), and at its end (`end`: empty files). `name` is the cleaned name (`displayFileName`).
 */
export const UPLOAD_RULES = {
  start(index: number, name: string, declaredType: string, limits: UploadLimits): UploadRefusal | null {
    if (index >= limits.maxFiles) return refuse(422, limits.maxFiles === 0 ? 'Files cannot be attached here.' : `Attach at most ${limits.maxFiles} files.`);
    if (!acceptedUpload(name, declaredType, limits.accept)) return refuse(422, `"${name}" is not a file type that can be attached here.`);
    return null;
  },
  size(name: string, size: number, limits: UploadLimits): UploadRefusal | null {
    return size > limits.maxBytes ? refuse(413, `"${name}" is larger than ${sizeText(limits.maxBytes)}.`) : null;
  },
  end(name: string, size: number): UploadRefusal | null {
    return size === 0 ? refuse(422, `"${name}" is empty.`) : null;
  },
};

/** The first refusal of a set of whole files (names already cleaned), as the server would answer it. */
export function uploadRefusal(files: readonly { name: string; type: string; size: number }[], limits: UploadLimits): UploadRefusal | null {
  for (const [index, file] of files.entries()) {
    const refusal = UPLOAD_RULES.start(index, file.name, file.type, limits)
      ?? UPLOAD_RULES.size(file.name, file.size, limits) ?? UPLOAD_RULES.end(file.name, file.size);
    if (refusal) return refusal;
  }
  return null;
}
