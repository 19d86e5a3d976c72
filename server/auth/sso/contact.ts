import type { Settings } from '../../../src/contract/settings.js';
import type { ContactRecord } from '../../../src/domain/world.js';
import type { Db } from '../../db/connect.js';
import { insertContact, readContact } from '../../store/contacts.js';
import { inPortalGroups } from '../access.js';
import type { SsoClaims } from './verify.js';

export type SsoContactResult = { contact: ContactRecord } | { refused: 'no-access' | 'linked-elsewhere' };

/** The company named by the `company` claim (case-insensitive), created when there is none. */
async function companyNamed(db: Db, name: string): Promise<number> {
  const found = await db.selectFrom('companies').select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase())).orderBy('id').executeTakeFirst();
  if (found) return found.id;
  const row = await db.insertInto('companies').values({ name, domain: null }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The contact an SSO sign-in stands for: by `external_id`, then by email; created (name and company from the
 * claims) when there is none. A portal limited to access groups admits only their members, so it never creates
 * anyone (a new contact is in no group). An email already linked to another external id is refused.
 */
export async function ssoContact(db: Db, claims: SsoClaims, settings: Settings, at: number): Promise<SsoContactResult> {
  const email = claims.email.trim().toLowerCase();
  const company = claims.company?.trim() || undefined;
  const byExternal = claims.external_id === undefined ? undefined
    : await db.selectFrom('contacts').select(['id', 'external_id', 'company_id']).where('external_id', '=', claims.external_id).executeTakeFirst();
  const row = byExternal
    ?? (await db.selectFrom('contacts').select(['id', 'external_id', 'company_id']).where('email', '=', email).executeTakeFirst());
  if (row && claims.external_id !== undefined && row.external_id !== null && row.external_id !== claims.external_id) {
    return { refused: 'linked-elsewhere' };
  }
  if (!row) {
    if (settings.access.accessGroupIds.length > 0) return { refused: 'no-access' };
    const id = await db.transaction().execute(async (trx) => insertContact(trx, {
      email, name: claims.name?.trim() || email.split('@')[0], companyId: company ? await companyNamed(trx, company) : null,
      accessGroupIds: [], properties: {}, passwordHash: null, externalId: claims.external_id ?? null, createdAt: new Date(at).toISOString(),
    }));
    const created = await readContact(db, id);
    return created ? { contact: created } : { refused: 'no-access' };
  }
  const contact = await readContact(db, row.id);
  if (!contact || !inPortalGroups(settings, contact)) return { refused: 'no-access' };
  if (claims.external_id !== undefined && row.external_id === null) {
    await db.updateTable('contacts').set({ external_id: claims.external_id }).where('id', '=', row.id).execute();
  }
  if (company && row.company_id === null) {
    const companyId = await companyNamed(db, company);
    await db.updateTable('contacts').set({ company_id: companyId }).where('id', '=', row.id).execute();
    return { contact: { ...contact, companyId } };
  }
  return { contact };
}
