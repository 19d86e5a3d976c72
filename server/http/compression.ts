import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

/** A content coding the server sends. */
export type Coding = 'br' | 'gzip';

/** Bodies smaller than this go out as they are: compressing them saves less than the header costs. */
export const MIN_COMPRESS_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * The coding to send for an `Accept-Encoding` header: the acceptable one with the highest q-value, brotli on a tie
 * (it is smaller), `undefined` for none (identity). `*` stands for any coding not listed.
 */
export function negotiateEncoding(header: string | undefined): Coding | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const weight = (coding: Coding) => q.get(coding) ?? q.get('*') ?? 0;
  const br = weight('br');
  const gz = Math.max(weight('gzip'), q.get('x-gzip') ?? 0);
  if (br <= 0 && gz <= 0) return undefined;
  return br >= gz ? 'br' : 'gzip';
}

/**
 * Compresses bytes with a coding. `level: 'max'` (static files, compressed once and kept) uses brotli's best
 * quality and gzip level 9; `'fast'` (API answers, compressed per request) brotli quality 5 and gzip level 6.
 */
export async function encode(bytes: Uint8Array, coding: Coding, level: 'max' | 'fast'): Promise<Buffer> {
  if (coding === 'br') {
    return brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: level === 'max' ? constants.BROTLI_MAX_QUALITY : 5,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
      },
    });
  }
  return gzipAsync(bytes, { level: level === 'max' ? 9 : 6 });
}

/** Adds `Accept-Encoding` to a response's `Vary` header (keeping what is there, e.g. `Origin`). */
export function varyOnEncoding(headers: Headers): void {
  const vary = headers.get('vary');
  if (!vary) headers.set('vary', 'Accept-Encoding');
  else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) headers.set('vary', `${vary}, Accept-Encoding`);
}

/** Response types compressed on the fly: JSON answers (problem details included) and HTML pages. */
const DYNAMIC_TYPES = /^(application\/(json|problem\+json|[\w.+-]+\+json)|text\/html)\s*(;|$)/i;

/**
 * Compresses JSON and HTML answers above {@link MIN_COMPRESS_BYTES} with brotli or gzip as the request accepts,
 * and says `Vary: Accept-Encoding`. Left alone: server-sent event streams and other types (CSV exports, attachment
 * downloads), answers that already have a coding or were negotiated by their route (the static files), `no-transform`,
 * bodiless statuses. A strong ETag becomes weak: the compressed bytes are another representation of the same content.
 */
export const compressAnswers: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  const type = res.headers.get('content-type') ?? '';
  if (!res.body || res.status === 204 || res.status === 304 || !DYNAMIC_TYPES.test(type)) return;
  if (res.headers.has('content-encoding') || res.headers.has('content-disposition')) return;
  if (/accept-encoding/i.test(res.headers.get('vary') ?? '') || /no-transform/i.test(res.headers.get('cache-control') ?? '')) return;
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (declared < MIN_COMPRESS_BYTES) {
    varyOnEncoding(res.headers);
    return;
  }
  const coding = negotiateEncoding(c.req.header('accept-encoding'));
  const bytes = new Uint8Array(await res.arrayBuffer());
  let body: Uint8Array = bytes;
  if (coding && bytes.byteLength >= MIN_COMPRESS_BYTES) {
    const compressed = await encode(bytes, coding, 'fast');
    if (compressed.byteLength < bytes.byteLength) body = compressed;
  }
  c.res = new Response(body as Uint8Array<ArrayBuffer>, res);
  const headers = c.res.headers;
  varyOnEncoding(headers);
  headers.set('content-length', String(body.byteLength));
  if (body !== bytes) {
    headers.set('content-encoding', coding!);
    const etag = headers.get('etag');
    if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
  }
};
