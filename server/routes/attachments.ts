import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { maySeeTicket } from '../../src/domain/permissions.js';
import type { AppEnv } from '../http/context.js';
import { attachmentDisposition, servedType } from '../http/file-types.js';
import { Problem } from '../http/problem.js';
import { idParam } from '../http/ticket-access.js';
import { visibleThread } from '../store/messages.js';
import { readTicket } from '../store/tickets.js';
import { storedPath } from '../store/uploads.js';

const NOT_FOUND = 'No attachment has this id.';

/**
 * `GET /attachments/{id}`: the file of a message the contact sees (not an internal note, in the shown thread of a
 * ticket they may see), else 404. Always a download: `Content-Disposition: attachment` with an RFC 6266 `filename*`,
 * `nosniff`, a sandboxing CSP, and the stored type only when it is on the safe list.
 */
export const attachmentRoutes = new Hono<AppEnv>()
  .on(['GET', 'HEAD'], '/attachments/:id{[0-9]+}', async (c) => {
    const id = idParam(c.req.param('id'), NOT_FOUND);
    const { db, filesDir } = c.get('deps');
    const { contact, settings } = c.get('auth');
    const row = await db.selectFrom('attachments as a')
      .innerJoin('messages as m', 'm.id', 'a.message_id')
      .select(['a.name', 'a.content_type', 'a.size', 'a.storage_key', 'm.ticket_id', 'm.thread', 'm.internal'])
      .where('a.id', '=', id)
      .executeTakeFirst();
    if (!row || row.internal !== 0) throw Problem.notFound(NOT_FOUND);
    const ticket = await readTicket(db, row.ticket_id);
    if (!ticket || !maySeeTicket(settings, contact, ticket)) throw Problem.notFound(NOT_FOUND);
    if (row.thread !== (await visibleThread(db, ticket.id))) throw Problem.notFound(NOT_FOUND);
    const path = storedPath(filesDir, row.storage_key);
    const info = path === undefined ? undefined : await stat(path).catch(() => undefined);
    if (path === undefined || !info?.isFile()) throw Problem.notFound(NOT_FOUND);
    const headers = {
      'content-type': servedType(row.content_type),
      'content-length': String(info.size),
      'content-disposition': attachmentDisposition(row.name),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'cache-control': 'private, no-store',
    };
    if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers });
    return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>, { status: 200, headers });
  });
