/**
 * Bytes on the wire for the demo portal page (`/portal.html`) as the reference server sends it: the page, its
 * stylesheet and scripts, and every module they import statically, fetched without compression, with gzip and with
 * brotli; then a repeat visit (immutable chunks from the cache, the rest revalidated).
 *
 *   npm run build && node --import tsx bench/delivery.ts                 # starts its own server on the demo data
 *   node --import tsx bench/delivery.ts http://localhost:3000            # or measures a running one (`npm start`)
 */
import { request } from 'node:http';
import { startServer } from '../server/start.js';

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; bytes: number; text: string }

function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: body.length, text: body.toString() });
      });
    }).on('error', reject).end();
  });
}

const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
const PAGE_REFS = /<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g;

const given = process.argv[2];
const server = given ? undefined : await startServer({ log: false });
const base = given ?? server!.url;
try {
  const urls = [new URL('/portal.html', base).href];
  for (let i = 0; i < urls.length; i++) {
    const plain = await get(urls[i]);
    if (plain.status !== 200) throw new Error(`${urls[i]}: ${plain.status}`);
    const refs = urls[i].endsWith('.html') ? [...plain.text.matchAll(PAGE_REFS)] : urls[i].endsWith('.js') ? [...plain.text.matchAll(STATIC_IMPORT)] : [];
    for (const [, ref] of refs) {
      const url = new URL(ref, urls[i]).href;
      if (new URL(url).origin === new URL(base).origin && !urls.includes(url)) urls.push(url);
    }
  }
  const totals = { identity: 0, gzip: 0, br: 0, revisitRequests: 0, revisit304: 0, revisitBytes: 0, immutable: 0, jsIdentity: 0, jsGzip: 0, jsBr: 0 };
  for (const url of urls) {
    const identity = await get(url);
    const gzip = await get(url, { 'accept-encoding': 'gzip' });
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    totals.identity += identity.bytes;
    totals.gzip += gzip.bytes;
    totals.br += br.bytes;
    if (url.endsWith('.js')) {
      totals.jsIdentity += identity.bytes;
      totals.jsGzip += gzip.bytes;
      totals.jsBr += br.bytes;
    }
    const immutable = /immutable/.test(String(br.headers['cache-control']));
    if (immutable) totals.immutable++;
    else {
      const again = await get(url, { 'accept-encoding': 'gzip, deflate, br', 'if-none-match': String(br.headers.etag) });
      totals.revisitRequests++;
      totals.revisitBytes += again.bytes;
      if (again.status === 304) totals.revisit304++;
    }
  }
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  const js = urls.filter((u) => u.endsWith('.js')).length;
  console.log(`/portal.html: ${urls.length} files (${js} JavaScript), ${totals.immutable} of them content-hashed (immutable)`);
  console.log(`first visit  uncompressed ${kb(totals.identity)} · gzip ${kb(totals.gzip)} · brotli ${kb(totals.br)}`);
  console.log(`  of which JavaScript uncompressed ${kb(totals.jsIdentity)} · gzip ${kb(totals.jsGzip)} · brotli ${kb(totals.jsBr)}`);
  console.log(`repeat visit ${totals.revisitRequests} revalidations (${totals.revisit304} answered 304), ${kb(totals.revisitBytes)} of bodies; ${totals.immutable} files from the cache without a request`);
} finally {
  await server?.close();
}
