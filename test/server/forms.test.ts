import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { FormDefinition } from '../../src/contract/form.js';
import { Ticket } from '../../src/contract/tickets.js';
import { isProblem, testServer, type Answer, type TestServer } from './helpers.js';

type Values = Record<string, string | string[]>;
interface Upload { name: string; type: string; content: string | Uint8Array }

const VALID: Values = {
  subject: 'Printer on fire', content: 'It started smoking this morning.', category: 'technical', impact: 'team', affectedUsers: ' 12 ',
  products: ['portal', 'api'], firstNoticed: '2026-11-20', ccEmail: 'lukas@nordlicht.example',
};

let keyCounter = 0;
const newKey = () => `draft-${Date.now().toString(36)}-${++keyCounter}`;

describe('support form: GET /forms/support and POST /tickets', () => {
  let s: TestServer;
  let cookie: string;
  const one = async <T>(sql: string, ...params: unknown[]) => (await s.query<T>(sql, ...params))[0];
  const ticketCount = async () => (await one<{ n: number }>('select count(*) as n from tickets')).n;

  /** Posts the form as the HttpAdapter does: one part per value (arrays repeated), files as `files[]`. */
  async function submit(values: Values, options: { key?: string | null; files?: Upload[] } = {}): Promise<Answer> {
    const body = new FormData();
    for (const [name, value] of Object.entries(values)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    for (const f of options.files ?? []) body.append('files[]', new Blob([f.content as BlobPart], { type: f.type }), f.name);
    const headers: Record<string, string> = { cookie, 'x-portal-request': '1' };
    const key = options.key === undefined ? newKey() : options.key;
    if (key !== null) headers['idempotency-key'] = key;
    const res = await fetch(`${s.url}/api/v1/tickets`, { method: 'POST', headers, body });
    const text = await res.text();
    let json: unknown;
    try { json = JSON.parse(text); } catch { json = undefined; }
    return { status: res.status, headers: res.headers, json, text };
  }
  const errorsOf = (res: Answer) => (res.json.errors as { field: string; key: string }[]).map((e) => `${e.field}:${e.key}`);

  before(async () => {
    s = await testServer();
    cookie = await s.login();
  });
  after(async () => {
    await s.close();
  });

  it('GET /forms/support answers the definition (localized texts), null when off, 401 signed out', async () => {
    assert.equal((await s.call('GET', '/forms/support')).status, 401);
    const res = await s.call('GET', '/forms/support', { cookie });
    assert.equal(res.status, 200);
    assert.ok(z.safeParse(FormDefinition, res.json).success);
    assert.equal(res.json.menuText, 'Submit a ticket');
    assert.deepEqual([...new Set(res.json.fields.map((f: { type: string }) => f.type))].sort(),
      ['checkbox', 'checkboxes', 'date', 'email', 'file', 'number', 'radio', 'select', 'text', 'textarea']);
    const de = await s.call('GET', '/forms/support?locale=de', { cookie });
    assert.deepEqual([de.json.menuText, de.json.headerText], ['Ticket einreichen', 'Wie können wir helfen?']);
    const restore = await s.patchSettings((st) => ({ ...st, supportForm: { ...st.supportForm, enabled: false } }));
    try {
      const off = await s.call('GET', '/forms/support', { cookie });
      assert.equal(off.status, 200);
      assert.equal(off.text, 'null');
      assert.ok(isProblem(await submit(VALID), 403));
    } finally {
      await restore();
    }
  });

  it('creates the ticket for the contact: default pipeline and stage, company, properties, inbox, first message', async () => {
    const res = await submit({ ...VALID, mayAccessAccount: 'on' }, { files: [{ name: '../../etc/log\u202Etxt.txt', type: 'text/plain', content: 'hello log' }] });
    assert.equal(res.status, 201, res.text);
    assert.ok(z.safeParse(Ticket, res.json).success, 'Ticket shape');
    const t = res.json;
    assert.deepEqual([t.subject, t.content, t.pipeline, t.stage, t.contactId, t.companyId, t.requesterName],
      ['Printer on fire', 'It started smoking this morning.', 'support', 'new', 1, 1, 'Anna Berg']);
    assert.deepEqual(t.properties, {
      category: 'technical', impact: 'team', affectedUsers: 12, products: 'portal;api', firstNoticed: '2026-11-20',
      ccEmail: 'lukas@nordlicht.example', mayAccessAccount: true,
    });
    // The inbox is recorded for the helpdesk; customers receive only form fields and columns.
    assert.deepEqual(await one("select value_text from ticket_properties where ticket_id = ? and name = 'inbox'", t.id), { value_text: 'support' });
    assert.deepEqual(t.status, { label: 'Open', closed: false });
    const list = await s.call('GET', `/tickets?q=${encodeURIComponent('Printer on fire')}`, { cookie });
    assert.deepEqual(list.json.items.map((i: { id: number }) => i.id), [t.id]);
    assert.equal(list.json.items[0].requesterName, 'Anna Berg');

    const message = await one<{ id: number; thread: number; author_kind: string; author_id: number; body: string }>('select * from messages where ticket_id = ?', t.id);
    assert.deepEqual([message.thread, message.author_kind, message.author_id, message.body], [1, 'contact', 1, '<p>It started smoking this morning.</p>']);
    const files = await s.query<{ name: string; size: number; storage_key: string }>('select * from attachments where message_id = ?', message.id);
    assert.equal(files.length, 1);
    assert.equal(files[0].name, 'logtxt.txt');
    assert.equal(files[0].size, 9);
    assert.ok(existsSync(join(s.database.filesDir, files[0].storage_key)));
    assert.deepEqual(await one('select inbox, thread from ticket_threads where ticket_id = ?', t.id), { inbox: 'Support', thread: 1 });
  });

  it('answers 422 with one error per field: field, message and key, in form order', async () => {
    const res = await submit({ subject: '   ', content: 'short', category: 'nonsense', impact: 'me', affectedUsers: '12abc', firstNoticed: '2026-02-30', ccEmail: 'x@' });
    assert.ok(isProblem(res, 422), res.text);
    assert.deepEqual(errorsOf(res), ['subject:required', 'category:option', 'firstNoticed:date', 'ccEmail:email', 'content:too-short']);
    assert.deepEqual(res.json.errors[0], { field: 'subject', message: 'This field is required.', key: 'required' });
    assert.deepEqual(res.json.errors.at(-1), { field: 'content', message: 'Use at least 10 characters.', key: 'too-short', params: { min: 10 } });
    const billing = await submit({ ...VALID, category: 'billing', orderNumber: 'ORD-1' });
    assert.deepEqual(billing.json.errors, [{ field: 'orderNumber', message: 'Use the order number from your invoice, e.g. ORD-123456.', key: 'pattern' }]);
    const long = await submit({ ...VALID, subject: '😀'.repeat(201) });
    assert.deepEqual(errorsOf(long), ['subject:too-long']);
  });

  it('neither validates nor stores hidden fields smuggled in', async () => {
    const res = await submit({ ...VALID, impact: 'me', affectedUsers: 'not a number', orderNumber: 'ORD-123456', ownerId: '3', pipeline: 'billing', secret: 'x' });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.pipeline, 'support');
    assert.equal(res.json.ownerId, null);
    for (const name of ['affectedUsers', 'orderNumber', 'ownerId', 'pipeline', 'secret']) assert.equal(name in res.json.properties, false, name);
  });

  it('creates one ticket per Idempotency-Key: retries answer the same ticket, other values 409', async () => {
    const key = newKey();
    const before = await ticketCount();
    const first = await submit(VALID, { key });
    const again = await submit(VALID, { key });
    assert.deepEqual([first.status, again.status], [201, 201]);
    assert.equal(again.json.id, first.json.id);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await ticketCount(), before + 1);
    const other = await submit({ ...VALID, subject: 'Something else' }, { key });
    assert.ok(isProblem(other, 409));
    assert.equal(await ticketCount(), before + 1);
  });

  it('5 parallel submissions with one key create one ticket', async () => {
    const key = newKey();
    const before = await ticketCount();
    const files = [{ name: 'shot.png', type: 'image/png', content: new Uint8Array([137, 80, 78, 71, 1, 2, 3]) }];
    const onDisk = () => readdirSync(join(s.database.filesDir)).length;
    const diskBefore = onDisk();
    const answers = await Promise.all(Array.from({ length: 5 }, () => submit(VALID, { key, files })));
    assert.deepEqual(answers.map((a) => a.status), [201, 201, 201, 201, 201]);
    assert.equal(new Set(answers.map((a) => a.json.id)).size, 1);
    assert.equal(await ticketCount(), before + 1);
    const stored = await one<{ n: number }>('select count(*) as n from attachments a join messages m on m.id = a.message_id where m.ticket_id = ?', answers[0].json.id);
    assert.equal(stored.n, 1);
    assert.equal(onDisk(), diskBefore + 1, 'the duplicates\' files are deleted');
  });

  it('needs a well-formed Idempotency-Key and multipart', async () => {
    assert.ok(isProblem(await submit(VALID, { key: null }), 400));
    assert.ok(isProblem(await submit(VALID, { key: 'short' }), 400));
    assert.ok(isProblem(await submit(VALID, { key: 'has spaces in it' }), 400));
    const json = await s.call('POST', '/tickets', { cookie, body: VALID, headers: { 'idempotency-key': newKey() } });
    assert.ok(isProblem(json, 415));
    const signedOut = await fetch(`${s.url}/api/v1/tickets`, { method: 'POST', headers: { 'x-portal-request': '1', 'idempotency-key': newKey() }, body: new FormData() });
    assert.equal(signedOut.status, 401);
  });

  it('checks files against the upload limits (422 / 413 naming files) and stores none of a refused request', async () => {
    const restore = await s.patchSettings((st) => ({ ...st, supportForm: { ...st.supportForm, uploads: { maxFiles: 2, maxBytes: 1000, accept: ['.txt', 'image/*'] } } }));
    try {
      const before = await ticketCount();
      const storedFiles = () => readdirSync(join(s.database.filesDir)).length;
      const filesBefore = storedFiles();
      const txt = (name: string, content = 'x') => ({ name, type: 'text/plain', content });
      const many = await submit(VALID, { files: [txt('a.txt'), txt('b.txt'), txt('c.txt')] });
      assert.ok(isProblem(many, 422));
      assert.equal(many.json.errors[0].field, 'files');
      const type = await submit(VALID, { files: [{ name: 'run.exe', type: 'application/octet-stream', content: 'MZ' }] });
      assert.ok(isProblem(type, 422));
      assert.equal(type.json.errors[0].field, 'files');
      const big = await submit(VALID, { files: [txt('big.txt', 'y'.repeat(1001))] });
      assert.ok(isProblem(big, 413));
      assert.equal(big.json.errors[0].field, 'files');
      const empty = await submit(VALID, { files: [txt('empty.txt', '')] });
      assert.ok(isProblem(empty, 422));
      assert.equal(await ticketCount(), before);
      assert.equal(storedFiles(), filesBefore, 'refused uploads are deleted');
      assert.equal((await one<{ n: number }>("select count(*) as n from attachments where name in ('a.txt', 'run.exe', 'big.txt')")).n, 0);
    } finally {
      await restore();
    }
  });

  it('PUT /admin/settings refuses a bad form definition, naming the path', async () => {
    const current = (await s.admin('GET', '/admin/settings')).json;
    const fields = [...current.supportForm.fields, { name: 'kind', label: 'Kind', type: 'select', options: [] }];
    const res = await s.admin('PUT', '/admin/settings', { ...current, supportForm: { ...current.supportForm, fields } });
    assert.ok(isProblem(res, 422));
    assert.deepEqual(res.json.errors.map((e: { field: string }) => e.field), [`supportForm.fields.${fields.length - 1}.options`]);
    const noSubject = current.supportForm.fields.filter((f: { name: string }) => f.name !== 'subject');
    const res2 = await s.admin('PUT', '/admin/settings', { ...current, supportForm: { ...current.supportForm, fields: noSubject } });
    assert.deepEqual(res2.json.errors.map((e: { field: string }) => e.field), ['supportForm.fields']);
    const cond = current.supportForm.fields.map((f: { name: string }, i: number) => (i === 1 ? { ...f, visibleWhen: { field: 'later' } } : f));
    const res3 = await s.admin('PUT', '/admin/settings', { ...current, supportForm: { ...current.supportForm, fields: cond } });
    assert.deepEqual(res3.json.errors.map((e: { field: string }) => e.field), ['supportForm.fields.1.visibleWhen.field']);
  });
});
