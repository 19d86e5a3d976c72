import type { PropertyBag, PropertyValue } from '../contract/common.js';

/** The records a backend holds, in the shape the domain rules read. Server and MemoryAdapter both map to these. */
export interface TicketRecord {
  id: number;
  subject: string;
  content: string;
  pipeline: string;
  stage: string;
  priority: string | null;
  ownerId: number | null;
  contactId: number;
  companyId: number | null;
  createdAt: string;
  lastActivityAt: string;
  properties: PropertyBag;
}

export interface ContactRecord {
  id: number;
  email: string;
  name: string;
  companyId: number | null;
  accessGroupIds: number[];
  properties: PropertyBag;
}

export interface AgentRecord {
  id: number;
  firstName: string;
  lastName: string;
  alias: string | null;
}

export interface StageRecord {
  id: string;
  label: string;
  closed: boolean;
}

export interface PipelineRecord {
  id: string;
  label: string;
  stages: StageRecord[];
}

export interface CompanyRecord {
  id: number;
  name: string;
  domain: string | null;
}

/** A stored file; `content` is its text (demo data) — real backends keep bytes elsewhere. */
export interface AttachmentRecord {
  id: number;
  name: string;
  contentType: string;
  content: string;
}

export interface MessageRecord {
  id: number;
  ticketId: number;
  /** Conversations of a ticket; the portal shows only the oldest one. */
  thread: number;
  authorKind: 'agent' | 'contact';
  authorId: number;
  body: string;
  internal: boolean;
  createdAt: string;
  attachments: AttachmentRecord[];
}

/** Core ticket fields addressable by name in filters, columns and sorting. */
export const CORE_TICKET_FIELDS = [
  'id', 'subject', 'content', 'pipeline', 'stage', 'priority', 'ownerId', 'contactId', 'companyId', 'createdAt',
  'lastActivityAt',
] as const;
export type CoreTicketField = (typeof CORE_TICKET_FIELDS)[number];

export const isCoreTicketField = (name: string): name is CoreTicketField =>
  (CORE_TICKET_FIELDS as readonly string[]).includes(name);

/** A ticket property by name: a core field or a custom property; `undefined` when it has no value. */
export function ticketValue(ticket: TicketRecord, property: string): PropertyValue | undefined {
  if (isCoreTicketField(property)) return ticket[property] ?? undefined;
  return Object.hasOwn(ticket.properties, property) ? ticket.properties[property] : undefined;
}

/** A contact property by name: `id`, `email`, `name`, `companyId` or a custom property. */
export function contactValue(contact: ContactRecord, property: string): PropertyValue | undefined {
  switch (property) {
    case 'id': case 'email': case 'name': case 'companyId':
      return contact[property] ?? undefined;
    default:
      return Object.hasOwn(contact.properties, property) ? contact.properties[property] : undefined;
  }
}

export function findStage(pipelines: readonly PipelineRecord[], pipeline: string, stage: string) {
  const p = pipelines.find((x) => x.id === pipeline);
  const index = p ? p.stages.findIndex((s) => s.id === stage) : -1;
  return p && index >= 0 ? { stage: p.stages[index], position: index } : undefined;
}
