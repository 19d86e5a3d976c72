import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isProblem, testServer, type TestServer } from './helpers.js';
import { download, newTicket, postReply } from './reply-helpers.js';

describe('reply uploads and attachment downloads', () => {
  let s: TestServer;
  let anna: string;
  let ticket: number;
  const filesDir = () => s.database.filesDir;
  const stored = () => readdirSync(filesDir()).sort();
  before(async () => {
    s = await testServer();
    anna = await s.login();
    ticket = await newTicket(s);
  });
  after(() => s.close());

  /** Runs `check` under these upload limits and asserts that refused uploads leave no file behind. */
  const withLimits = async (uploads: object, check: () => Promise<void>) => {
    const restore = await s.patchSettings((x) => ({ ...x, supportForm: { ...x.supportForm, uploads } }));
    try {
      await check();
    } finally {
      await restore();
    }
  };
  const refused = async (status: number, files: { name: string; type?: string; content: string | Uint8Array<ArrayBuffer> }[]) => {
    const before = stored();
    const res = await postReply(s, anna, ticket, { body: '<p>With files</p>', files });
    assert.ok(isProblem(res, status), `${status}: ${res.status} ${res.text}`);
    assert.equal(res.json.errors[0].field, 'files');
    assert.deepEqual(stored(), before, 'a refused upload leaves no file');
    return res;
  };

  it('enforces the file count', async () => {
    await withLimits({ maxFiles: 2, maxBytes: 1000, accept: [] }, async () => {
      const res = await refused(422, [{ name: 'a.txt', content: 'a' }, { name: 'b.txt', content: 'b' }, { name: 'c.txt', content: 'c' }]);
      assert.match(res.json.detail, /at most 2 files/i);
      assert.equal((await postReply(s, anna, ticket, { files: [{ name: 'a.txt', content: 'a' }, { name: 'b.txt', content: 'b' }] })).status, 201);
    });
    await withLimits({ maxFiles: 0, maxBytes: 1000, accept: [] }, async () => {
      await refused(422, [{ name: 'a.txt', content: 'a' }]);
    });
  });

  it('enforces the size per file while streaming (413), and refuses empty files', async () => {
    await withLimits({ maxFiles: 3, maxBytes: 1000, accept: [] }, async () => {
      assert.equal((await postReply(s, anna, ticket, { files: [{ name: 'exact.txt', content: 'x'.repeat(1000) }] })).status, 201);
      await refused(413, [{ name: 'big.txt', content: 'x'.repeat(1001) }]);
      // Far beyond the limit: refused after maxBytes + 1 bytes, the rest is never stored.
      const res = await refused(413, [{ name: 'ok.txt', content: 'fine' }, { name: 'huge.bin', type: 'application/octet-stream', content: new Uint8Array(300_000) }]);
      assert.match(res.json.detail, /huge\.bin/);
      await refused(422, [{ name: 'empty.txt', content: '' }]);
    });
  });

  it('checks the type by declared MIME type and by extension', async () => {
    await withLimits({ maxFiles: 3, maxBytes: 10_000, accept: ['image/png', '.pdf', 'text/plain'] }, async () => {
      assert.equal((await postReply(s, anna, ticket, { files: [
        { name: 'shot.png', type: 'image/png', content: 'png' },
        { name: 'doc.pdf', type: 'application/pdf', content: 'pdf' },
        { name: 'notes.txt', type: 'text/plain', content: 'txt' },
      ] })).status, 201);
      await refused(422, [{ name: 'evil.exe', type: 'image/png', content: 'MZ' }]);
      await refused(422, [{ name: 'page.txt', type: 'text/html', content: '<script>' }]);
      await refused(422, [{ name: 'page.html', type: 'text/plain', content: '<script>' }]);
      await refused(422, [{ name: 'noextension', type: 'image/png', content: 'png' }]);
    });
  });

  it('keeps the file name as cleaned data and stores under generated names inside the upload folder', async () => {
    const long = `${'a'.repeat(296)}.txt`;
    const res = await postReply(s, anna, ticket, { body: '<p>names</p>', files: [
      { name: '../../x.txt', content: 'one' },
      { name: 'a\u202Egnp.exe', type: 'application/octet-stream', content: 'two' },
      { name: long, content: 'three' },
      { name: 'C:\\Users\\me\\evil.txt', content: 'four' },
      { name: 'tab\tand\u0000nul\u200f.txt', content: 'five' },
    ] });
    assert.equal(res.status, 201, res.text);
    const names: string[] = res.json.attachments.map((a: { name: string }) => a.name);
    assert.equal(names[0], 'x.txt');
    assert.equal(names[1], 'agnp.exe');
    assert.ok(!names[1].includes('\u202E'));
    assert.equal(names[2].length, 120);
    assert.ok(names[2].endsWith('….txt'));
    assert.equal(names[3], 'evil.txt');
    assert.equal(names[4], 'tabandnul.txt');
    assert.ok(stored().every((name) => /^[0-9a-f]{32}$/.test(name)), stored().join());
    assert.ok(!existsSync(join(dirname(s.dir), 'x.txt')) && !existsSync(join(s.dir, 'x.txt')));
    assert.equal((await download(s, anna, res.json.attachments[0].id)).text, 'one');
  });

  it('serves downloads as attachments with RFC 6266 names, nosniff, sandbox CSP and only safe types', async () => {
    const res = await postReply(s, anna, ticket, { body: '<p>downloads</p>', files: [
      { name: "Résumé 2026 (final) 'v2'.txt", type: 'text/plain', content: 'résumé' },
      { name: 'page.html', type: 'text/html', content: '<script>alert(1)</script>' },
      { name: 'logo.svg', type: 'image/svg+xml', content: '<svg onload="alert(1)"/>' },
      { name: 'photo.png', type: 'image/png', content: 'png' },
    ] });
    assert.equal(res.status, 201, res.text);
    const [text, html, svg, png] = await Promise.all(res.json.attachments.map((a: { id: number }) => download(s, anna, a.id)));
    const disposition = text.headers.get('content-disposition') ?? '';
    assert.equal(disposition,
      `attachment; filename="Resume 2026 (final) 'v2'.txt"; filename*=UTF-8''R%C3%A9sum%C3%A9%202026%20%28final%29%20%27v2%27.txt`);
    assert.equal(text.text, 'résumé');
    for (const d of [text, html, svg, png]) {
      assert.equal(d.status, 200);
      assert.match(d.headers.get('content-disposition') ?? '', /^attachment; /);
      assert.equal(d.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(d.headers.get('content-security-policy'), "sandbox; default-src 'none'");
      assert.equal(d.headers.get('cache-control'), 'private, no-store');
    }
    assert.equal(text.headers.get('content-type'), 'text/plain');
    assert.equal(html.headers.get('content-type'), 'application/octet-stream');
    assert.equal(svg.headers.get('content-type'), 'application/octet-stream');
    assert.equal(png.headers.get('content-type'), 'image/png');
    // The stored type stays data: the message still reports what was declared.
    assert.equal(res.json.attachments[1].contentType, 'text/html');
  });

  it('hides attachments of internal notes and of later threads (404)', async () => {
    const res = await postReply(s, anna, ticket, { body: '<p>source</p>', files: [{ name: 'one.txt', content: 'secret' }] });
    const [{ storage_key: key }] = await s.query<{ storage_key: string }>('select storage_key from attachments where id = ?', res.json.attachments[0].id);
    const at = new Date().toISOString();
    const add = async (thread: number, internal: number, suffix: string) => {
      const [m] = await s.query<{ id: number }>("insert into messages (ticket_id, thread, author_kind, author_id, body, internal, created_at) values (?, ?, 'agent', 1, '<p>x</p>', ?, ?) returning id",
        ticket, thread, internal, at);
      const [a] = await s.query<{ id: number }>("insert into attachments (message_id, name, content_type, size, storage_key) values (?, 'n.txt', 'text/plain', 6, ?) returning id",
        m.id, `${key.slice(0, 31)}${suffix}`);
      return a.id;
    };
    const internalId = await add(1, 1, 'x');
    const laterId = await add(2, 0, 'y');
    assert.equal((await download(s, anna, internalId)).status, 404);
    assert.equal((await download(s, anna, laterId)).status, 404);
    assert.equal((await download(s, anna, res.json.attachments[0].id)).status, 200);
    assert.equal((await s.call('GET', `/attachments/${res.json.attachments[0].id}`)).status, 401);
  });
});
