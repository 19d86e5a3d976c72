import { randomUUID } from 'node:crypto';
import type { TestServer } from './helpers.js';

export interface FilePart {
  name: string;
  type?: string;
  content: string | Uint8Array<ArrayBuffer>;
}

/** Posts a reply as the HttpAdapter does: multipart `body` + `files[]`, `Idempotency-Key`, the CSRF header. */
export async function postReply(s: TestServer, cookie: string, ticketId: number, o: { body?: string; files?: FilePart[]; key?: string | null } = {}) {
  const form = new FormData();
  if (o.body !== undefined) form.set('body', o.body);
  for (const f of o.files ?? []) form.append('files[]', new Blob([f.content], { type: f.type ?? 'text/plain' }), f.name);
  const headers: Record<string, string> = { cookie, 'x-portal-request': '1' };
  const key = o.key === undefined ? randomUUID() : o.key;
  if (key !== null) headers['idempotency-key'] = key;
  const res = await fetch(`${s.url}/api/v1/tickets/${ticketId}/messages`, { method: 'POST', headers, body: form });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, headers: res.headers, json: json as any, text };
}

/** Downloads an attachment: status, headers and the bytes as text. */
export async function download(s: TestServer, cookie: string, attachmentId: number) {
  const res = await fetch(`${s.url}/api/v1/attachments/${attachmentId}`, { headers: { cookie } });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** A fresh ticket (no conversation) for a contact via the admin API; resolves with its id. */
export async function newTicket(s: TestServer, fields: Record<string, unknown> = {}): Promise<number> {
  const res = await s.admin('POST', '/admin/tickets', { contactId: 1, subject: 'Fresh ticket', ...fields });
  if (res.status !== 201) throw new Error(`ticket not created: ${res.text}`);
  return res.json.id;
}

/** A message by the admin API; resolves with its id. */
export async function adminMessage(s: TestServer, ticketId: number, fields: Record<string, unknown> = {}): Promise<number> {
  const res = await s.admin('POST', `/admin/tickets/${ticketId}/messages`, { author: 'agent', authorId: 1, body: '<p>Agent reply</p>', ...fields });
  if (res.status !== 201) throw new Error(`message not created: ${res.text}`);
  return res.json.id;
}
