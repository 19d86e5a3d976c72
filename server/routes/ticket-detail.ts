import { Hono } from 'hono';
import { closingStage } from '../../src/domain/conversation.js';
import { ticketStatus } from '../../src/domain/display.js';
import type { AppEnv } from '../http/context.js';
import { Problem } from '../http/problem.js';
import { toWireTicket, visibleTicket } from '../http/ticket-access.js';
import { recordChange } from '../store/changes.js';
import { readConversation, toWireMessages } from '../store/messages.js';
import { readPipelines } from '../store/pipelines.js';
import { readTicket, updateTicket } from '../store/tickets.js';
import { queueWebhookEvent } from '../webhooks/events.js';

/** One ticket: its detail, its conversation and "Close ticket". A ticket the contact may not see is 404 on each. */
export const ticketDetailRoutes = new Hono<AppEnv>()
  .get('/tickets/:id{[0-9]+}', async (c) => {
    const ticket = await visibleTicket(c);
    return c.json(await toWireTicket(c.get('deps').db, ticket, c.get('auth').settings));
  })
  .get('/tickets/:id{[0-9]+}/messages', async (c) => {
    const ticket = await visibleTicket(c);
    const { db } = c.get('deps');
    return c.json(await toWireMessages(db, await readConversation(db, ticket.id), c.get('auth').settings.ownerName));
  })
  /**
   * Moves the ticket to the closed stage chosen for its pipeline (else the pipeline's first closed stage). Idempotent:
   * a ticket already in a closed stage is answered as it is. 403 unless customers may close tickets.
   */
  .post('/tickets/:id{[0-9]+}/close', async (c) => {
    const { id } = await visibleTicket(c);
    const { settings } = c.get('auth');
    const { db, now } = c.get('deps');
    if (!settings.actions.customerClose) throw Problem.forbidden('Tickets cannot be closed here.');
    const closed = await db.transaction().execute(async (trx) => {
      const ticket = await readTicket(trx, id);
      if (!ticket) throw Problem.notFound('No ticket has this id.');
      const pipelines = await readPipelines(trx);
      if (ticketStatus(pipelines, ticket, 'open-closed').closed) return ticket;
      const stage = closingStage(settings, pipelines, ticket.pipeline);
      if (!stage) throw Problem.conflict('Cannot close', 'The pipeline of this ticket has no closed stage.', { slug: 'no-closed-stage' });
      const at = now();
      const iso = new Date(at).toISOString();
      const next = { ...ticket, stage: stage.id, lastActivityAt: iso > ticket.lastActivityAt ? iso : ticket.lastActivityAt };
      await updateTicket(trx, next);
      await recordChange(trx, { type: 'ticket', ticketId: id }, at);
      await queueWebhookEvent(trx, 'ticket.closed', { ticketId: id, contactId: c.get('auth').contact.id }, at);
      return next;
    });
    c.get('deps').webhooks?.kick();
    return c.json(await toWireTicket(db, closed, settings));
  });
