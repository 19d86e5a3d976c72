import type { Context } from 'hono';
import type { Settings } from '../../src/contract/settings.js';
import type { Ticket } from '../../src/contract/tickets.js';
import { ticketActions } from '../../src/domain/conversation.js';
import { toSummary } from '../../src/domain/display.js';
import { exposedProperties } from '../../src/domain/exposed-properties.js';
import { maySeeTicket } from '../../src/domain/permissions.js';
import type { TicketRecord } from '../../src/domain/world.js';
import type { Db } from '../db/connect.js';
import { MAX_ROW_ID } from '../db/types.js';
import { readAgents } from '../store/agents.js';
import { readContactNames } from '../store/contacts.js';
import { readPipelines } from '../store/pipelines.js';
import { readTicket } from '../store/tickets.js';
import type { AppEnv } from './context.js';
import { Problem } from './problem.js';

const NOT_FOUND = 'No ticket has this id.';

/** A positive decimal id from a path, else 404 (a malformed id names no ticket). */
export function idParam(raw: string | undefined, what = NOT_FOUND): number {
  const id = raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(id) || id < 1 || id > MAX_ROW_ID) throw Problem.notFound(what);
  return id;
}

/**
 * The ticket a route names, when the signed-in contact may see it (`maySeeTicket`: their own, or their company's
 * with company permission, within the visibility rules); otherwise 404, never 403, so nothing confirms it exists.
 */
export async function visibleTicket(c: Context<AppEnv>, id = idParam(c.req.param('id'))): Promise<TicketRecord> {
  const { contact, settings } = c.get('auth');
  const ticket = await readTicket(c.get('deps').db, id);
  if (!ticket || !maySeeTicket(settings, contact, ticket)) throw Problem.notFound(NOT_FOUND);
  return ticket;
}

/** The ticket as `GET /tickets/{id}` answers it: the list's summary fields, the description and the allowed actions. */
export async function toWireTicket(db: Db, ticket: TicketRecord, settings: Settings): Promise<Ticket> {
  const [pipelines, contacts, agents] = await Promise.all([
    readPipelines(db),
    readContactNames(db, [ticket.contactId]),
    readAgents(db, ticket.ownerId === null ? [] : [ticket.ownerId]),
  ]);
  const summary = toSummary(ticket, { pipelines, contacts, agents, settings });
  return {
    ...summary, properties: exposedProperties(summary.properties, settings), content: ticket.content, actions: ticketActions(settings, summary.status.closed),
  };
}
