import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { Settings } from '../../../src/contract/settings.js';
import { DEMO_PIPELINES, DEMO_SIGN_IN, demoWorld } from '../../../src/domain/demo-world.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('demoWorld', () => {
  const w = demoWorld();
  const ticketById = new Map(w.tickets.map((t) => [t.id, t]));
  const contactById = new Map(w.contacts.map((c) => [c.id, c]));
  const agentIds = new Set(w.agents.map((a) => a.id));

  it('is deterministic and fresh on every call', () => {
    const again = demoWorld();
    assert.deepEqual(again, w);
    again.tickets[0].subject = 'changed';
    assert.notEqual(demoWorld().tickets[0].subject, 'changed');
  });
  it('has valid settings with company permission and translations', () => {
    assert.doesNotThrow(() => z.parse(Settings, w.settings));
    assert.equal(w.settings.name, 'Nordlicht Help Center');
    assert.deepEqual(w.settings.permissions, { mode: 'company' });
    assert.deepEqual(Object.keys(w.settings.translations ?? {}).sort(), ['ar', 'da', 'de', 'fr', 'sv']);
  });
  it('has the two pipelines, and the closed stages the close action uses', () => {
    assert.deepEqual(w.pipelines.map((p) => p.id), ['support', 'billing']);
    assert.equal(w.pipelines, DEMO_PIPELINES);
    for (const [pipeline, stage] of Object.entries(w.settings.actions.closedStageByPipeline)) {
      const found = w.pipelines.find((p) => p.id === pipeline)?.stages.find((s) => s.id === stage);
      assert.equal(found?.closed, true, `${pipeline}/${stage}`);
    }
    assert.deepEqual(w.settings.actions.closedStageByPipeline, { support: 'closed', billing: 'resolved' });
  });
  it('has four companies, eight contacts (one without company) and three agents', () => {
    assert.equal(w.companies.length, 4);
    assert.equal(w.contacts.length, 8);
    assert.equal(w.agents.length, 3);
    assert.deepEqual(w.contacts.filter((c) => c.companyId === null).map((c) => c.id), [8]);
    assert.equal(new Set(w.contacts.map((c) => c.email)).size, 8);
    for (const c of w.contacts) if (c.companyId !== null) assert.ok(w.companies.some((co) => co.id === c.companyId));
    assert.ok(w.agents.some((a) => a.alias === null), 'an agent without alias exercises the fallback');
  });
  it('the demo sign-in is Anna Berg of Nordlicht GmbH', () => {
    const anna = w.contacts.find((c) => c.email === DEMO_SIGN_IN.email);
    assert.ok(anna);
    assert.equal(anna.name, 'Anna Berg');
    assert.equal(anna.password, DEMO_SIGN_IN.password);
    assert.equal(w.companies.find((c) => c.id === anna.companyId)?.name, 'Nordlicht GmbH');
  });
  it('has 60 consistent tickets', () => {
    assert.deepEqual(w.tickets.map((t) => t.id), Array.from({ length: 60 }, (_, i) => i + 1));
    for (const t of w.tickets) {
      const stages = w.pipelines.find((p) => p.id === t.pipeline)?.stages.map((s) => s.id) ?? [];
      assert.ok(stages.includes(t.stage), `ticket ${t.id} stage ${t.pipeline}/${t.stage}`);
      const contact = contactById.get(t.contactId);
      assert.ok(contact, `ticket ${t.id} contact`);
      assert.equal(t.companyId, contact.companyId, `ticket ${t.id} company`);
      assert.ok(t.ownerId === null || agentIds.has(t.ownerId), `ticket ${t.id} owner`);
      assert.match(t.createdAt, ISO);
      assert.match(t.lastActivityAt, ISO);
      assert.ok(t.lastActivityAt >= t.createdAt, `ticket ${t.id} activity after creation`);
      assert.ok(['Cloud', 'On-premise', 'Mobile'].includes(t.properties.product as string));
      assert.ok(t.content.startsWith(t.subject));
    }
  });
  it('covers open and closed tickets in both pipelines, missing priorities and owners, unicode subjects', () => {
    const closed = (t: (typeof w.tickets)[number]) => w.pipelines.find((p) => p.id === t.pipeline)!.stages.find((s) => s.id === t.stage)!.closed;
    for (const pipeline of ['support', 'billing']) {
      assert.ok(w.tickets.some((t) => t.pipeline === pipeline && closed(t)), `${pipeline} closed`);
      assert.ok(w.tickets.some((t) => t.pipeline === pipeline && !closed(t)), `${pipeline} open`);
    }
    assert.ok(w.tickets.some((t) => t.priority === null));
    assert.ok(w.tickets.some((t) => t.ownerId === null));
    assert.deepEqual(w.tickets.filter((t) => t.subject.startsWith('Übersetzung')).map((t) => t.id), [12, 34]);
    assert.deepEqual(w.tickets.filter((t) => t.contactId === 8).map((t) => t.id), [15, 29, 51]);
  });
  it('the first 14 tickets alternate between Lukas (odd) and Anna (even)', () => {
    for (let id = 1; id <= 14; id++) assert.equal(ticketById.get(id)!.contactId, id % 2 === 0 ? 1 : 2, `ticket ${id}`);
  });
  it('has consistent messages', () => {
    assert.equal(new Set(w.messages.map((m) => m.id)).size, w.messages.length);
    for (const m of w.messages) {
      const t = ticketById.get(m.ticketId);
      assert.ok(t, `message ${m.id} ticket`);
      assert.ok(m.createdAt >= t.createdAt, `message ${m.id} after its ticket`);
      if (m.authorKind === 'agent') assert.ok(agentIds.has(m.authorId), `message ${m.id} agent`);
      else assert.equal(m.authorId, t.contactId, `message ${m.id} contact`);
      if (m.internal) assert.equal(m.authorKind, 'agent', 'internal notes are agents’');
    }
    assert.ok(w.messages.some((m) => m.internal));
    const attachments = w.messages.flatMap((m) => m.attachments);
    assert.ok(attachments.length > 0);
    assert.equal(new Set(attachments.map((a) => a.id)).size, attachments.length);
  });
  it('every tenth ticket has no conversation; every seventh has two threads; activity is the last message', () => {
    for (const t of w.tickets) {
      const ms = w.messages.filter((m) => m.ticketId === t.id);
      if (t.id % 10 === 0) {
        assert.equal(ms.length, 0, `ticket ${t.id}`);
        assert.equal(t.lastActivityAt, t.createdAt);
        continue;
      }
      assert.ok(ms.length >= 2, `ticket ${t.id} messages`);
      assert.deepEqual([...new Set(ms.map((m) => m.thread))].sort(), t.id % 7 === 0 ? [1, 2] : [1], `ticket ${t.id} threads`);
      assert.equal(t.lastActivityAt, ms.map((m) => m.createdAt).sort().at(-1), `ticket ${t.id} last activity`);
      assert.equal(ms.filter((m) => m.thread === 1)[0].authorKind, 'contact', 'a conversation starts with the customer');
    }
  });
});
