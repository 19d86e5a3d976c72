import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { FilterCondition, FilterGroups } from '../../src/contract/filters.js';
import type { OwnerNameDisplay } from '../../src/contract/settings.js';
import type { TicketQuery } from '../../src/contract/tickets.js';
import { comparable } from '../../src/domain/filters.js';
import type { TicketScope } from '../../src/domain/permissions.js';
import { idFromSearch } from '../../src/domain/ticket-query.js';
import { MAX_ROW_ID, type Database } from '../db/types.js';

/**
 * Compiles the list rules of `src/domain` (filters.ts, permissions.ts, ticket-query.ts) into SQL over
 * `tickets as t` (the status test looks its stage up in `stages`). Property tests read `ticket_properties`, which holds every
 * property (core and custom) in the same matching form as the domain's `comparable` / `asNumber`.
 */
export type ListDb = Database & { t: Database['tickets'] };
export type ListEb = ExpressionBuilder<ListDb, 't'>;
export type SortDb = ListDb & { s: Database['stages']; c: Database['contacts']; a: Database['agents']; sp: Database['ticket_properties'] };
export type SortEb = ExpressionBuilder<SortDb, 't' | 's' | 'c' | 'a' | 'sp'>;

const TRUE = sql<SqlBool>`1 = 1`;
const FALSE = sql<SqlBool>`1 = 0`;

/** `%text%` for LIKE with `\` escaping the wildcards. */
export const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** Whether the ticket has a property row named `property` that satisfies `test`. */
function hasProperty(eb: ListEb, property: string, test?: (p: ExpressionBuilder<Database, 'ticket_properties'>) => Expression<SqlBool>) {
  return eb.exists(
    eb.selectFrom('ticket_properties')
      .select(sql<number>`1`.as('one'))
      .whereRef('ticket_properties.ticket_id', '=', 't.id')
      .where('ticket_properties.name', '=', property)
      .where((p) => (test ? p.and([p('ticket_properties.known', '=', 1), test(p)]) : p('ticket_properties.known', '=', 1))),
  );
}

/** One condition; a missing value (no row, null or '') satisfies only `unknown` and `neq`. */
export function compileCondition(eb: ListEb, condition: FilterCondition): Expression<SqlBool> {
  const { property, operator, value } = condition;
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const one = values.length === 1 ? values[0] : undefined;
  switch (operator) {
    case 'known':
      return hasProperty(eb, property);
    case 'unknown':
      return eb.not(hasProperty(eb, property));
    case 'eq':
      return one === undefined ? FALSE : hasProperty(eb, property, (p) => p('ticket_properties.value_text', '=', comparable(one)));
    case 'neq':
      return eb.not(one === undefined
        ? hasProperty(eb, property)
        : hasProperty(eb, property, (p) => p('ticket_properties.value_text', '=', comparable(one))));
    case 'in':
      return values.length === 0
        ? FALSE
        : hasProperty(eb, property, (p) => p('ticket_properties.value_text', 'in', values.map(comparable)));
    case 'contains':
      return one === undefined
        ? FALSE
        : hasProperty(eb, property, (p) => sql<SqlBool>`${p.ref('ticket_properties.value_text')} like ${likeContains(comparable(one))} escape '\\'`);
    case 'gt':
    case 'lt': {
      if (one === undefined) return FALSE;
      const op = operator === 'gt' ? '>' : '<';
      return typeof one === 'number'
        ? hasProperty(eb, property, (p) => p('ticket_properties.value_num', op, one))
        : hasProperty(eb, property, (p) => p('ticket_properties.value_text', op, comparable(one)));
    }
  }
}

/** OR of AND groups: `{any: []}` is false, `{all: []}` is true. */
export function compileGroups(eb: ListEb, groups: FilterGroups): Expression<SqlBool> {
  if (groups.any.length === 0) return FALSE;
  return eb.or(groups.any.map((group) =>
    group.all.length === 0 ? TRUE : eb.and(group.all.map((condition) => compileCondition(eb, condition)))));
}

export interface ListRules {
  /** `null`: every ticket (the helpdesk API). */
  scope: TicketScope | null;
  visibility: FilterGroups | null;
  query: Pick<TicketQuery, 'status' | 'q' | 'filters'>;
}

const INTEGER_COLUMNS = { id: 't.id', ownerId: 't.owner_id', contactId: 't.contact_id', companyId: 't.company_id' } as const;

/** The whole WHERE of a list query: scope → visibility → status → `filter[…]` → search. */
export function compileWhere(eb: ListEb, rules: ListRules): Expression<SqlBool> {
  const { scope, visibility, query } = rules;
  const parts: Expression<SqlBool>[] = [
    scope === null ? TRUE : scope.kind === 'contact' ? eb('t.contact_id', '=', scope.contactId) : eb('t.company_id', '=', scope.companyId),
  ];
  if (visibility !== null) parts.push(compileGroups(eb, visibility));
  // An unknown stage counts as open. A subquery, not a join, so a count without status filter touches no stage.
  if (query.status !== 'all') {
    const closed = eb.exists(eb.selectFrom('stages')
      .select(sql<number>`1`.as('one'))
      .whereRef('stages.pipeline_id', '=', 't.pipeline')
      .whereRef('stages.id', '=', 't.stage')
      .where('stages.closed', '=', 1));
    parts.push(query.status === 'closed' ? closed : eb.not(closed));
  }
  for (const [property, expected] of Object.entries(query.filters)) {
    // Integer core fields compare on the ticket's own (indexed) column: only the plain decimal form equals their text.
    const column = INTEGER_COLUMNS[property as keyof typeof INTEGER_COLUMNS];
    if (column !== undefined && Object.hasOwn(INTEGER_COLUMNS, property)) {
      parts.push(/^(0|[1-9]\d{0,14})$/.test(expected) && Number(expected) <= MAX_ROW_ID ? eb(column, '=', Number(expected)) : FALSE);
      continue;
    }
    // `filter[p]=v`: the text form equals; a missing value (no row, null or '') never matches.
    parts.push(hasProperty(eb, property, (p) => p('ticket_properties.value_text', '=', comparable(expected))));
  }
  const text = query.q.trim().toLowerCase();
  if (text !== '') {
    const bySubject = sql<SqlBool>`${eb.ref('t.subject_key')} like ${likeContains(text)} escape '\\'`;
    const id = idFromSearch(text);
    parts.push(id === null || id > MAX_ROW_ID ? bySubject : eb.or([bySubject, eb('t.id', '=', id)]));
  }
  return eb.and(parts);
}

const OWNER_KEY = { first: 'a.key_first', last: 'a.key_last', full: 'a.key_full', alias: 'a.key_alias' } as const;

export interface SortKey {
  expression: Expression<unknown>;
  /** `asc` always: the "missing last" flag. */
  fixed?: boolean;
}

/**
 * ORDER BY terms for a sort column, for a query that also left-joins `contacts as c` (requester), `agents as a`
 * (owner) and `ticket_properties as sp` (named `sort`). Missing values go last in both directions; then the
 * value; ties by id in the same direction.
 */
export function sortKeys(eb: SortEb, sort: string, ownerName: OwnerNameDisplay): SortKey[] {
  const missingWhenNull = (ref: Expression<unknown>) =>
    ({ expression: eb.case().when(ref as Expression<string | null>, 'is', null).then(1).else(0).end(), fixed: true });
  switch (sort) {
    case 'id':
      return [{ expression: eb.ref('t.id') }];
    case 'createdAt':
      return [{ expression: eb.ref('t.created_at') }, { expression: eb.ref('t.id') }];
    case 'lastActivityAt':
      return [{ expression: eb.ref('t.last_activity_at') }, { expression: eb.ref('t.id') }];
    case 'requester':
      return [missingWhenNull(eb.ref('c.name_key')), { expression: eb.ref('c.name_key') }, { expression: eb.ref('t.id') }];
    case 'owner': {
      const ref = eb.ref(OWNER_KEY[ownerName]);
      return [missingWhenNull(ref), { expression: ref }, { expression: eb.ref('t.id') }];
    }
    case 'status':
      return [
        missingWhenNull(eb.ref('s.id')),
        { expression: sql`${eb.ref('s.closed')} * 1000 + ${eb.ref('s.position')}` },
        { expression: eb.ref('t.id') },
      ];
    default:
      return [
        { expression: eb.case().when('sp.known', '=', 1).then(0).else(1).end(), fixed: true },
        { expression: eb.fn.coalesce('sp.sort_num', sql<number>`0`) },
        { expression: eb.fn.coalesce('sp.value_text', sql<string>`''`) },
        { expression: eb.ref('t.id') },
      ];
  }
}
