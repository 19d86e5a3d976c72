import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { testServer, type TestServer } from './helpers.js';

interface Raw { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

/** One request with node:http, which (unlike fetch) sends no Accept-Encoding of its own and decodes nothing. */
function raw(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const decode = (res: Raw) => {
  const coding = res.headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(res.body);
  if (coding === 'gzip') return gunzipSync(res.body);
  assert.equal(coding, undefined, `unexpected coding ${String(coding)}`);
  return res.body;
};
const varies = (res: Raw) => String(res.headers.vary ?? '').split(',').map((v) => v.trim().toLowerCase()).includes('accept-encoding');

// A script and a page of a few kilobytes (compressible), a tiny script, an image, and build chunks named by hash.
const script = Buffer.from(Array.from({ length: 200 }, (_, i) => `export const value${i} = "ticket ${i}";\n`).join(''));
const page = Buffer.from(`<!doctype html><html lang="en"><head><title>Portal</title></head><body>${'<p>Support portal</p>\n'.repeat(150)}</body></html>`);
const tiny = Buffer.from('export const a = 1;\n');
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4000, 7)]);

describe('delivery: compression, caching headers and revalidation of static files and API answers', () => {
  let s: TestServer;
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'portal-delivery-'));
    for (const dir of ['demo', 'dist/chunks', 'dist/cdn/chunks']) mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, 'demo/portal.html'), page);
    writeFileSync(join(root, 'demo/tiny.js'), tiny);
    writeFileSync(join(root, 'demo/logo.png'), png);
    writeFileSync(join(root, 'dist/cdn/define.js'), script);
    writeFileSync(join(root, 'dist/cdn/chunks/ticket-list-CTPiGtZ3.js'), script);
    writeFileSync(join(root, 'dist/chunks/formats-ii-XA8KF.js'), script);
    s = await testServer({ root });
  });
  after(async () => {
    await s.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('sends brotli or gzip as accepted (brotli preferred) that decode to the file, with Vary: Accept-Encoding', async () => {
    for (const [accept, coding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['br;q=0.5, gzip', 'gzip'], ['*', 'br'], ['br', 'br']] as const) {
      for (const [path, bytes, type] of [['/dist/cdn/define.js', script, /^text\/javascript/], ['/portal.html', page, /^text\/html/]] as const) {
        const res = await raw(`${s.url}${path}`, { 'accept-encoding': accept });
        assert.equal(res.status, 200);
        assert.equal(res.headers['content-encoding'], coding, `${path} for ${accept}`);
        assert.match(String(res.headers['content-type']), type);
        assert.ok(varies(res));
        assert.equal(Number(res.headers['content-length']), res.body.length);
        assert.ok(res.body.length < bytes.length / 3, `${path} ${coding}: ${res.body.length} of ${bytes.length} bytes`);
        assert.deepEqual(decode(res), bytes);
      }
    }
    const html = await raw(`${s.url}/portal.html`, { 'accept-encoding': 'br' });
    assert.match(String(html.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(html.headers['x-content-type-options'], 'nosniff');
  });

  it('sends the file as it is without Accept-Encoding (or with identity only), still with Vary', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'br;q=0, gzip;q=0' }] as Record<string, string>[]) {
      const res = await raw(`${s.url}/dist/cdn/define.js`, headers);
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-encoding'], undefined);
      assert.ok(varies(res));
      assert.deepEqual(res.body, script);
      assert.equal(Number(res.headers['content-length']), script.length);
    }
  });

  it('leaves tiny files and images uncompressed', async () => {
    const small = await raw(`${s.url}/tiny.js`, { 'accept-encoding': 'br, gzip' });
    assert.equal(small.headers['content-encoding'], undefined);
    assert.deepEqual(small.body, tiny);
    const image = await raw(`${s.url}/logo.png`, { 'accept-encoding': 'br, gzip' });
    assert.equal(image.headers['content-encoding'], undefined);
    assert.equal(image.headers['content-type'], 'image/png');
    assert.deepEqual(image.body, png);
  });

  it('marks content-hashed build chunks immutable, and entries and pages no-cache with an ETag', async () => {
    for (const path of ['/dist/cdn/chunks/ticket-list-CTPiGtZ3.js', '/dist/chunks/formats-ii-XA8KF.js']) {
      const res = await raw(`${s.url}${path}`, { 'accept-encoding': 'gzip' });
      assert.equal(res.status, 200);
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', path);
      assert.deepEqual(decode(res), script);
    }
    for (const path of ['/dist/cdn/define.js', '/portal.html', '/tiny.js', '/logo.png']) {
      const res = await raw(`${s.url}${path}`);
      assert.equal(res.headers['cache-control'], 'no-cache', path);
      assert.match(String(res.headers.etag), /^(W\/)?"[^"]+"$/, path);
      assert.ok(res.headers['last-modified'], path);
    }
  });

  it('answers a matching If-None-Match or If-Modified-Since with 304 and no body; a changed file gets a new ETag', async () => {
    const first = await raw(`${s.url}/dist/cdn/define.js`, { 'accept-encoding': 'br' });
    const etag = String(first.headers.etag);
    for (const headers of [{ 'if-none-match': etag }, { 'if-none-match': `"other", ${etag}` }, { 'if-none-match': etag.replace(/^W\//, '') },
      { 'if-modified-since': String(first.headers['last-modified']) }] as Record<string, string>[]) {
      const res = await raw(`${s.url}/dist/cdn/define.js`, { 'accept-encoding': 'br', ...headers });
      assert.equal(res.status, 304, JSON.stringify(headers));
      assert.equal(res.body.length, 0);
      assert.equal(res.headers.etag, etag);
      assert.equal(res.headers['cache-control'], 'no-cache');
      assert.ok(varies(res));
    }
    const page304 = await raw(`${s.url}/portal.html`, { 'if-none-match': String((await raw(`${s.url}/portal.html`)).headers.etag) });
    assert.equal(page304.status, 304);
    assert.equal(page304.body.length, 0);
    // Another ETag, or an older date, gets the file again; If-None-Match decides over If-Modified-Since.
    const stale = await raw(`${s.url}/dist/cdn/define.js`, { 'if-none-match': '"nope"', 'if-modified-since': String(first.headers['last-modified']) });
    assert.equal(stale.status, 200);
    assert.deepEqual(stale.body, script);
    const older = await raw(`${s.url}/dist/cdn/define.js`, { 'if-modified-since': new Date(Date.parse(String(first.headers['last-modified'])) - 60_000).toUTCString() });
    assert.equal(older.status, 200);
    // A new version of the file (other bytes, other mtime): new validator, new (compressed) bytes, not the cached ones.
    const changed = Buffer.concat([script, Buffer.from('export const added = "new";\n'.repeat(10))]);
    writeFileSync(join(root, 'dist/cdn/define.js'), changed);
    utimesSync(join(root, 'dist/cdn/define.js'), new Date(), new Date(Date.now() + 5_000));
    const fresh = await raw(`${s.url}/dist/cdn/define.js`, { 'accept-encoding': 'br', 'if-none-match': etag });
    assert.equal(fresh.status, 200);
    assert.notEqual(fresh.headers.etag, etag);
    assert.deepEqual(decode(fresh), changed);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await raw(`${s.url}/portal.html`, { 'accept-encoding': 'gzip' });
    const head = await raw(`${s.url}/portal.html`, { 'accept-encoding': 'gzip' }, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    for (const name of ['content-type', 'content-encoding', 'content-length', 'etag', 'cache-control', 'vary', 'content-security-policy']) {
      assert.equal(head.headers[name], get.headers[name], name);
    }
    const image = await raw(`${s.url}/logo.png`, {}, 'HEAD');
    assert.equal(image.body.length, 0);
    assert.equal(Number(image.headers['content-length']), png.length);
  });

  it('keeps path safety', async () => {
    for (const path of ['/..%2F..%2Fetc%2Fpasswd', '/dist/..%2Fdemo%2Fportal.html', '/dist/%2e%2e%2fdemo%2fportal.html']) {
      const res = await raw(`${s.url}${path}`);
      assert.equal(res.status, 404, path);
    }
  });

  it('compresses JSON API answers above the size threshold, not small ones, and not event streams', async () => {
    const plain = await raw(`${s.url}/api/v1/openapi.json`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.body.length > 10_000);
    for (const coding of ['br', 'gzip']) {
      const res = await raw(`${s.url}/api/v1/openapi.json`, { 'accept-encoding': coding });
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-encoding'], coding);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      assert.ok(varies(res));
      assert.equal(Number(res.headers['content-length']), res.body.length);
      assert.ok(res.body.length < plain.body.length / 3);
      assert.deepEqual(JSON.parse(decode(res).toString()), JSON.parse(plain.body.toString()));
    }
    const problem = await raw(`${s.url}/api/v1/no-such-route`, { 'accept-encoding': 'br, gzip' });
    assert.equal(problem.status, 404);
    assert.ok(problem.body.length < 1024);
    assert.equal(problem.headers['content-encoding'], undefined, 'a small answer goes out as it is');
    assert.match(JSON.parse(problem.body.toString()).title, /not found/i);

    const cookie = await s.login();
    const stream = await new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
      const req = request(`${s.url}/api/v1/events/stream`, { headers: { cookie, 'accept-encoding': 'br, gzip' } }, (res) => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
        res.destroy();
      });
      req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
      req.end();
    });
    assert.equal(stream.status, 200);
    assert.match(String(stream.headers['content-type']), /^text\/event-stream/);
    assert.equal(stream.headers['content-encoding'], undefined);
  });
});
