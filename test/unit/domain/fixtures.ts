/** Small hand-built worlds and builders shared by the domain unit tests (not a test file itself). */
import type { PropertyBag, PropertyValue } from '../../../src/contract/common.js';
import type { FilterGroups } from '../../../src/contract/filters.js';
import type { Settings } from '../../../src/contract/settings.js';
import type { QueryContext } from '../../../src/domain/ticket-query.js';
import type { AgentRecord, ContactRecord, PipelineRecord, TicketRecord } from '../../../src/domain/world.js';

export const PIPELINES: PipelineRecord[] = [
  {
    id: 'support', label: 'Support', stages: [
      { id: 'new', label: 'New', closed: false },
      { id: 'waiting', label: 'Waiting on us', closed: false },
      { id: 'closed', label: 'Closed', closed: true },
    ],
  },
  {
    id: 'billing', label: 'Billing', stages: [
      { id: 'received', label: 'Received', closed: false },
      { id: 'resolved', label: 'Resolved', closed: true },
    ],
  },
];

export function makeTicket(t: Partial<TicketRecord> & { id: number }): TicketRecord {
  return {
    subject: `Ticket ${t.id}`,
    content: '',
    pipeline: 'support',
    stage: 'new',
    priority: null,
    ownerId: null,
    contactId: 1,
    companyId: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    lastActivityAt: '2026-01-01T00:00:00.000Z',
    properties: {},
    ...t,
  };
}

export function makeContact(c: Partial<ContactRecord> & { id: number }): ContactRecord {
  return {
    email: `c${c.id}@example.test`,
    name: `Contact ${c.id}`,
    companyId: 1,
    accessGroupIds: [],
    properties: {},
    ...c,
  };
}

export type Rules = Pick<Settings, 'permissions' | 'visibility'>;

export function rules(mode: Settings['permissions']['mode'], group?: FilterGroups, visibility: FilterGroups | null = null): Rules {
  return { permissions: group === undefined ? { mode } : { mode, group }, visibility };
}

/** A getter over a plain bag, as `matchesCondition` expects (`undefined` for absent keys). */
export const bag = (b: PropertyBag) => (p: string): PropertyValue | undefined => (Object.hasOwn(b, p) ? b[p] : undefined);

export function queryContext(
  contacts: ContactRecord[],
  agents: AgentRecord[],
  settings: Partial<QueryContext['settings']> = {},
  pipelines: PipelineRecord[] = PIPELINES,
): QueryContext {
  return {
    pipelines,
    contacts: new Map(contacts.map((c) => [c.id, c])),
    agents: new Map(agents.map((a) => [a.id, a])),
    settings: { statusDisplay: 'open-closed', ownerName: 'first', visibility: null, permissions: { mode: 'company' }, ...settings },
  };
}

export const idsOf = (rows: readonly { id: number }[]) => rows.map((r) => r.id);
export const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
