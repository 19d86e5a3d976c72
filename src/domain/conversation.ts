import type { Settings } from '../contract/settings.js';
import type { Message } from '../contract/tickets.js';
import { ownerDisplayName } from './display.js';
import type { AgentRecord, ContactRecord, MessageRecord, PipelineRecord, StageRecord } from './world.js';

/** What the portal shows of a ticket's messages: the oldest thread only, no internal notes, oldest first. */
export function visibleConversation(messages: readonly MessageRecord[]): MessageRecord[] {
  const threads = messages.filter((m) => !m.internal).map((m) => m.thread);
  if (threads.length === 0) return [];
  const oldest = Math.min(...threads);
  return messages
    .filter((m) => m.thread === oldest && !m.internal)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id));
}

/** A stored message as the portal shows it: agents named per the owner-name setting. */
export function toMessage(
  record: MessageRecord,
  people: { agents: ReadonlyMap<number, AgentRecord>; contacts: ReadonlyMap<number, ContactRecord> },
  ownerName: Settings['ownerName'],
): Message {
  const agent = record.authorKind === 'agent' ? people.agents.get(record.authorId) : undefined;
  const name = agent ? ownerDisplayName(agent, ownerName) : (people.contacts.get(record.authorId)?.name ?? '');
  return {
    id: record.id,
    ticketId: record.ticketId,
    author: { kind: record.authorKind, name },
    body: record.body,
    createdAt: record.createdAt,
    attachments: record.attachments.map((a) => ({ id: a.id, name: a.name, size: byteLength(a.content), contentType: a.contentType })),
  };
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;

/** What the customer may do with a ticket in its current state. */
export function ticketActions(settings: Pick<Settings, 'actions'>, closed: boolean) {
  return {
    reply: !closed || settings.actions.replyToClosed,
    close: settings.actions.customerClose && !closed,
  };
}

/** The stage "Close ticket" moves a ticket to: the admin's choice for its pipeline, else the pipeline's first closed stage. */
export function closingStage(settings: Pick<Settings, 'actions'>, pipelines: readonly PipelineRecord[], pipeline: string): StageRecord | undefined {
  const stages = pipelines.find((p) => p.id === pipeline)?.stages ?? [];
  const chosen = settings.actions.closedStageByPipeline[pipeline];
  return stages.find((s) => s.id === chosen && s.closed) ?? stages.find((s) => s.closed);
}
