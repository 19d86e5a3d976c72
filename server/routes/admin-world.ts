import { Hono } from 'hono';
import { Settings } from '../../src/contract/settings.js';
import { ssoSettingsProblems } from '../../src/domain/sso-rules.js';
import { definitionProblems } from '../../src/domain/form-validation.js';
import { hashPassword } from '../auth/passwords.js';
import { readJson } from '../http/body.js';
import { portalLink } from '../http/client.js';
import type { AppEnv } from '../http/context.js';
import { Problem } from '../http/problem.js';
import { AccessGroupInput, AgentInput, CompanyInput, ContactInput } from '../schemas/admin.js';
import { insertAgent } from '../store/agents.js';
import { insertContact } from '../store/contacts.js';
import { issueInvitation } from '../store/one-time-tokens.js';
import { contactMailLocale, queueMail } from '../mail/index.js';
import { readOutbox } from '../store/outbox.js';
import { readPipelines } from '../store/pipelines.js';
import { writeSettings } from '../store/settings.js';
import { worldProblems } from '../http/settings-checks.js';

/** Admin API: settings, companies, access groups, contacts, agents, outbox, pipelines. */
export const adminWorldRoutes = new Hono<AppEnv>()
  .get('/admin/settings', (c) => c.json(c.get('settings')))
  .put('/admin/settings', async (c) => {
    const settings = await readJson(c, Settings);
    const formProblems = definitionProblems(settings.supportForm.fields, settings.supportForm.customerSettableFields ?? []);
    if (formProblems.length > 0) {
      throw Problem.validation(formProblems.map((p) => ({ field: `supportForm.${p.path}`, message: p.message })), 'The support form definition is not valid.');
    }
    const ssoProblems = ssoSettingsProblems(settings);
    if (ssoProblems.length > 0) throw Problem.validation(ssoProblems, 'The single sign-on settings are not safe.');
    const { db, now } = c.get('deps');
    const inboxes = (await db.selectFrom('inboxes').select('name').orderBy('name').execute()).map((r) => r.name);
    const worldErrors = worldProblems(settings, await readPipelines(db), inboxes);
    if (worldErrors.length > 0) throw Problem.validation(worldErrors, 'The settings name an inbox or stages that cannot be used.');
    await writeSettings(db, settings, now());
    return c.json(settings);
  })
  .post('/admin/companies', async (c) => {
    const body = await readJson(c, CompanyInput);
    const row = await c.get('deps').db.insertInto('companies')
      .values({ name: body.name, domain: body.domain || null }).returning('id').executeTakeFirstOrThrow();
    return c.json({ id: row.id }, 201);
  })
  .post('/admin/access-groups', async (c) => {
    const body = await readJson(c, AccessGroupInput);
    const row = await c.get('deps').db.insertInto('access_groups').values({ name: body.name }).returning('id').executeTakeFirstOrThrow();
    return c.json({ id: row.id }, 201);
  })
  .post('/admin/contacts', async (c) => {
    const body = await readJson(c, ContactInput);
    const { db, now } = c.get('deps');
    const email = body.email.trim().toLowerCase();
    if (await db.selectFrom('contacts').select('id').where('email', '=', email).executeTakeFirst()) {
      throw Problem.conflict('Email already in use', 'A contact with this email exists.', { errors: [{ field: 'email', message: 'A contact with this email exists.' }] });
    }
    if (body.externalId && (await db.selectFrom('contacts').select('id').where('external_id', '=', body.externalId).executeTakeFirst())) {
      throw Problem.conflict('External id already in use', 'A contact with this external id exists.', { errors: [{ field: 'externalId', message: 'A contact with this external id exists.' }] });
    }
    const companyId = body.companyId ?? null;
    if (companyId !== null && !(await db.selectFrom('companies').select('id').where('id', '=', companyId).executeTakeFirst())) {
      throw Problem.validation([{ field: 'companyId', message: 'No company has this id.' }]);
    }
    const groupIds = [...new Set(body.accessGroupIds ?? [])];
    if (groupIds.length > 0) {
      const found = await db.selectFrom('access_groups').select('id').where('id', 'in', groupIds).execute();
      const missing = groupIds.filter((id) => !found.some((g) => g.id === id));
      if (missing.length > 0) throw Problem.validation([{ field: 'accessGroupIds', message: `Unknown access group: ${missing.join(', ')}.` }]);
    }
    const passwordHash = body.password ? await hashPassword(body.password, c.get('deps').scrypt) : null;
    const settings = c.get('settings');
    const at = now();
    const id = await db.transaction().execute(async (trx) => {
      const contactId = await insertContact(trx, {
        email, name: body.name, companyId, accessGroupIds: groupIds, properties: body.properties ?? {}, passwordHash,
        externalId: body.externalId ?? null, createdAt: new Date(at).toISOString(),
      });
      if (passwordHash === null && groupIds.some((g) => settings.access.accessGroupIds.includes(g))) {
        const token = await issueInvitation(trx, contactId, at);
        const link = portalLink(c, `/invite?token=${token}`);
        const locale = await contactMailLocale(trx, contactId, [settings.defaultLocale]);
        await queueMail(trx, { kind: 'invitation', to: email, name: body.name, locale, portal: settings.name, link }, at);
      }
      return contactId;
    });
    return c.json({ id }, 201);
  })
  .post('/admin/agents', async (c) => {
    const body = await readJson(c, AgentInput);
    if (body.firstName === '' && body.lastName === '') {
      throw Problem.validation([{ field: 'firstName', message: 'An agent needs a first or a last name.' }]);
    }
    const id = await insertAgent(c.get('deps').db, { firstName: body.firstName, lastName: body.lastName, alias: body.alias ?? null });
    return c.json({ id }, 201);
  })
  .get('/admin/outbox', async (c) => {
    const { entries, total } = await readOutbox(c.get('deps').db, c.req.query('offset'), c.req.query('limit'));
    c.header('x-total-count', String(total));
    return c.json(entries);
  })
  .get('/admin/pipelines', async (c) => c.json(await readPipelines(c.get('deps').db)));
