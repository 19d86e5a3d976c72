import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, extname, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { encode, MIN_COMPRESS_BYTES, negotiateEncoding, type Coding } from './compression.js';
import { pageSecurityHeaders } from './html-headers.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif',
  '.webp': 'image/webp', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8', '.webmanifest': 'application/manifest+json',
};

/** Text types worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.ts', '.webmanifest']);
/** Larger files stream as they are instead of being held in memory. */
const MAX_CACHED_FILE_BYTES = 8 * 1024 * 1024;
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * A build chunk named by its content hash (`chunkFileNames: 'chunks/[name]-[hash].js'` in vite.config.ts, under
 * `dist/chunks/` and `dist/cdn/chunks/`): the hash is 8 characters of base64url after the last name part. Such a
 * file never changes under its name, so it may be cached for a year without asking again.
 */
const HASHED_CHUNK = /^.+-[A-Za-z0-9_-]{8}\.js$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The bytes of one version of a file (path + size + mtime) and its compressed forms, made once on first request. */
interface CachedFile {
  version: string;
  raw: Buffer;
  coded: Partial<Record<Coding, Promise<Buffer>>>;
}
const cache = new Map<string, CachedFile>();
let cachedBytes = 0;

async function cachedFile(file: string, info: Stats): Promise<CachedFile> {
  const version = `${info.size}-${info.mtimeMs}`;
  const hit = cache.get(file);
  if (hit?.version === version) return hit;
  const raw = await readFile(file);
  const again = cache.get(file);
  if (again?.version === version) return again;
  if (again) forget(file, again);
  const entry: CachedFile = { version, raw, coded: {} };
  cache.set(file, entry);
  cachedBytes += entry.raw.byteLength;
  for (const [key, old] of cache) {
    if (cachedBytes <= MAX_CACHE_BYTES || key === file) break;
    forget(key, old);
  }
  return entry;
}

function forget(file: string, entry: CachedFile) {
  cache.delete(file);
  cachedBytes -= entry.raw.byteLength;
}

/** The compressed bytes, or the file's own when compression does not make them smaller. */
async function coded(entry: CachedFile, coding: Coding): Promise<Buffer> {
  entry.coded[coding] ??= encode(entry.raw, coding, 'max').then((out) => (out.byteLength < entry.raw.byteLength ? out : entry.raw));
  return entry.coded[coding]!;
}

/** Weak validator from size and modification time (the same for every coding of the file). */
const etagOf = (info: Stats) => `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;

/** `If-None-Match` (weak comparison) decides when present, else `If-Modified-Since` (to the second). */
function notModified(c: Context, etag: string, info: Stats): boolean {
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, '')).some((tag) => tag === '*' || tag === etag.slice(2));
  }
  const since = Date.parse(c.req.header('if-modified-since') ?? '');
  return !Number.isNaN(since) && Math.floor(info.mtimeMs / 1000) * 1000 <= since;
}

/**
 * Serves a file from `root` for a URL path below a mount point, or `undefined` (→ 404) when there is none.
 * HTML pages carry the security headers of {@link pageSecurityHeaders}. Path-safe: decoded segments with `..`, backslashes or NUL are refused, and the resolved path must stay inside root.
 * Text files (HTML, JS, CSS, JSON…) of at least {@link MIN_COMPRESS_BYTES} go out brotli- or gzip-compressed as
 * `Accept-Encoding` allows (`Vary: Accept-Encoding`), compressed once per file version and kept in memory.
 * Content-hashed build chunks are {@link IMMUTABLE}; everything else is `no-cache` with an ETag and Last-Modified,
 * and a revalidation that matches answers 304 without a body.
 */
export async function serveFile(c: Context, root: string, relative: string, https = false): Promise<Response | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return undefined;
  }
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\\') || s.includes('\0'))) return undefined;
  const base = resolve(root);
  let file = resolve(base, ...segments);
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    file = resolve(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) return undefined;
  const extension = extname(file).toLowerCase();
  const hashed = segments.at(-2) === 'chunks' && HASHED_CHUNK.test(basename(file));
  const etag = etagOf(info);
  const compressible = COMPRESSIBLE.has(extension) && info.size >= MIN_COMPRESS_BYTES && info.size <= MAX_CACHED_FILE_BYTES;
  const headers: Record<string, string> = {
    ...(extension === '.html' ? pageSecurityHeaders(https) : {}),
    'x-content-type-options': 'nosniff',
    'cache-control': hashed ? IMMUTABLE : 'no-cache',
    etag,
    'last-modified': info.mtime.toUTCString(),
    ...(compressible ? { vary: 'Accept-Encoding' } : {}),
  };
  if (notModified(c, etag, info)) return new Response(null, { status: 304, headers });
  headers['content-type'] = TYPES[extension] ?? 'application/octet-stream';
  if (!compressible) {
    headers['content-length'] = String(info.size);
    if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers });
    return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, { status: 200, headers });
  }
  const entry = await cachedFile(file, info);
  const coding = negotiateEncoding(c.req.header('accept-encoding'));
  const body = coding ? await coded(entry, coding) : entry.raw;
  if (body !== entry.raw) headers['content-encoding'] = coding!;
  headers['content-length'] = String(body.byteLength);
  return new Response(c.req.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
}
