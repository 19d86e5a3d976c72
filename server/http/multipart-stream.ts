/**
 * A streaming `multipart/form-data` reader: parts are handed to sinks chunk by chunk as they arrive, so callers
 * can count and refuse while the request is still coming in (nothing is buffered beyond one part's headers and a
 * boundary's length). Throwing from `onPart` or a sink stops the reading.
 */

export interface PartInfo {
  /** The form field name. */
  name: string;
  /** The file name as sent (`filename*` preferred), or `undefined` for a plain field. */
  filename: string | undefined;
  /** The part's declared type, lowercased without parameters ('' when none). */
  contentType: string;
}

export interface PartSink {
  data(chunk: Uint8Array): void | Promise<void>;
  end(): void | Promise<void>;
}

export interface MultipartOptions {
  onPart(info: PartInfo): PartSink | Promise<PartSink>;
  /** Parts at most (default 100). */
  maxParts?: number;
  /** Bytes of one part's header block at most (default 8 kB). */
  maxHeaderBytes?: number;
}

/** The body is not well-formed multipart (→ 400). */
export class MultipartError extends Error {}

/** The boundary of a `multipart/form-data` content type, or `undefined`. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType.trim())) return undefined;
  const boundary = headerParams(contentType).get('boundary');
  return boundary && /^[\x20-\x7e]{1,70}$/.test(boundary) ? boundary : undefined;
}

/**
 * `; key="value"` parameters of a header value (keys lowercased). Quoted values are taken as they are: browsers
 * percent-encode `"` and line breaks in names (HTML's multipart encoding) and send `\` literally, so a Windows path
 * keeps its separators and is cut to its last part like any other.
 */
export function headerParams(value: string): Map<string, string> {
  const params = new Map<string, string>();
  const re = /;\s*([^=;\s]+)\s*=\s*(?:"([^"]*)"|([^;]*))/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const key = m[1].toLowerCase();
    if (!params.has(key)) params.set(key, m[2] !== undefined ? m[2] : m[3].trim());
  }
  return params;
}

/** RFC 5987 `UTF-8''percent%20encoded` → text (`undefined` when malformed). */
function extValue(value: string): string | undefined {
  const m = /^utf-8'[^']*'(.*)$/i.exec(value);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}

function partInfo(block: Buffer): PartInfo {
  let disposition = '';
  let contentType = '';
  for (const line of block.toString('utf8').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 1) throw new MultipartError('Malformed part header.');
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-disposition') disposition = value;
    else if (key === 'content-type') contentType = value.split(';')[0].trim().toLowerCase();
  }
  if (!/^form-data\s*(;|$)/i.test(disposition)) throw new MultipartError('A part has no form-data disposition.');
  const params = headerParams(disposition);
  const name = params.get('name');
  if (name === undefined) throw new MultipartError('A part has no name.');
  const star = params.get('filename*');
  const filename = (star === undefined ? undefined : extValue(star)) ?? params.get('filename');
  return { name, filename, contentType };
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** Reads the whole multipart body, calling `onPart` and the sinks in order; rejects with MultipartError when malformed. */
export async function readMultipart(stream: ReadableStream<Uint8Array>, boundary: string, options: MultipartOptions): Promise<void> {
  const { maxParts = 100, maxHeaderBytes = 8 * 1024 } = options;
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // A leading CRLF makes the first boundary look like the others.
  let buf: Buffer = Buffer.from(CRLF);
  let state: 'preamble' | 'boundary' | 'headers' | 'body' | 'done' = 'preamble';
  let sink: PartSink | undefined;
  let parts = 0;
  const reader = stream.getReader();
  try {
    for (;;) {
      for (let progress = true; progress;) {
        progress = false;
        if (state === 'preamble' || state === 'body') {
          const at = buf.indexOf(delimiter);
          const upTo = at >= 0 ? at : Math.max(0, buf.length - delimiter.length + 1);
          if (state === 'body' && upTo > 0) await sink?.data(buf.subarray(0, upTo));
          else if (state === 'preamble' && at < 0 && buf.length > 64 * 1024) throw new MultipartError('No boundary found.');
          if (at < 0) {
            buf = buf.subarray(upTo);
            break;
          }
          if (state === 'body') await sink?.end();
          sink = undefined;
          buf = buf.subarray(at + delimiter.length);
          state = 'boundary';
          progress = true;
        } else if (state === 'boundary') {
          if (buf.length >= 2 && buf[0] === 0x2d && buf[1] === 0x2d) {
            state = 'done';
            break;
          }
          const eol = buf.indexOf(CRLF);
          if (eol < 0) {
            if (buf.length > 256) throw new MultipartError('Malformed boundary line.');
            break;
          }
          if (!/^[ \t]*$/.test(buf.subarray(0, eol).toString('latin1'))) throw new MultipartError('Malformed boundary line.');
          buf = buf.subarray(eol + 2);
          state = 'headers';
          progress = true;
        } else if (state === 'headers') {
          const end = buf.indexOf(HEADER_END);
          if (end < 0) {
            if (buf.length > maxHeaderBytes) throw new MultipartError('Part headers too large.');
            break;
          }
          if (++parts > maxParts) throw new MultipartError('Too many parts.');
          sink = await options.onPart(partInfo(buf.subarray(0, end)));
          buf = buf.subarray(end + HEADER_END.length);
          state = 'body';
          progress = true;
        }
      }
      if (state === 'done') return;
      const { done, value } = await reader.read();
      if (done) throw new MultipartError('The multipart body ended early.');
      const chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    }
  } finally {
    reader.releaseLock();
  }
}
