import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { DEFAULT_COLUMNS } from '../../src/contract/settings.js';
import { demoWorld } from '../../src/domain/demo-world.js';
import { isProblem, testServer, type TestServer } from './helpers.js';

const world = demoWorld();
const PRIORITY_FIELD = {
  name: 'priority', label: 'How urgent is it?', type: 'select', required: true,
  options: [{ value: 'low', label: 'It can wait' }, { value: 'high', label: 'Urgent – we are blocked' }],
};

describe('settings take effect (server)', () => {
  let s: TestServer;
  before(async () => { s = await testServer(); });
  after(() => s.close());

  it('closedStageByPipeline names real pipelines and one of their closed stages', async () => {
    const settings = (await s.admin('GET', '/admin/settings')).json;
    const put = (map: Record<string, string>) => s.admin('PUT', '/admin/settings', { ...settings, actions: { ...settings.actions, closedStageByPipeline: map } });
    const open = world.pipelines[0].stages.find((st) => !st.closed)!;
    const bad = await put({ [world.pipelines[0].id]: open.id, nowhere: 'closed' });
    assert.ok(isProblem(bad, 422));
    assert.deepEqual(bad.json.errors.map((e: { field: string }) => e.field).sort(),
      [`actions.closedStageByPipeline.${world.pipelines[0].id}`, 'actions.closedStageByPipeline.nowhere'].sort());
    assert.ok(isProblem(await put({ [world.pipelines[0].id]: 'no-such-stage' }), 422));
    assert.equal((await put(settings.actions.closedStageByPipeline)).status, 200);
  });

  it('defaultInbox names an inbox of the helpdesk', async () => {
    const settings = (await s.admin('GET', '/admin/settings')).json;
    assert.deepEqual((await s.admin('GET', '/admin/inboxes')).json.map((i: { name: string }) => i.name).sort(), ['Billing', 'Support']);
    const bad = await s.admin('PUT', '/admin/settings', { ...settings, defaultInbox: 'Sales' });
    assert.ok(isProblem(bad, 422));
    assert.deepEqual(bad.json.errors.map((e: { field: string }) => e.field), ['defaultInbox']);
    assert.equal((await s.admin('POST', '/admin/inboxes', { name: 'Sales' })).status, 201);
    assert.ok(isProblem(await s.admin('POST', '/admin/inboxes', { name: 'Sales' }), 409));
    assert.equal((await s.admin('PUT', '/admin/settings', { ...settings, defaultInbox: 'Sales' })).status, 200);
    assert.equal((await s.admin('PUT', '/admin/settings', settings)).status, 200);
  });

  it('an empty column list means the default columns in the list settings, the facets and the CSV', async () => {
    const restore = await s.patchSettings((x) => ({ ...x, columns: [] }));
    try {
      assert.deepEqual((await s.call('GET', '/portal')).json.columns, DEFAULT_COLUMNS);
      const cookie = await s.login();
      const csv = (await s.call('GET', '/tickets/export.csv?status=all', { cookie })).text.replace(/^\uFEFF/, '');
      const [header, first] = csv.split('\r\n');
      assert.equal(header.split(',').length, DEFAULT_COLUMNS.length);
      assert.match(header, /Subject/);
      assert.ok(first.split(',').some((cell) => cell.length > 0), 'rows are not blank');
    } finally {
      await restore();
    }
  });

  it('`locales` limits the languages whose texts the portal offers', async () => {
    const restore = await s.patchSettings((x) => ({ ...x, locales: ['en', 'sv'] }));
    try {
      assert.equal((await s.call('GET', '/portal?locale=sv')).json.name, world.settings.translations!.sv!.name);
      assert.equal((await s.call('GET', '/portal?locale=de')).json.name, world.settings.name);
    } finally {
      await restore();
    }
  });

  it('the support form may ask for the priority with the admin\'s labels; system fields stay refused', async () => {
    const settings = (await s.admin('GET', '/admin/settings')).json;
    const withField = (field: object) => ({ ...settings, supportForm: { ...settings.supportForm, fields: [...settings.supportForm.fields, field] } });
    for (const name of ['ownerId', 'contactId', 'companyId', 'createdAt', 'id', 'pipeline', 'stage']) {
      const refused = await s.admin('PUT', '/admin/settings', withField({ name, label: name, type: 'text' }));
      assert.ok(isProblem(refused, 422), name);
    }
    assert.ok(isProblem(await s.admin('PUT', '/admin/settings', withField({ ...PRIORITY_FIELD, type: 'text', options: undefined })), 422));
    assert.equal((await s.admin('PUT', '/admin/settings', withField(PRIORITY_FIELD))).status, 200);
    try {
      const cookie = await s.login();
      const form = (await s.call('GET', '/forms/support', { cookie })).json;
      assert.deepEqual(form.fields.find((f: { name: string }) => f.name === 'priority').options.map((o: { label: string }) => o.label), ['It can wait', 'Urgent – we are blocked']);
      const body = new FormData();
      for (const [k, v] of Object.entries({ subject: 'Printer on fire', category: 'technical', impact: 'me', content: 'Smoke everywhere, please help.', priority: 'high' })) body.set(k, v);
      const created = await fetch(`${s.url}/api/v1/tickets`, { method: 'POST', body, headers: { cookie, 'x-portal-request': '1', 'idempotency-key': 'priority-form-1' } });
      assert.equal(created.status, 201, await created.clone().text());
      const id = (await created.json()).id;
      const ticket = (await s.admin('GET', `/admin/tickets/${id}`)).json;
      assert.equal(ticket.priority, 'high');
      assert.equal(ticket.properties.priority, undefined);
      const wrong = new FormData();
      for (const [k, v] of Object.entries({ subject: 'x', category: 'technical', impact: 'me', content: 'Long enough text here.', priority: 'critical' })) wrong.set(k, v);
      const refused = await fetch(`${s.url}/api/v1/tickets`, { method: 'POST', body: wrong, headers: { cookie, 'x-portal-request': '1', 'idempotency-key': 'priority-form-2' } });
      assert.equal(refused.status, 422);
      assert.ok((await refused.json()).errors.some((e: { field: string }) => e.field === 'priority'));
    } finally {
      await s.admin('PUT', '/admin/settings', settings);
    }
  });

  it('a pipeline field, once marked customer-settable, routes the new ticket to the chosen pipeline', async () => {
    const settings = (await s.admin('GET', '/admin/settings')).json;
    const field = { name: 'pipeline', label: 'What is it about?', type: 'radio', required: true, options: world.pipelines.map((p) => ({ value: p.id, label: p.label })) };
    const withField = (extra: object) => ({ ...settings, supportForm: { ...settings.supportForm, ...extra, fields: [...settings.supportForm.fields, field] } });
    assert.ok(isProblem(await s.admin('PUT', '/admin/settings', withField({})), 422), 'not marked');
    const unknown = await s.admin('PUT', '/admin/settings', { ...withField({ customerSettableFields: ['pipeline'] }),
      supportForm: { ...settings.supportForm, customerSettableFields: ['pipeline'], fields: [...settings.supportForm.fields, { ...field, options: [{ value: 'nowhere', label: 'X' }] }] } });
    assert.ok(isProblem(unknown, 422));
    assert.equal(unknown.json.errors[0].field, `supportForm.fields.${settings.supportForm.fields.length}.options.0.value`);
    assert.equal((await s.admin('PUT', '/admin/settings', withField({ customerSettableFields: ['pipeline'] }))).status, 200);
    try {
      const cookie = await s.login();
      const body = new FormData();
      const second = world.pipelines[1];
      for (const [k, v] of Object.entries({ subject: 'Invoice question', category: 'billing', orderNumber: 'ORD-123456', impact: 'me', content: 'Why was I charged twice?', pipeline: second.id })) body.set(k, v);
      const created = await fetch(`${s.url}/api/v1/tickets`, { method: 'POST', body, headers: { cookie, 'x-portal-request': '1', 'idempotency-key': 'pipeline-form-1' } });
      assert.equal(created.status, 201, await created.clone().text());
      const ticket = (await s.admin('GET', `/admin/tickets/${(await created.json()).id}`)).json;
      assert.equal(ticket.pipeline, second.id);
      assert.equal(ticket.stage, second.stages[0].id);
      assert.equal(ticket.properties.pipeline, undefined);
    } finally {
      await s.admin('PUT', '/admin/settings', settings);
    }
  });

  it('customers can turn reply emails off; emails speak the language they chose', async () => {
    const cookie = await s.login();
    const ticket = world.tickets.find((t) => t.contactId === 1 && world.messages.some((m) => m.ticketId === t.id && !m.internal))!;
    const answer = () => s.admin('POST', `/admin/tickets/${ticket.id}/messages`, { author: 'agent', authorId: 1, body: '<p>Update for you</p>' });
    assert.deepEqual((await s.call('GET', '/me/preferences', { cookie })).json, { replyEmails: true, locale: null });
    assert.equal((await s.call('PUT', '/me/preferences', { cookie, body: { replyEmails: true, locale: 'sv' } })).status, 200);
    const before = (await s.outbox()).length;
    await answer();
    const mail = (await s.outbox()).at(-1)!;
    assert.equal((await s.outbox()).length, before + 1);
    assert.equal(mail.subject, `Nytt svar på ditt ärende #${ticket.id}: ${ticket.subject}`);
    // The same template as every email: the lead in Swedish with the portal's Swedish name, the reply quoted as text,
    // the link to the ticket on its own line, the opt-out note (the HTML part is read from SMTP in mail.test.ts).
    const portal = (await s.admin('GET', '/admin/settings')).json.translations.sv.name;
    const agent = world.agents.find((a) => a.id === 1)!;
    assert.equal(mail.text, `${agent.firstName} ${agent.lastName} har svarat på ditt ärende hos ${portal}:\n\nUpdate for you\n\n`
      + `Läs och svara på ditt ärende här:\n\n${mail.link}\n\nDu kan stänga av de här e-postmeddelandena i portalen under ”E-postaviseringar”.`);
    assert.match(mail.link ?? '', new RegExp(`#/tickets/${ticket.id}$`));
    assert.ok(isProblem(await s.call('PUT', '/me/preferences', { cookie, body: { replyEmails: true, locale: 'fi' } }), 422));
    assert.equal((await s.call('PUT', '/me/preferences', { cookie, body: { replyEmails: false, locale: 'sv' } })).status, 200);
    await answer();
    assert.equal((await s.outbox()).length, before + 1, 'no email once turned off');
    assert.ok(isProblem(await s.call('GET', '/me/preferences'), 401));
  });

  it('a refused single sign-on sends a browser to the sign-in view with a reason, API clients get the problem', async () => {
    const SECRET = 'a-long-enough-shared-secret-123';
    const restore = await s.patchSettings((x) => ({
      ...x, access: { ...x.access, mode: 'sso', accessGroupIds: [2],
        sso: { label: 'ID', startUrl: 'https://id.example/start', jwt: { secret: SECRET }, returnToAllowList: [] } },
    }));
    try {
      const sign = (email: string) => new SignJWT({ email, name: 'Out Sider', jti: `r-${email}-${Math.random()}` })
        .setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('5m').sign(new TextEncoder().encode(SECRET));
      const html = { accept: 'text/html,application/xhtml+xml' };
      const denied = await s.call('GET', `/auth/sso/jwt?jwt=${await sign('outsider@example.com')}`, { headers: html });
      assert.equal(denied.status, 303);
      assert.match(denied.headers.get('location')!, /\/portal\.html#\/signin\?error=access-denied$/);
      const broken = await s.call('GET', '/auth/sso/jwt?jwt=not-a-jwt', { headers: html });
      assert.match(broken.headers.get('location')!, /#\/signin\?error=sso-failed$/);
      assert.ok(isProblem(await s.call('GET', `/auth/sso/jwt?jwt=${await sign('other@example.com')}`), 403));
    } finally {
      await restore();
    }
  });
});
