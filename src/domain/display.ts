import type { OwnerNameDisplay, Settings } from '../contract/settings.js';
import type { TicketStatus, TicketSummary } from '../contract/tickets.js';
import { findStage, type AgentRecord, type ContactRecord, type PipelineRecord, type TicketRecord } from './world.js';

/** An agent's name as the admin chose to show it; `alias` falls back to the first name when none is set. */
export function ownerDisplayName(agent: AgentRecord, mode: OwnerNameDisplay): string {
  switch (mode) {
    case 'first':
      return agent.firstName;
    case 'last':
      return agent.lastName;
    case 'full':
      return `${agent.firstName} ${agent.lastName}`.trim();
    case 'alias':
      return agent.alias?.trim() || agent.firstName;
  }
}

/**
 * A ticket's status: "Open"/"Closed" (English source; elements localize by `closed`) or the stage's label.
 * An unknown stage counts as open.
 */
export function ticketStatus(pipelines: readonly PipelineRecord[], ticket: TicketRecord, display: Settings['statusDisplay']): TicketStatus {
  const found = findStage(pipelines, ticket.pipeline, ticket.stage);
  const closed = found?.stage.closed ?? false;
  if (display === 'stages') return { label: found?.stage.label ?? ticket.stage, closed };
  return { label: closed ? 'Closed' : 'Open', closed };
}

export interface DisplayContext {
  pipelines: readonly PipelineRecord[];
  contacts: ReadonlyMap<number, ContactRecord>;
  agents: ReadonlyMap<number, AgentRecord>;
  settings: Pick<Settings, 'statusDisplay' | 'ownerName'>;
}

/** A ticket as one list row, with status, requester and owner resolved for display. */
export function toSummary(ticket: TicketRecord, ctx: DisplayContext): TicketSummary {
  const owner = ticket.ownerId === null ? undefined : ctx.agents.get(ticket.ownerId);
  return {
    id: ticket.id,
    subject: ticket.subject,
    status: ticketStatus(ctx.pipelines, ticket, ctx.settings.statusDisplay),
    pipeline: ticket.pipeline,
    stage: ticket.stage,
    priority: ticket.priority,
    contactId: ticket.contactId,
    requesterName: ctx.contacts.get(ticket.contactId)?.name ?? '',
    companyId: ticket.companyId,
    ownerId: ticket.ownerId,
    ownerName: owner ? ownerDisplayName(owner, ctx.settings.ownerName) : null,
    createdAt: ticket.createdAt,
    lastActivityAt: ticket.lastActivityAt,
    properties: { ...ticket.properties },
  };
}
