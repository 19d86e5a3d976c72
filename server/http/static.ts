import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { pageSecurityHeaders } from './html-headers.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif',
  '.webp': 'image/webp', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8', '.webmanifest': 'application/manifest+json',
};

/**
 * Serves a file from `root` for a URL path below a mount point, or `undefined` (→ 404) when there is none.
 * HTML pages carry the security headers of {@link pageSecurityHeaders}. Path-safe: decoded segments with `..`, backslashes or NUL are refused, and the resolved path must stay inside root.
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
  const headers = {
    ...(extension === '.html' ? pageSecurityHeaders(https) : {}),
    'content-type': TYPES[extension] ?? 'application/octet-stream',
    'content-length': String(info.size),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
    'last-modified': info.mtime.toUTCString(),
  };
  if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers });
  const stream = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(stream, { status: 200, headers });
}
