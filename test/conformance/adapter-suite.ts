import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PortalAdapter } from '../../src/contract/adapter.js';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '../../src/contract/errors.js';
import type { Settings } from '../../src/contract/settings.js';
import { DEFAULT_QUERY, type TicketQuery } from '../../src/contract/tickets.js';
import { DEMO_SIGN_IN, demoWorld } from '../../src/domain/demo-world.js';

/** Makes an adapter over the demo world, with the settings changed by `configure`, signed out. */
export type AdapterFactory = (configure?: (settings: Settings) => Settings) => Promise<PortalAdapter>;

const query = (q: Partial<TicketQuery> = {}): TicketQuery => ({ ...DEFAULT_QUERY, ...q });

/** Expected values, computed from the demo world directly (not through the domain functions under test). */
const world = demoWorld();
const anna = world.contacts.find((c) => c.email === DEMO_SIGN_IN.email)!;
const annasTickets = world.tickets.filter((t) => t.contactId === anna.id);
const companyTickets = world.tickets.filter((t) => t.companyId === anna.companyId);
const closedStages = new Set(world.pipelines.flatMap((p) => p.stages.filter((s) => s.closed).map((s) => `${p.id}/${s.id}`)));

async function signedIn(make: AdapterFactory, configure?: (s: Settings) => Settings) {
  const adapter = await make(configure);
  await adapter.signIn(DEMO_SIGN_IN);
  return adapter;
}

/**
 * One suite every adapter must pass: same answers and same typed errors from the MemoryAdapter and from the
 * HttpAdapter talking to the reference server.
 */
export function adapterConformance(name: string, make: AdapterFactory) {
  describe(`${name} conforms to the PortalAdapter contract`, () => {
    describe('settings', () => {
      it('answers the public settings of the portal', async () => {
        const settings = await (await make()).getSettings();
        assert.equal(settings.name, 'Nordlicht Help Center');
        assert.equal(settings.enabled, true);
        assert.deepEqual(settings.ticketLabel, { singular: 'Ticket', plural: 'Tickets' });
        assert.equal(settings.auth.selfRegistration, true);
        assert.equal(settings.auth.sso, null);
        assert.deepEqual(settings.supportForm, { menuText: 'Submit a ticket', headerText: 'How can we help?' });
      });

      it("answers the admin's texts in the requested language", async () => {
        const settings = await (await make()).getSettings({ locale: 'sv' });
        assert.equal(settings.name, 'Nordlicht Hjälpcenter');
        assert.deepEqual(settings.ticketLabel, { singular: 'Ärende', plural: 'Ärenden' });
      });

      it('reports a switched-off portal', async () => {
        const settings = await (await make((s) => ({ ...s, enabled: false }))).getSettings();
        assert.equal(settings.enabled, false);
      });

      it('keeps secrets out of the public settings', async () => {
        const adapter = await make((s) => ({
          ...s,
          access: { ...s.access, mode: 'sso', sso: { label: 'Acme ID', startUrl: 'https://id.acme.example/start', jwt: { secret: 'a-very-secret-shared-key' }, returnToAllowList: [] } },
        }));
        const settings = await adapter.getSettings();
        assert.deepEqual(settings.auth.sso, { label: 'Acme ID', startUrl: 'https://id.acme.example/start' });
        assert.equal(JSON.stringify(settings).includes('a-very-secret-shared-key'), false);
      });
    });

    describe('session', () => {
      it('has no session before sign-in, and refuses the ticket list', async () => {
        const adapter = await make();
        assert.equal(await adapter.getSession(), null);
        await assert.rejects(adapter.listTickets(query()), UnauthenticatedError);
      });

      it('refuses a wrong password and an unknown email with the same error', async () => {
        const adapter = await make();
        const wrong = await adapter.signIn({ email: DEMO_SIGN_IN.email, password: 'not-the-password' }).catch((e: unknown) => e);
        const unknown = await adapter.signIn({ email: 'nobody@nowhere.example', password: 'not-the-password' }).catch((e: unknown) => e);
        assert.ok(wrong instanceof UnauthenticatedError);
        assert.ok(unknown instanceof UnauthenticatedError);
        assert.equal((wrong as Error).message, (unknown as Error).message);
      });

      it('signs in, tells who is signed in and what they may see, and signs out', async () => {
        const adapter = await make();
        const session = await adapter.signIn(DEMO_SIGN_IN);
        assert.equal(session.user.email, DEMO_SIGN_IN.email);
        assert.equal(session.user.companyId, anna.companyId);
        assert.equal(session.canViewCompany, true);
        assert.equal(session.idleTimeoutSeconds, 60 * 60);
        assert.ok(Date.parse(session.expiresAt) > Date.now());
        assert.equal((await adapter.getSession())?.user.email, DEMO_SIGN_IN.email);
        await adapter.signOut();
        assert.equal(await adapter.getSession(), null);
      });

      it('gives no company permission when the portal shows own tickets only', async () => {
        const session = await (await make((s) => ({ ...s, permissions: { mode: 'own' } }))).signIn(DEMO_SIGN_IN);
        assert.equal(session.canViewCompany, false);
      });
    });

    describe('ticket list', () => {
      it('lists exactly the own tickets in the "mine" view', async () => {
        const page = await (await signedIn(make)).listTickets(query({ pageSize: 100 }));
        assert.equal(page.total, annasTickets.length);
        assert.deepEqual(page.items.map((t) => t.id).sort((a, b) => a - b), annasTickets.map((t) => t.id).sort((a, b) => a - b));
        assert.ok(page.items.every((t) => t.contactId === anna.id && t.requesterName === 'Anna Berg'));
      });

      it("lists the company's tickets in the company view", async () => {
        const page = await (await signedIn(make)).listTickets(query({ view: 'company', pageSize: 100 }));
        assert.equal(page.total, companyTickets.length);
        assert.ok(page.items.every((t) => t.companyId === anna.companyId));
        assert.ok(page.items.some((t) => t.contactId !== anna.id), 'colleagues tickets are included');
      });

      it('refuses the company view without company permission', async () => {
        const adapter = await signedIn(make, (s) => ({ ...s, permissions: { mode: 'own' } }));
        await assert.rejects(adapter.listTickets(query({ view: 'company' })), ForbiddenError);
      });

      it('applies the visibility rules', async () => {
        const adapter = await signedIn(make, (s) => ({
          ...s, visibility: { any: [{ all: [{ property: 'pipeline', operator: 'eq', value: 'billing' }] }] },
        }));
        const page = await adapter.listTickets(query({ view: 'company', pageSize: 100 }));
        assert.equal(page.total, companyTickets.filter((t) => t.pipeline === 'billing').length);
        assert.ok(page.items.every((t) => t.pipeline === 'billing'));
      });

      it('filters by status, sorts and pages consistently', async () => {
        const adapter = await signedIn(make);
        const open = await adapter.listTickets(query({ view: 'company', status: 'open', pageSize: 100 }));
        assert.equal(open.total, companyTickets.filter((t) => !closedStages.has(`${t.pipeline}/${t.stage}`)).length);
        assert.ok(open.items.every((t) => !t.status.closed && t.status.label === 'Open'));
        const seen: number[] = [];
        for (let page = 1; page <= Math.ceil(companyTickets.length / 4); page++) {
          const p = await adapter.listTickets(query({ view: 'company', sort: 'id', order: 'asc', page, pageSize: 4 }));
          assert.equal(p.total, companyTickets.length);
          seen.push(...p.items.map((t) => t.id));
        }
        assert.deepEqual(seen, companyTickets.map((t) => t.id).sort((a, b) => a - b));
      });

      it('searches subjects case-insensitively and by ticket number', async () => {
        const adapter = await signedIn(make);
        const word = companyTickets[0].subject.split(' ')[1].toUpperCase();
        const hits = await adapter.listTickets(query({ view: 'company', q: word, pageSize: 100 }));
        assert.equal(hits.total, companyTickets.filter((t) => t.subject.toLowerCase().includes(word.toLowerCase())).length);
        const byId = await adapter.listTickets(query({ view: 'company', q: `#${companyTickets[0].id}` }));
        assert.deepEqual(byId.items.map((t) => t.id), [companyTickets[0].id]);
      });

      it("never reveals another company's ticket through a filter", async () => {
        const foreign = world.tickets.find((t) => t.companyId !== anna.companyId)!;
        const page = await (await signedIn(make)).listTickets(query({ view: 'company', filters: { id: String(foreign.id) } }));
        assert.equal(page.total, 0);
        assert.deepEqual(page.items, []);
      });

      it('refuses a filter by a property customers are not shown, naming the parameter (list and export)', async () => {
        // The demo tickets carry `product`, which is neither a column nor a form field.
        const adapter = await signedIn(make);
        for (const call of [() => adapter.listTickets(query({ filters: { product: 'Cloud' } })), () => adapter.exportTickets(query({ filters: { product: 'Cloud' } }))]) {
          const error = await call().catch((e: unknown) => e);
          assert.ok(error instanceof ValidationError, String(error));
          assert.deepEqual(error.fieldErrors.map((f) => f.field), ['filter[product]']);
        }
        const shown = await signedIn(make, (s) => ({ ...s, columns: [...s.columns, 'product'] }));
        const page = await shown.listTickets(query({ view: 'company', filters: { product: 'Cloud' }, pageSize: 100 }));
        assert.deepEqual(page.items.map((t) => t.id).sort((a, b) => a - b),
          companyTickets.filter((t) => t.properties.product === 'Cloud').map((t) => t.id).sort((a, b) => a - b));
      });

      it('refuses a page size over 100 with a validation error naming the field', async () => {
        const error = await (await signedIn(make)).listTickets(query({ pageSize: 500 })).catch((e: unknown) => e);
        assert.ok(error instanceof ValidationError);
        assert.ok(error.fieldErrors.some((f) => f.field === 'pageSize'));
      });
    });
  });
}

/** Registration and sign-out, through both adapters. */
export function registrationConformance(name: string, make: AdapterFactory) {
  describe(`${name}: registration`, () => {
    it('registers a new contact with consent and signs them in', async () => {
      const adapter = await make();
      const result = await adapter.register({ name: 'Nina Neu', email: 'nina@new.example', password: 'a-long-password', consent: true });
      assert.ok('user' in result);
      assert.equal(result.user.email, 'nina@new.example');
      assert.equal(result.user.companyId, null);
      assert.equal(result.canViewCompany, false);
      assert.equal((await adapter.getSession())?.user.name, 'Nina Neu');
      const page = await adapter.listTickets(query());
      assert.equal(page.total, 0);
    });

    it('never signs in or changes an existing account by registering its address', async () => {
      const adapter = await make();
      const result = await adapter.register({ name: 'Mallory', email: DEMO_SIGN_IN.email, password: 'attacker-password', consent: true });
      assert.deepEqual(result, { status: 'check-email' });
      assert.equal(await adapter.getSession(), null);
      await assert.rejects(adapter.signIn({ email: DEMO_SIGN_IN.email, password: 'attacker-password' }), UnauthenticatedError);
      assert.equal((await adapter.signIn(DEMO_SIGN_IN)).user.email, DEMO_SIGN_IN.email);
    });

    it('with email confirmation, answers new and known addresses alike and signs nobody in until the address is confirmed', async () => {
      const adapter = await make((s) => ({ ...s, access: { ...s.access, mode: 'self-registration', registrationConfirmation: 'email' } }));
      const fresh = await adapter.register({ name: 'Nora Neu', email: 'nora@new.example', password: 'a-long-password', consent: true });
      const known = await adapter.register({ name: 'Mallory', email: DEMO_SIGN_IN.email, password: 'attacker-password', consent: true });
      assert.deepEqual(fresh, { status: 'check-email' });
      assert.deepEqual(known, fresh);
      assert.equal(await adapter.getSession(), null);
      const unconfirmed = await adapter.signIn({ email: 'nora@new.example', password: 'a-long-password' }).catch((e: unknown) => e);
      assert.ok(unconfirmed instanceof ForbiddenError, String(unconfirmed));
      assert.equal(unconfirmed.reason, 'unconfirmed');
      await assert.rejects(adapter.signIn({ email: 'nora@new.example', password: 'another-password' }), UnauthenticatedError);
      await assert.rejects(adapter.signIn({ email: DEMO_SIGN_IN.email, password: 'attacker-password' }), UnauthenticatedError);
    });

    it('refuses registration without consent, naming the field', async () => {
      const adapter = await make();
      const error = await adapter.register({ name: 'X', email: 'x@new.example', password: 'a-long-password', consent: false as true }).catch((e: unknown) => e);
      assert.ok(error instanceof ValidationError);
      assert.ok(error.fieldErrors.some((f) => f.field === 'consent'));
    });

    it('refuses registration when the portal does not allow it', async () => {
      const adapter = await make((s) => ({ ...s, access: { ...s.access, mode: 'access-groups', accessGroupIds: [1] } }));
      await assert.rejects(adapter.register({ name: 'X', email: 'x2@new.example', password: 'a-long-password', consent: true }), ForbiddenError);
    });

    it('lets only access-group members in, in access-groups mode', async () => {
      const adapter = await make((s) => ({ ...s, access: { ...s.access, mode: 'access-groups', accessGroupIds: [2] } }));
      await assert.rejects(adapter.signIn(DEMO_SIGN_IN), ForbiddenError);
      const members = await make((s) => ({ ...s, access: { ...s.access, mode: 'access-groups', accessGroupIds: [1] } }));
      assert.equal((await members.signIn(DEMO_SIGN_IN)).user.email, DEMO_SIGN_IN.email);
    });
  });
}
