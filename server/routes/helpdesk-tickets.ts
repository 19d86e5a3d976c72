import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import type { AppEnv } from '../http/context.js';
import { attachmentDisposition, servedType } from '../http/file-types.js';
import { Problem } from '../http/problem.js';
import { idParam } from '../http/ticket-access.js';
import { listHelpdeskTickets, toHelpdeskTicket, waitingOnUs, type HelpdeskQuery } from '../sql/helpdesk-list.js';
import { readAgents } from '../store/agents.js';
import { visibleThread } from '../store/messages.js';
import { readPipelines } from '../store/pipelines.js';
import { readTicket } from '../store/tickets.js';
import { storedPath } from '../store/uploads.js';
import { parseTicketQuery } from './tickets.js';

const NO_TICKET = 'No ticket has this id.';
const NO_ATTACHMENT = 'No attachment has this id.';

function helpdeskQuery(c: Parameters<typeof parseTicketQuery>[0]): HelpdeskQuery {
  const { view: _view, filters: { inbox, ...filters }, ...rest } = parseTicketQuery(c);
  void _view;
  const raw = c.req.query('waitingOnUs');
  if (raw !== undefined && raw !== 'true' && raw !== 'false') throw Problem.validation([{ field: 'waitingOnUs', message: 'Give true or false.' }]);
  return { ...rest, filters, ...(inbox !== undefined ? { inbox } : {}), ...(raw !== undefined ? { waitingOnUs: raw === 'true' } : {}) };
}

const agentName = (a: { firstName: string; lastName: string }) => `${a.firstName} ${a.lastName}`.trim();

/**
 * The helpdesk API (admin token or an agent's API key): every ticket, whole conversations with internal notes and
 * every thread, and the files of any message.
 */
export const helpdeskTicketRoutes = new Hono<AppEnv>()
  .get('/admin/tickets', async (c) => {
    return c.json(await listHelpdeskTickets(c.get('deps').db, helpdeskQuery(c), c.get('settings')));
  })
  .get('/admin/tickets/:id{[0-9]+}', async (c) => {
    const { db } = c.get('deps');
    const ticket = await readTicket(db, idParam(c.req.param('id'), NO_TICKET));
    if (!ticket) throw Problem.notFound(NO_TICKET);
    const [pipelines, waiting, contact, company, owners, threads, visible] = await Promise.all([
      readPipelines(db),
      waitingOnUs(db, [ticket.id]),
      db.selectFrom('contacts').select(['id', 'email', 'name', 'company_id']).where('id', '=', ticket.contactId).executeTakeFirstOrThrow(),
      ticket.companyId === null ? undefined : db.selectFrom('companies').selectAll().where('id', '=', ticket.companyId).executeTakeFirst(),
      readAgents(db, ticket.ownerId === null ? [] : [ticket.ownerId]),
      db.selectFrom('messages as m').leftJoin('ticket_threads as tt', (j) => j.onRef('tt.ticket_id', '=', 'm.ticket_id').onRef('tt.thread', '=', 'm.thread'))
        .select(['m.thread', 'tt.inbox']).distinct().where('m.ticket_id', '=', ticket.id).orderBy('m.thread').execute(),
      visibleThread(db, ticket.id),
    ]);
    const owner = ticket.ownerId === null ? undefined : owners.get(ticket.ownerId);
    return c.json({
      ...toHelpdeskTicket(ticket, pipelines, waiting.has(ticket.id), true),
      contact: { id: contact.id, email: contact.email, name: contact.name, companyId: contact.company_id },
      company: company ? { id: company.id, name: company.name, domain: company.domain } : null,
      owner: owner ? { id: owner.id, firstName: owner.firstName, lastName: owner.lastName, alias: owner.alias } : null,
      threads: threads.map((t) => ({ id: t.thread, inbox: t.inbox ?? null, visibleInPortal: t.thread === visible })),
    });
  })
  .get('/admin/tickets/:id{[0-9]+}/messages', async (c) => {
    const { db } = c.get('deps');
    const ticket = await readTicket(db, idParam(c.req.param('id'), NO_TICKET));
    if (!ticket) throw Problem.notFound(NO_TICKET);
    const rows = await db.selectFrom('messages').selectAll().where('ticket_id', '=', ticket.id)
      .orderBy('created_at').orderBy('id').execute();
    const ids = rows.map((r) => r.id);
    const contactIds = [...new Set(rows.filter((r) => r.author_kind === 'contact').map((r) => r.author_id))];
    const [attachments, agents, contacts] = await Promise.all([
      ids.length === 0 ? [] : db.selectFrom('attachments').selectAll().where('message_id', 'in', ids).orderBy('id').execute(),
      readAgents(db, [...new Set(rows.filter((r) => r.author_kind === 'agent').map((r) => r.author_id))]),
      contactIds.length === 0 ? [] : db.selectFrom('contacts').select(['id', 'name']).where('id', 'in', contactIds).execute(),
    ]);
    const contactNames = new Map(contacts.map((r) => [r.id, r.name]));
    const base = new URL(c.req.url);
    return c.json(rows.map((r) => {
      const agent = r.author_kind === 'agent' ? agents.get(r.author_id) : undefined;
      return {
        id: r.id, ticketId: r.ticket_id, threadId: r.thread,
        author: { kind: r.author_kind, id: r.author_id, name: (agent ? agentName(agent) : contactNames.get(r.author_id)) ?? '' },
        internal: r.internal === 1, body: r.body,
        attachments: attachments.filter((a) => a.message_id === r.id).map((a) => ({
          id: a.id, name: a.name, size: a.size, contentType: a.content_type, url: new URL(`/api/v1/admin/attachments/${a.id}`, base).href,
        })),
        createdAt: r.created_at,
      };
    }));
  })
  .get('/admin/attachments/:id{[0-9]+}', async (c) => {
    const { db, filesDir } = c.get('deps');
    const row = await db.selectFrom('attachments').selectAll().where('id', '=', idParam(c.req.param('id'), NO_ATTACHMENT)).executeTakeFirst();
    const path = row ? storedPath(filesDir, row.storage_key) : undefined;
    const info = path === undefined ? undefined : await stat(path).catch(() => undefined);
    if (!row || path === undefined || !info?.isFile()) throw Problem.notFound(NO_ATTACHMENT);
    return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>, {
      status: 200,
      headers: {
        'content-type': servedType(row.content_type), 'content-length': String(info.size),
        'content-disposition': attachmentDisposition(row.name), 'x-content-type-options': 'nosniff',
        'content-security-policy': "sandbox; default-src 'none'", 'cache-control': 'private, no-store',
      },
    });
  });
