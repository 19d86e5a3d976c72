import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { isProblem, testServer, type Answer, type TestServer } from './helpers.js';
import { newTicket } from './reply-helpers.js';

/** One capped multipart reader: a new ticket and a reply refuse a request over their cap alike. */
describe('multipart requests over their cap (POST /tickets, POST /tickets/{id}/messages)', () => {
  let s: TestServer;
  let anna: string;
  before(async () => {
    s = await testServer();
    anna = await s.login();
  });
  after(() => s.close());

  async function post(path: string, parts: Record<string, string | Blob>): Promise<Answer> {
    const body = new FormData();
    for (const [name, value] of Object.entries(parts)) body.append(name, value);
    const headers = { cookie: anna, 'x-portal-request': '1', 'idempotency-key': `cap-${Math.random().toString(36).slice(2, 12)}` };
    const res = await fetch(`${s.url}/api/v1${path}`, { method: 'POST', headers, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined, text };
  }

  it('answers 413 naming files, with the same problem type, and stores nothing', async () => {
    const restore = await s.patchSettings((st) => ({ ...st, supportForm: { ...st.supportForm, uploads: { maxFiles: 1, maxBytes: 1000, accept: [] } } }));
    try {
      const ticketId = await newTicket(s);
      const filesBefore = readdirSync(s.database.filesDir).length;
      // Larger than either cap (files × bytes per file + room for the text): refused on its declared length.
      const huge = new Blob([new Uint8Array(2 * 1024 * 1024)], { type: 'application/octet-stream' });
      const ticket = await post('/tickets', { subject: 'Too big', content: 'Far too big', 'files[]': huge });
      const reply = await post(`/tickets/${ticketId}/messages`, { body: '<p>Too big</p>', 'files[]': huge });
      for (const [res, what] of [[ticket, 'a new ticket'], [reply, 'a reply']] as const) {
        assert.ok(isProblem(res, 413), res.text);
        assert.equal(res.json.type, 'urn:portal:problem:payload-too-large');
        assert.match(res.json.detail, new RegExp(`^The request is larger than the .+ ${what} may carry\\.$`));
        assert.deepEqual(res.json.errors.map((e: { field: string }) => e.field), ['files']);
      }
      assert.equal(readdirSync(s.database.filesDir).length, filesBefore);
    } finally {
      await restore();
    }
  });

  it('answers a body that is not multipart with 415 on both', async () => {
    const ticketId = await newTicket(s);
    for (const path of ['/tickets', `/tickets/${ticketId}/messages`]) {
      const res = await s.call('POST', path, { cookie: anna, body: { body: 'json' }, headers: { 'idempotency-key': 'not-multipart-1' } });
      assert.ok(isProblem(res, 415), `${path}: ${res.text}`);
      assert.equal(res.json.type, 'urn:portal:problem:unsupported-media-type');
    }
  });
});
