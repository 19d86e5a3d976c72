export { acceptedUpload, typeByExtension } from '../../src/domain/upload-rules.js';

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
