import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoWorld } from '../../../src/domain/demo-world.js';
import { ownerDisplayName, ticketStatus, toSummary, type DisplayContext } from '../../../src/domain/display.js';
import type { AgentRecord } from '../../../src/domain/world.js';
import { makeContact, makeTicket, PIPELINES } from './fixtures.js';

const maja: AgentRecord = { id: 1, firstName: 'Maja', lastName: 'Lindqvist', alias: 'Maja from Support' };
const jonas: AgentRecord = { id: 2, firstName: 'Jonas', lastName: 'Weber', alias: null };
const blank: AgentRecord = { id: 3, firstName: 'Ola', lastName: 'Nordmann', alias: '   ' };
const padded: AgentRecord = { id: 4, firstName: 'Kim', lastName: '', alias: '  Kim (Billing)  ' };

describe('ownerDisplayName', () => {
  it('first, last and full name', () => {
    assert.equal(ownerDisplayName(maja, 'first'), 'Maja');
    assert.equal(ownerDisplayName(maja, 'last'), 'Lindqvist');
    assert.equal(ownerDisplayName(maja, 'full'), 'Maja Lindqvist');
    assert.equal(ownerDisplayName(jonas, 'full'), 'Jonas Weber');
  });
  it('full name without a last name has no trailing space', () => {
    assert.equal(ownerDisplayName(padded, 'full'), 'Kim');
  });
  it('alias when set (trimmed), else the first name', () => {
    assert.equal(ownerDisplayName(maja, 'alias'), 'Maja from Support');
    assert.equal(ownerDisplayName(jonas, 'alias'), 'Jonas');
    assert.equal(ownerDisplayName(blank, 'alias'), 'Ola');
    assert.equal(ownerDisplayName(padded, 'alias'), 'Kim (Billing)');
  });
});

describe('ticketStatus', () => {
  const t = (pipeline: string, stage: string) => makeTicket({ id: 1, pipeline, stage });
  it('open-closed shows Open/Closed by the stage’s closed flag', () => {
    assert.deepEqual(ticketStatus(PIPELINES, t('support', 'new'), 'open-closed'), { label: 'Open', closed: false });
    assert.deepEqual(ticketStatus(PIPELINES, t('support', 'waiting'), 'open-closed'), { label: 'Open', closed: false });
    assert.deepEqual(ticketStatus(PIPELINES, t('support', 'closed'), 'open-closed'), { label: 'Closed', closed: true });
    assert.deepEqual(ticketStatus(PIPELINES, t('billing', 'resolved'), 'open-closed'), { label: 'Closed', closed: true });
  });
  it('stages shows the stage label', () => {
    assert.deepEqual(ticketStatus(PIPELINES, t('support', 'waiting'), 'stages'), { label: 'Waiting on us', closed: false });
    assert.deepEqual(ticketStatus(PIPELINES, t('billing', 'resolved'), 'stages'), { label: 'Resolved', closed: true });
    assert.deepEqual(ticketStatus(PIPELINES, t('billing', 'received'), 'stages'), { label: 'Received', closed: false });
  });
  it('a stage is looked up within the ticket’s own pipeline', () => {
    // "closed" is a stage of support only; in billing it is unknown, hence open
    assert.deepEqual(ticketStatus(PIPELINES, t('billing', 'closed'), 'open-closed'), { label: 'Open', closed: false });
  });
  it('an unknown stage or pipeline counts as open; stages mode shows the raw stage id', () => {
    assert.deepEqual(ticketStatus(PIPELINES, t('support', 'archived'), 'open-closed'), { label: 'Open', closed: false });
    assert.deepEqual(ticketStatus(PIPELINES, t('support', 'archived'), 'stages'), { label: 'archived', closed: false });
    assert.deepEqual(ticketStatus(PIPELINES, t('sales', 'won'), 'open-closed'), { label: 'Open', closed: false });
    assert.deepEqual(ticketStatus([], t('support', 'closed'), 'stages'), { label: 'closed', closed: false });
  });
});

describe('toSummary', () => {
  const contacts = new Map([[7, makeContact({ id: 7, name: 'Elin Sjöberg' })]]);
  const agents = new Map([[1, maja], [2, jonas]]);
  const ctx = (ownerName: DisplayContext['settings']['ownerName'], statusDisplay: DisplayContext['settings']['statusDisplay'] = 'open-closed'): DisplayContext =>
    ({ pipelines: PIPELINES, contacts, agents, settings: { ownerName, statusDisplay } });
  const ticket = makeTicket({
    id: 42, subject: 'Refund', content: 'secret description', pipeline: 'billing', stage: 'resolved', priority: 'high',
    ownerId: 1, contactId: 7, companyId: 3, createdAt: '2026-02-01T10:00:00.000Z', lastActivityAt: '2026-02-03T10:00:00.000Z',
    properties: { product: 'Cloud', seats: 5 },
  });

  it('resolves status, requester and owner', () => {
    assert.deepEqual(toSummary(ticket, ctx('alias', 'stages')), {
      id: 42, subject: 'Refund', status: { label: 'Resolved', closed: true }, pipeline: 'billing', stage: 'resolved',
      priority: 'high', contactId: 7, requesterName: 'Elin Sjöberg', companyId: 3, ownerId: 1, ownerName: 'Maja from Support',
      createdAt: '2026-02-01T10:00:00.000Z', lastActivityAt: '2026-02-03T10:00:00.000Z', properties: { product: 'Cloud', seats: 5 },
    });
  });
  it('owner name follows the setting', () => {
    assert.equal(toSummary(ticket, ctx('first')).ownerName, 'Maja');
    assert.equal(toSummary(ticket, ctx('last')).ownerName, 'Lindqvist');
    assert.equal(toSummary(ticket, ctx('full')).ownerName, 'Maja Lindqvist');
    assert.equal(toSummary({ ...ticket, ownerId: 2 }, ctx('alias')).ownerName, 'Jonas');
    assert.deepEqual(toSummary(ticket, ctx('first')).status, { label: 'Closed', closed: true });
  });
  it('no owner or an unknown owner gives null; an unknown requester gives an empty name', () => {
    assert.equal(toSummary({ ...ticket, ownerId: null }, ctx('first')).ownerName, null);
    assert.equal(toSummary({ ...ticket, ownerId: 99 }, ctx('first')).ownerName, null);
    assert.equal(toSummary({ ...ticket, ownerId: 99 }, ctx('first')).ownerId, 99);
    assert.equal(toSummary({ ...ticket, contactId: 99 }, ctx('first')).requesterName, '');
  });
  it('does not carry the description and copies the properties', () => {
    const s = toSummary(ticket, ctx('first'));
    assert.equal('content' in s, false);
    assert.notEqual(s.properties, ticket.properties);
    s.properties.product = 'changed';
    assert.equal(ticket.properties.product, 'Cloud');
  });
  it('over the demo world: ticket 12', () => {
    const w = demoWorld();
    const dctx: DisplayContext = {
      pipelines: w.pipelines, contacts: new Map(w.contacts.map((c) => [c.id, c])),
      agents: new Map(w.agents.map((a) => [a.id, a])), settings: { ownerName: 'full', statusDisplay: 'stages' },
    };
    const s = toSummary(w.tickets.find((t) => t.id === 12)!, dctx);
    assert.equal(s.subject, 'Übersetzung im Rechnungskopf fehlt');
    assert.equal(s.requesterName, 'Anna Berg');
    assert.equal(s.ownerName, 'Jonas Weber');
    assert.deepEqual(s.status, { label: 'Closed', closed: true });
    const s3 = toSummary(w.tickets.find((t) => t.id === 3)!, dctx);
    assert.deepEqual(s3.status, { label: 'Waiting on contact', closed: false });
    assert.equal(s3.requesterName, 'Lukas Schmidt');
    assert.equal(s3.ownerName, 'Maja Lindqvist');
  });
});
