import type { PropertyBag } from '../../src/contract/common.js';
import type { ContactRecord } from '../../src/domain/world.js';
import type { Db } from '../db/connect.js';

export interface NewContact {
  id?: number;
  email: string;
  name: string;
  companyId: number | null;
  accessGroupIds: readonly number[];
  properties: PropertyBag;
  passwordHash: string | null;
  externalId?: string | null;
  createdAt: string;
}

export async function insertContact(db: Db, c: NewContact): Promise<number> {
  const row = await db.insertInto('contacts')
    .values({
      ...(c.id === undefined ? {} : { id: c.id }),
      email: c.email.trim().toLowerCase(),
      name: c.name,
      name_key: c.name.toLowerCase() || null,
      company_id: c.companyId,
      password_hash: c.passwordHash,
      external_id: c.externalId ?? null,
      created_at: c.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const groupId of new Set(c.accessGroupIds)) {
    await db.insertInto('contact_access_groups').values({ contact_id: row.id, access_group_id: groupId }).execute();
  }
  for (const [name, value] of Object.entries(c.properties)) {
    await db.insertInto('contact_properties').values({ contact_id: row.id, name, value_json: JSON.stringify(value) }).execute();
  }
  return row.id;
}

/** A contact as the domain rules read it, or `undefined`. */
export async function readContact(db: Db, id: number): Promise<ContactRecord | undefined> {
  const row = await db.selectFrom('contacts').select(['id', 'email', 'name', 'company_id']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const groups = await db.selectFrom('contact_access_groups').select(['access_group_id']).where('contact_id', '=', id).execute();
  const props = await db.selectFrom('contact_properties').select(['name', 'value_json']).where('contact_id', '=', id).execute();
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    companyId: row.company_id,
    accessGroupIds: groups.map((g) => g.access_group_id),
    properties: Object.fromEntries(props.map((p) => [p.name, JSON.parse(p.value_json)])) as PropertyBag,
  };
}

/** Contacts by id with only what the list display needs (name). */
export async function readContactNames(db: Db, ids: readonly number[]): Promise<Map<number, ContactRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('contacts').select(['id', 'email', 'name', 'company_id']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, email: r.email, name: r.name, companyId: r.company_id, accessGroupIds: [], properties: {} }]));
}
