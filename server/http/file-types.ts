import { isAccepted } from '../../src/internal/files.js';

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
 * The browser's rule (`isAccepted` of src/internal/files.ts) applied twice: to the declared type and to the type the
 * extension stands for, so `evil.exe` declared as `image/png` fails an `image/png` accept list. Empty list = any.
 */
export function acceptedUpload(name: string, declaredType: string, accept: readonly string[]): boolean {
  return isAccepted({ name, type: declaredType }, accept) && isAccepted({ name, type: typeByExtension(name) }, accept);
}

/** Types served as themselves; anything else is served as `application/octet-stream`. */
export const SAFE_TYPES: ReadonlySet<string> = new Set([
  'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain', 'text/csv',
]);

export function servedType(stored: string): string {
  const mime = stored.split(';')[0].trim().toLowerCase();
  return SAFE_TYPES.has(mime) ? mime : 'application/octet-stream';
}

/** RFC 5987 value: UTF-8, percent-encoded (also `'()*`, which encodeURIComponent leaves). */
const rfc5987 = (name: string) => encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `Content-Disposition: attachment` per RFC 6266: an ASCII `filename=` fallback (accents dropped, anything else
 * outside printable ASCII, quotes, backslashes, path and control characters replaced) and the exact `filename*`.
 */
export function attachmentDisposition(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\/:;%]/g, '_').trim() || 'file';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`;
}
