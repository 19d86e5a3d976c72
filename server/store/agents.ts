import { ownerDisplayName } from '../../src/domain/display.js';
import type { AgentRecord } from '../../src/domain/world.js';
import type { AgentsTable } from '../db/types.js';
import type { Db } from '../db/connect.js';
import type { Insertable } from 'kysely';

const key = (agent: AgentRecord, mode: Parameters<typeof ownerDisplayName>[1]) =>
  ownerDisplayName(agent, mode).toLowerCase() || null;

/** An agent row with the lowercased display names the `owner` sort uses. */
export function agentRow(agent: Omit<AgentRecord, 'id'> & { id?: number }): Insertable<AgentsTable> {
  const record: AgentRecord = { id: agent.id ?? 0, firstName: agent.firstName, lastName: agent.lastName, alias: agent.alias };
  return {
    ...(agent.id === undefined ? {} : { id: agent.id }),
    first_name: agent.firstName,
    last_name: agent.lastName,
    alias: agent.alias,
    key_first: key(record, 'first'),
    key_last: key(record, 'last'),
    key_full: key(record, 'full'),
    key_alias: key(record, 'alias'),
  };
}

export async function insertAgent(db: Db, agent: Omit<AgentRecord, 'id'> & { id?: number }): Promise<number> {
  const row = await db.insertInto('agents').values(agentRow(agent)).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function readAgents(db: Db, ids?: readonly number[]): Promise<Map<number, AgentRecord>> {
  let q = db.selectFrom('agents').select(['id', 'first_name', 'last_name', 'alias']);
  if (ids) {
    if (ids.length === 0) return new Map();
    q = q.where('id', 'in', ids);
  }
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, firstName: r.first_name, lastName: r.last_name, alias: r.alias }]));
}
