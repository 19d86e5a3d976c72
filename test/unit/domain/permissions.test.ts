import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FilterGroups } from '../../../src/contract/filters.js';
import { demoWorld } from '../../../src/domain/demo-world.js';
import { canViewCompany, inScope, maySeeTicket, passesVisibility, scopeFor } from '../../../src/domain/permissions.js';
import { makeContact, makeTicket, rules } from './fixtures.js';

const admins: FilterGroups = { any: [{ all: [{ property: 'role', operator: 'eq', value: 'admin' }] }] };
const adminsOrDanes: FilterGroups = {
  any: [
    { all: [{ property: 'role', operator: 'eq', value: 'admin' }] },
    { all: [{ property: 'country', operator: 'eq', value: 'dk' }] },
  ],
};

const admin = makeContact({ id: 1, companyId: 10, properties: { role: 'Admin', country: 'DE' } });
const member = makeContact({ id: 2, companyId: 10, properties: { role: 'member', country: 'DE' } });
const dane = makeContact({ id: 3, companyId: 20, properties: { role: 'member', country: 'DK' } });
const loner = makeContact({ id: 4, companyId: null, properties: { role: 'admin' } });

describe('canViewCompany', () => {
  it('own mode never grants company view', () => {
    for (const contact of [admin, member, dane, loner]) assert.equal(canViewCompany(rules('own'), contact), false);
  });
  it('company mode grants it to every contact with a company', () => {
    assert.equal(canViewCompany(rules('company'), admin), true);
    assert.equal(canViewCompany(rules('company'), member), true);
    assert.equal(canViewCompany(rules('company'), dane), true);
  });
  it('a contact without a company never gets company view, in any mode', () => {
    assert.equal(canViewCompany(rules('company'), loner), false);
    assert.equal(canViewCompany(rules('company-for-group', admins), loner), false);
    assert.equal(canViewCompany(rules('company-for-group', { any: [{ all: [] }] }), loner), false);
  });
  it('company-for-group grants it only to contacts matching the contact-property groups', () => {
    const r = rules('company-for-group', admins);
    assert.equal(canViewCompany(r, admin), true, 'role Admin matches admin case-insensitively');
    assert.equal(canViewCompany(r, member), false);
    assert.equal(canViewCompany(r, dane), false);
    const r2 = rules('company-for-group', adminsOrDanes);
    assert.equal(canViewCompany(r2, admin), true);
    assert.equal(canViewCompany(r2, member), false);
    assert.equal(canViewCompany(r2, dane), true);
  });
  it('company-for-group can test built-in contact fields', () => {
    const byEmail: FilterGroups = { any: [{ all: [{ property: 'email', operator: 'contains', value: 'C2@' }] }] };
    assert.equal(canViewCompany(rules('company-for-group', byEmail), member), true);
    assert.equal(canViewCompany(rules('company-for-group', byEmail), admin), false);
    const byCompany: FilterGroups = { any: [{ all: [{ property: 'companyId', operator: 'eq', value: 20 }] }] };
    assert.equal(canViewCompany(rules('company-for-group', byCompany), dane), true);
    assert.equal(canViewCompany(rules('company-for-group', byCompany), admin), false);
  });
  it('company-for-group without a group, or with an empty any, grants nobody; an empty all grants everybody with a company', () => {
    assert.equal(canViewCompany(rules('company-for-group'), admin), false);
    assert.equal(canViewCompany(rules('company-for-group', { any: [] }), admin), false);
    assert.equal(canViewCompany(rules('company-for-group', { any: [{ all: [] }] }), member), true);
  });
});

describe('scopeFor', () => {
  it('the mine view is always the contact’s own tickets', () => {
    for (const r of [rules('own'), rules('company'), rules('company-for-group', admins)]) {
      for (const contact of [admin, member, loner]) {
        assert.deepEqual(scopeFor(r, contact, 'mine'), { kind: 'contact', contactId: contact.id });
      }
    }
  });
  it('the company view is the contact’s company when permitted', () => {
    assert.deepEqual(scopeFor(rules('company'), dane, 'company'), { kind: 'company', companyId: 20 });
    assert.deepEqual(scopeFor(rules('company-for-group', admins), admin, 'company'), { kind: 'company', companyId: 10 });
  });
  it('the company view is null when not permitted', () => {
    assert.equal(scopeFor(rules('own'), admin, 'company'), null);
    assert.equal(scopeFor(rules('company-for-group', admins), member, 'company'), null);
    assert.equal(scopeFor(rules('company'), loner, 'company'), null, 'contact without company');
    assert.equal(scopeFor(rules('company-for-group', { any: [{ all: [] }] }), loner, 'company'), null);
  });
});

describe('inScope', () => {
  const t = makeTicket({ id: 1, contactId: 2, companyId: 10 });
  const orphan = makeTicket({ id: 2, contactId: 4, companyId: null });
  it('contact scope matches by requester', () => {
    assert.equal(inScope({ kind: 'contact', contactId: 2 }, t), true);
    assert.equal(inScope({ kind: 'contact', contactId: 1 }, t), false);
    assert.equal(inScope({ kind: 'contact', contactId: 4 }, orphan), true);
  });
  it('company scope matches by company; company-less tickets are in no company scope', () => {
    assert.equal(inScope({ kind: 'company', companyId: 10 }, t), true);
    assert.equal(inScope({ kind: 'company', companyId: 20 }, t), false);
    assert.equal(inScope({ kind: 'company', companyId: 10 }, orphan), false);
  });
});

describe('passesVisibility', () => {
  const support = makeTicket({ id: 1, pipeline: 'support', priority: 'high', properties: { region: 'EU' } });
  const billing = makeTicket({ id: 2, pipeline: 'billing', priority: null, properties: {} });
  it('no rules: everything is visible', () => {
    assert.equal(passesVisibility(rules('own'), support), true);
    assert.equal(passesVisibility(rules('own'), billing), true);
  });
  it('rules over core and custom ticket properties', () => {
    const onlySupport = rules('own', undefined, { any: [{ all: [{ property: 'pipeline', operator: 'eq', value: 'Support' }] }] });
    assert.equal(passesVisibility(onlySupport, support), true);
    assert.equal(passesVisibility(onlySupport, billing), false);
    const euOrNoPriority = rules('own', undefined, {
      any: [
        { all: [{ property: 'region', operator: 'eq', value: 'eu' }] },
        { all: [{ property: 'priority', operator: 'unknown' }] },
      ],
    });
    assert.equal(passesVisibility(euOrNoPriority, support), true);
    assert.equal(passesVisibility(euOrNoPriority, billing), true);
    const euAndBilling = rules('own', undefined, {
      any: [{ all: [{ property: 'region', operator: 'eq', value: 'eu' }, { property: 'pipeline', operator: 'eq', value: 'billing' }] }],
    });
    assert.equal(passesVisibility(euAndBilling, support), false);
    assert.equal(passesVisibility(euAndBilling, billing), false);
  });
  it('an empty any hides everything', () => {
    const none = rules('company', undefined, { any: [] });
    assert.equal(passesVisibility(none, support), false);
    assert.equal(passesVisibility(none, billing), false);
  });
});

describe('maySeeTicket', () => {
  const own = makeTicket({ id: 1, contactId: admin.id, companyId: 10 });
  const colleagues = makeTicket({ id: 2, contactId: member.id, companyId: 10 });
  const foreign = makeTicket({ id: 3, contactId: dane.id, companyId: 20 });
  const orphan = makeTicket({ id: 4, contactId: 99, companyId: null });
  const billingOwn = makeTicket({ id: 5, contactId: admin.id, companyId: 10, pipeline: 'billing' });
  const supportOnly: FilterGroups = { any: [{ all: [{ property: 'pipeline', operator: 'eq', value: 'support' }] }] };

  it('own tickets are always visible (within visibility rules)', () => {
    for (const r of [rules('own'), rules('company'), rules('company-for-group', admins)]) {
      assert.equal(maySeeTicket(r, admin, own), true);
      assert.equal(maySeeTicket(r, member, colleagues), true);
    }
    assert.equal(maySeeTicket(rules('own'), loner, makeTicket({ id: 9, contactId: loner.id, companyId: null })), true);
  });
  it('company tickets only with company permission', () => {
    assert.equal(maySeeTicket(rules('own'), admin, colleagues), false);
    assert.equal(maySeeTicket(rules('company'), admin, colleagues), true);
    assert.equal(maySeeTicket(rules('company-for-group', admins), admin, colleagues), true);
    assert.equal(maySeeTicket(rules('company-for-group', admins), member, own), false);
  });
  it('foreign companies’ and company-less tickets are never visible', () => {
    for (const r of [rules('own'), rules('company'), rules('company-for-group', { any: [{ all: [] }] })]) {
      assert.equal(maySeeTicket(r, admin, foreign), false);
      assert.equal(maySeeTicket(r, admin, orphan), false);
      assert.equal(maySeeTicket(r, loner, orphan), false, 'null company does not equal null company');
    }
  });
  it('visibility rules hide even own tickets', () => {
    const r = rules('company', undefined, supportOnly);
    assert.equal(maySeeTicket(r, admin, own), true);
    assert.equal(maySeeTicket(r, admin, billingOwn), false);
    assert.equal(maySeeTicket(r, member, billingOwn), false);
    assert.equal(maySeeTicket(rules('company'), member, billingOwn), true);
  });
});

describe('permissions over the demo world', () => {
  const w = demoWorld();
  const anna = w.contacts.find((c) => c.id === 1)!;
  const lukas = w.contacts.find((c) => c.id === 2)!;
  const sam = w.contacts.find((c) => c.id === 8)!;
  const visibleIds = (r: ReturnType<typeof rules>, who: typeof anna) => w.tickets.filter((t) => maySeeTicket(r, who, t)).map((t) => t.id);
  const ANNA_OWN = [2, 4, 6, 8, 10, 12, 14, 21, 27, 41, 47, 54, 57, 59];
  const COMPANY_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 17, 21, 27, 32, 41, 47, 50, 54, 57, 59];

  it('demo settings use company permission without visibility rules', () => {
    assert.equal(w.settings.permissions.mode, 'company');
    assert.equal(w.settings.visibility, null);
  });
  it('own mode: Anna sees exactly her 14 tickets', () => {
    assert.deepEqual(visibleIds(rules('own'), anna), ANNA_OWN);
  });
  it('company mode: Anna sees all 24 tickets of Nordlicht GmbH', () => {
    assert.deepEqual(visibleIds(w.settings, anna), COMPANY_1);
    assert.deepEqual(scopeFor(w.settings, anna, 'company'), { kind: 'company', companyId: 1 });
  });
  it('company-for-group over role: the admin Anna gets the company, the member Lukas only his own', () => {
    const r = rules('company-for-group', admins);
    assert.deepEqual(visibleIds(r, anna), COMPANY_1);
    assert.deepEqual(visibleIds(r, lukas), COMPANY_1.filter((id) => !ANNA_OWN.includes(id)));
    assert.equal(scopeFor(r, lukas, 'company'), null);
  });
  it('Sam, without a company, sees only his own tickets and gets no company view', () => {
    assert.deepEqual(visibleIds(w.settings, sam), [15, 29, 51]);
    assert.equal(canViewCompany(w.settings, sam), false);
    assert.equal(scopeFor(w.settings, sam, 'company'), null);
  });
  it('visibility pipeline = Support removes Billing tickets from Anna’s company view', () => {
    const r = rules('company', undefined, { any: [{ all: [{ property: 'pipeline', operator: 'eq', value: 'support' }] }] });
    assert.deepEqual(visibleIds(r, anna), COMPANY_1.filter((id) => ![1, 6, 7, 50, 59].includes(id)));
  });
});
