import { Hono } from 'hono';
import type { PropertyBag } from '../../src/contract/common.js';
import { isCoreTicketField, type PipelineRecord, type TicketRecord } from '../../src/domain/world.js';
import { ticketStatus } from '../../src/domain/display.js';
import { readJson } from '../http/body.js';
import type { AppEnv } from '../http/context.js';
import { Problem } from '../http/problem.js';
import type { Db } from '../db/connect.js';
import { MessageInput, TicketInput, TicketPatch } from '../schemas/admin.js';
import { recordChange } from '../store/changes.js';
import { threadForMessage, visibleThread } from '../store/messages.js';
import { readPipelines } from '../store/pipelines.js';
import { insertTicket, readTicket, updateTicket } from '../store/tickets.js';
import { queueWebhookEvent } from '../webhooks/events.js';
import { storeAgentAttachments, enforceAgentKey } from './helpdesk-messages.js';
import { MAX_ROW_ID } from '../db/types.js';
import { queueReplyEmail } from '../store/reply-emails.js';

const iso = (value: string) => new Date(value).toISOString();

function checkProperties(properties: PropertyBag | undefined) {
  const clashes = Object.keys(properties ?? {}).filter(isCoreTicketField);
  if (clashes.length > 0) {
    throw Problem.validation(clashes.map((name) => ({ field: `properties.${name}`, message: `"${name}" is a core field; set it directly.` })));
  }
}

/** The pipeline and stage a ticket lands in: defaults to the first pipeline and its first stage; 422 when unknown. */
function placement(pipelines: PipelineRecord[], pipelineId: string | undefined, stageId: string | undefined) {
  const pipeline = pipelineId === undefined ? pipelines[0] : pipelines.find((p) => p.id === pipelineId);
  if (!pipeline) throw Problem.validation([{ field: 'pipeline', message: pipelineId === undefined ? 'No pipeline exists.' : 'Unknown pipeline.' }]);
  const stage = stageId === undefined ? pipeline.stages[0] : pipeline.stages.find((s) => s.id === stageId);
  if (!stage) throw Problem.validation([{ field: 'stage', message: `Unknown stage of pipeline "${pipeline.id}".` }]);
  return { pipeline: pipeline.id, stage: stage.id };
}

async function checkOwner(db: Db, ownerId: number | null | undefined) {
  if (ownerId == null) return;
  if (!(await db.selectFrom('agents').select('id').where('id', '=', ownerId).executeTakeFirst())) {
    throw Problem.validation([{ field: 'ownerId', message: 'No agent has this id.' }]);
  }
}

const ticketId = (raw: string) => {
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1 || id > MAX_ROW_ID) throw Problem.notFound('No ticket has this id.');
  return id;
};

/** Admin API: tickets and their messages. */
export const adminTicketRoutes = new Hono<AppEnv>()
  .post('/admin/tickets', async (c) => {
    const body = await readJson(c, TicketInput);
    const { db, now } = c.get('deps');
    const contact = await db.selectFrom('contacts').select(['id', 'company_id']).where('id', '=', body.contactId).executeTakeFirst();
    if (!contact) throw Problem.validation([{ field: 'contactId', message: 'No contact has this id.' }]);
    checkProperties(body.properties);
    const where = placement(await readPipelines(db), body.pipeline, body.stage);
    await checkOwner(db, body.ownerId);
    const createdAt = body.createdAt ? iso(body.createdAt) : new Date(now()).toISOString();
    const ticket: TicketRecord = {
      id: 0, subject: body.subject, content: body.content ?? '', ...where, priority: body.priority ?? null,
      ownerId: body.ownerId ?? null, contactId: contact.id, companyId: contact.company_id, createdAt, lastActivityAt: createdAt,
      properties: body.properties ?? {},
    };
    const id = await db.transaction().execute(async (trx) => {
      const created = await insertTicket(trx, ticket);
      await queueWebhookEvent(trx, 'ticket.created', { ticketId: created, contactId: contact.id }, now());
      return created;
    });
    c.get('deps').webhooks?.kick();
    return c.json({ id }, 201);
  })
  .patch('/admin/tickets/:id', async (c) => {
    const id = ticketId(c.req.param('id'));
    const { db } = c.get('deps');
    const ticket = await readTicket(db, id);
    if (!ticket) throw Problem.notFound('No ticket has this id.');
    const body = await readJson(c, TicketPatch);
    checkProperties(body.properties);
    const pipelineChanged = body.pipeline !== undefined && body.pipeline !== ticket.pipeline;
    const where = body.pipeline !== undefined || body.stage !== undefined
      ? placement(await readPipelines(db), body.pipeline ?? ticket.pipeline, body.stage ?? (pipelineChanged ? undefined : ticket.stage))
      : { pipeline: ticket.pipeline, stage: ticket.stage };
    await checkOwner(db, body.ownerId);
    const next: TicketRecord = {
      ...ticket, ...where,
      subject: body.subject ?? ticket.subject,
      priority: body.priority === undefined ? ticket.priority : body.priority,
      ownerId: body.ownerId === undefined ? ticket.ownerId : body.ownerId,
      properties: { ...ticket.properties, ...(body.properties ?? {}) },
    };
    const pipelines = await readPipelines(db);
    const wasClosed = ticketStatus(pipelines, ticket, 'open-closed').closed;
    const nowClosed = ticketStatus(pipelines, next, 'open-closed').closed;
    await db.transaction().execute(async (trx) => {
      await updateTicket(trx, next);
      await recordChange(trx, { type: 'ticket', ticketId: id }, c.get('deps').now());
      if (nowClosed && !wasClosed) await queueWebhookEvent(trx, 'ticket.closed', { ticketId: id, contactId: ticket.contactId }, c.get('deps').now());
    });
    c.get('deps').webhooks?.kick();
    return c.json({ id });
  })
  .post('/admin/tickets/:id/messages', async (c) => {
    const id = ticketId(c.req.param('id'));
    const { db, now } = c.get('deps');
    const ticket = await readTicket(db, id);
    if (!ticket) throw Problem.notFound('No ticket has this id.');
    const body = await readJson(c, MessageInput);
    enforceAgentKey(c, body);
    const authorTable = body.author === 'agent' ? 'agents' : 'contacts';
    if (!(await db.selectFrom(authorTable).select('id').where('id', '=', body.authorId).executeTakeFirst())) {
      throw Problem.validation([{ field: 'authorId', message: `No ${body.author} has this id.` }]);
    }
    const createdAt = body.createdAt ? iso(body.createdAt) : new Date(now()).toISOString();
    const messageId = await db.transaction().execute(async (trx) => {
      const thread = await threadForMessage(trx, id, body);
      const row = await trx.insertInto('messages').values({
        ticket_id: id, thread, author_kind: body.author, author_id: body.authorId, body: body.body,
        internal: body.internal ? 1 : 0, created_at: createdAt,
      }).returning('id').executeTakeFirstOrThrow();
      await storeAgentAttachments(trx, c.get('deps').filesDir, row.id, body.attachments);
      if (createdAt > ticket.lastActivityAt) await updateTicket(trx, { ...ticket, lastActivityAt: createdAt });
      // Live updates report what the portal shows: not internal notes, not threads after the oldest.
      if (!body.internal && thread === (await visibleThread(trx, id))) {
        await recordChange(trx, { type: 'message', ticketId: id, messageId: row.id }, now());
      }
      await queueWebhookEvent(trx, 'message.created', {
        ticketId: id, messageId: row.id, contactId: ticket.contactId, authorKind: body.author, internal: body.internal ?? false,
      }, now());
      if (body.author === 'agent' && !body.internal && thread === (await visibleThread(trx, id))) {
        await queueReplyEmail(trx, c, { ticket, messageId: row.id, body: body.body, authorId: body.authorId, at: now() });
      }
      return row.id;
    });
    c.get('deps').webhooks?.kick();
    return c.json({ id: messageId }, 201);
  });
