import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptedUpload, attachmentDisposition, servedType, typeByExtension } from '../../server/http/file-types.js';
import { boundaryOf, MultipartError, readMultipart, type PartInfo } from '../../server/http/multipart-stream.js';

/** A stream of the bytes in chunks of `size`. */
const chunked = (bytes: Uint8Array, size: number) => new ReadableStream<Uint8Array>({
  start(controller) {
    for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
    controller.close();
  },
});

async function parse(bytes: Uint8Array, boundary: string, size = 1 << 16) {
  const parts: (PartInfo & { text: string })[] = [];
  await readMultipart(chunked(bytes, size), boundary, {
    onPart(info) {
      const chunks: Buffer[] = [];
      return { data: (c) => { chunks.push(Buffer.from(c)); }, end: () => { parts.push({ ...info, text: Buffer.concat(chunks).toString('utf8') }); } };
    },
  });
  return parts;
}

describe('streaming multipart reader', () => {
  it('reads what FormData sends, whatever the chunk size', async () => {
    const form = new FormData();
    form.set('body', '<p>Hello\r\n--not a boundary</p>');
    form.append('files[]', new Blob(['line 1\r\nline 2\r\n'], { type: 'text/plain' }), 'notes.txt');
    form.append('files[]', new Blob([new Uint8Array(0)], { type: 'image/png' }), 'Ünïcode ☃.png');
    const request = new Request('http://x/', { method: 'POST', body: form });
    const boundary = boundaryOf(request.headers.get('content-type') ?? '') as string;
    assert.ok(boundary);
    const bytes = new Uint8Array(await request.arrayBuffer());
    for (const size of [1, 2, 7, 64, 1 << 16]) {
      const parts = await parse(bytes, boundary, size);
      assert.deepEqual(parts, [
        { name: 'body', filename: undefined, contentType: '', text: '<p>Hello\r\n--not a boundary</p>' },
        { name: 'files[]', filename: 'notes.txt', contentType: 'text/plain', text: 'line 1\r\nline 2\r\n' },
        { name: 'files[]', filename: 'Ünïcode ☃.png', contentType: 'image/png', text: '' },
      ], `chunk size ${size}`);
    }
  });

  it('prefers filename* and keeps backslashes of quoted names', async () => {
    const raw = '--b\r\nContent-Disposition: form-data; name="files[]"; filename="C:\\dir\\a.txt"\r\n\r\nx\r\n'
      + '--b\r\nContent-Disposition: form-data; name="files[]"; filename="fallback.txt"; filename*=UTF-8\'\'%E2%82%AC.txt\r\n\r\ny\r\n--b--\r\n';
    const parts = await parse(new TextEncoder().encode(raw), 'b');
    assert.deepEqual(parts.map((p) => p.filename), ['C:\\dir\\a.txt', '€.txt']);
  });

  it('rejects malformed bodies', async () => {
    const bad = ['no boundary at all', '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\nunterminated',
      '--b\r\nX-Nothing: 1\r\n\r\nx\r\n--b--', '--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--'];
    for (const raw of bad) await assert.rejects(parse(new TextEncoder().encode(raw), 'b'), MultipartError, raw);
    const many = `${'--b\r\nContent-Disposition: form-data; name="x"\r\n\r\nx\r\n'.repeat(5)}--b--`;
    await assert.rejects(readMultipart(chunked(new TextEncoder().encode(many), 100), 'b', { maxParts: 3, onPart: () => ({ data() {}, end() {} }) }), MultipartError);
  });

  it('finds the boundary only in multipart/form-data types', () => {
    assert.equal(boundaryOf('multipart/form-data; boundary=----abc'), '----abc');
    assert.equal(boundaryOf('multipart/form-data; boundary="quoted b"'), 'quoted b');
    assert.equal(boundaryOf('application/json'), undefined);
    assert.equal(boundaryOf('multipart/form-data'), undefined);
  });
});

describe('upload types and download headers', () => {
  it('accepts by declared type and by extension', () => {
    assert.equal(typeByExtension('a.PNG'), 'image/png');
    assert.equal(typeByExtension('README'), 'application/octet-stream');
    assert.ok(acceptedUpload('a.png', 'image/png', ['image/*']));
    assert.ok(!acceptedUpload('a.exe', 'image/png', ['image/*']));
    assert.ok(!acceptedUpload('a.png', 'text/html', ['image/png']));
    assert.ok(acceptedUpload('a.pdf', 'application/pdf', ['.pdf']));
    assert.ok(acceptedUpload('anything.bin', 'x/y', []));
  });

  it('serves only safe types as themselves', () => {
    assert.equal(servedType('image/PNG; charset=x'), 'image/png');
    assert.equal(servedType('text/html'), 'application/octet-stream');
    assert.equal(servedType('image/svg+xml'), 'application/octet-stream');
    assert.equal(servedType('application/pdf'), 'application/pdf');
  });

  it('quotes names safely in Content-Disposition', () => {
    assert.equal(attachmentDisposition('a"b\\c;d.txt'), `attachment; filename="a_b_c_d.txt"; filename*=UTF-8''a%22b%5Cc%3Bd.txt`);
    assert.equal(attachmentDisposition('日本.pdf'), `attachment; filename="__.pdf"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.pdf`);
    assert.equal(attachmentDisposition('Ærø.txt'), `attachment; filename="_r_.txt"; filename*=UTF-8''%C3%86r%C3%B8.txt`);
  });
});
