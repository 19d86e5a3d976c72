import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import { Id } from '../../src/contract/common.js';
import type { Settings } from '../../src/contract/settings.js';
import type { Db } from '../db/connect.js';
import { readJson } from '../http/body.js';
import { portalLink } from '../http/client.js';
import type { AppEnv } from '../http/context.js';
import { Problem } from '../http/problem.js';
import { idParam } from '../http/ticket-access.js';
import { issueInvitation } from '../store/one-time-tokens.js';
import { contactMailLocale, queueMail } from '../mail/index.js';

export const SendInvitations = z.object({
  /** The number the admin was shown and confirmed; 409 when it changed meanwhile. */
  expectedCount: z.optional(z.int().check(z.minimum(0))),
});
export const GroupMembership = z.object({ accessGroupIds: z.array(Id) });
export const PendingInvitations = z.object({
  count: z.int(),
  contacts: z.array(z.object({ id: Id, email: z.string(), name: z.string() })),
});
export const InvitationsSent = z.object({ sent: z.int() });
export const Membership = z.object({ id: Id, accessGroupIds: z.array(Id), invitationPending: z.boolean() });

const NO_CONTACT = 'No contact has this id.';

/** Whether the portal grants access by group (invitations are sent only then). */
const grantsByGroup = (settings: Settings) => settings.access.mode === 'access-groups' && settings.access.accessGroupIds.length > 0;

/**
 * Contacts an invitation would go to: in an access group of the portal, without a password, and without an
 * invitation that is still open.
 */
async function pendingContacts(db: Db, settings: Settings, at: number, contactId?: number) {
  if (!grantsByGroup(settings)) return [];
  return db.selectFrom('contacts as c')
    .select(['c.id', 'c.email', 'c.name'])
    .where('c.password_hash', 'is', null)
    .$if(contactId !== undefined, (qb) => qb.where('c.id', '=', contactId as number))
    .where((eb) => eb.exists(eb.selectFrom('contact_access_groups as g').select('g.contact_id')
      .whereRef('g.contact_id', '=', 'c.id').where('g.access_group_id', 'in', settings.access.accessGroupIds)))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('invitations as i').select('i.contact_id')
      .whereRef('i.contact_id', '=', 'c.id').where('i.used_at', 'is', null).where('i.expires_at', '>', at))))
    .orderBy('c.id')
    .execute();
}

async function sendInvitation(c: Context<AppEnv>, db: Db, settings: Settings, contact: { id: number; email: string; name: string }, at: number) {
  const token = await issueInvitation(db, contact.id, at);
  const link = portalLink(c, `/invite?token=${token}`);
  const locale = await contactMailLocale(db, contact.id, [settings.defaultLocale]);
  await queueMail(db, { kind: 'invitation', to: contact.email, name: contact.name, locale, portal: settings.name, link }, at);
}

/**
 * Access-group invitations as an explicit admin action: how many would go out (after switching the portal to access
 * groups or adding contacts to a granting group), sending them, resending one, and group membership of a contact.
 */
export const invitationRoutes = new Hono<AppEnv>()
  .get('/admin/invitations/pending', async (c) => {
    const { db, now } = c.get('deps');
    const contacts = await pendingContacts(db, c.get('settings'), now());
    c.header('cache-control', 'no-store');
    return c.json({ count: contacts.length, contacts });
  })
  .post('/admin/invitations', async (c) => {
    const body = await readJson(c, SendInvitations);
    const { db, now } = c.get('deps');
    const settings = c.get('settings');
    const at = now();
    const sent = await db.transaction().execute(async (trx) => {
      const contacts = await pendingContacts(trx, settings, at);
      if (body.expectedCount !== undefined && body.expectedCount !== contacts.length) {
        throw Problem.conflict('The number of invitations changed',
          `${contacts.length} invitations would be sent now, not ${body.expectedCount}. Check the list again.`,
          { slug: 'count-changed', errors: [{ field: 'expectedCount', message: `Now ${contacts.length}.` }] });
      }
      for (const contact of contacts) await sendInvitation(c, trx, settings, contact, at);
      return contacts.length;
    });
    return c.json({ sent });
  })
  .post('/admin/contacts/:id{[0-9]+}/invitation', async (c) => {
    const { db, now } = c.get('deps');
    const id = idParam(c.req.param('id'), NO_CONTACT);
    const contact = await db.selectFrom('contacts').select(['id', 'email', 'name', 'password_hash']).where('id', '=', id).executeTakeFirst();
    if (!contact) throw Problem.notFound(NO_CONTACT);
    if (contact.password_hash !== null) {
      throw Problem.conflict('Already signed up', 'This contact has a password; send a password reset instead.', { slug: 'has-password' });
    }
    const settings = c.get('settings');
    const at = now();
    await db.transaction().execute(async (trx) => {
      // The old links stop working: only the newest invitation signs in.
      await trx.updateTable('invitations').set({ used_at: at }).where('contact_id', '=', id).where('used_at', 'is', null).execute();
      const [pending] = await pendingContacts(trx, settings, at, id);
      if (!pending) throw Problem.validation([{ field: 'id', message: 'The contact is not in an access group that grants access to this portal.' }]);
      await sendInvitation(c, trx, settings, pending, at);
    });
    return c.json({ sent: 1 });
  })
  .put('/admin/contacts/:id{[0-9]+}/access-groups', async (c) => {
    const { db, now } = c.get('deps');
    const id = idParam(c.req.param('id'), NO_CONTACT);
    const body = await readJson(c, GroupMembership);
    if (!(await db.selectFrom('contacts').select('id').where('id', '=', id).executeTakeFirst())) throw Problem.notFound(NO_CONTACT);
    const groupIds = [...new Set(body.accessGroupIds)];
    const found = groupIds.length === 0 ? [] : await db.selectFrom('access_groups').select('id').where('id', 'in', groupIds).execute();
    const missing = groupIds.filter((g) => !found.some((f) => f.id === g));
    if (missing.length > 0) throw Problem.validation([{ field: 'accessGroupIds', message: `Unknown access group: ${missing.join(', ')}.` }]);
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('contact_access_groups').where('contact_id', '=', id).execute();
      if (groupIds.length > 0) await trx.insertInto('contact_access_groups').values(groupIds.map((g) => ({ contact_id: id, access_group_id: g }))).execute();
    });
    const pending = await pendingContacts(db, c.get('settings'), now(), id);
    return c.json({ id, accessGroupIds: groupIds, invitationPending: pending.length > 0 });
  });
