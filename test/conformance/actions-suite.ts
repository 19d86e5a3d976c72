import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PortalAdapter, PortalChange } from '../../src/contract/adapter.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/contract/errors.js';
import type { FormField } from '../../src/contract/form.js';
import type { Settings } from '../../src/contract/settings.js';
import type { UploadFile } from '../../src/contract/tickets.js';
import { DEMO_SIGN_IN, demoWorld } from '../../src/domain/demo-world.js';
import type { AdapterFactory } from './adapter-suite.js';

/** A backend under test: its adapters, and the helpdesk side that writes as an agent would. */
export interface ConformanceBackend {
  make: AdapterFactory;
  /** Adds an agent's reply to a ticket, as the helpdesk would (through whatever the backend offers). */
  agentReply(adapter: PortalAdapter, ticketId: number, body: string): Promise<void>;
}

const world = demoWorld();
const anna = world.contacts.find((c) => c.email === DEMO_SIGN_IN.email)!;
const annasOpenTicket = world.tickets.find((t) => t.contactId === anna.id
  && !world.pipelines.find((p) => p.id === t.pipeline)!.stages.find((s) => s.id === t.stage)!.closed)!;
const foreignTicket = world.tickets.find((t) => t.companyId !== anna.companyId)!;

/** A small form: a checkbox that shows a required reason when checked, and a file field. */
const FORM_FIELDS: FormField[] = [
  { name: 'subject', label: 'Subject', type: 'text', required: true, maxLength: 200 },
  { name: 'content', label: 'Description', type: 'textarea', required: true, maxLength: 20000 },
  { name: 'urgent', label: 'Urgent', type: 'checkbox' },
  { name: 'reason', label: 'Why urgent?', type: 'text', required: true, visibleWhen: { field: 'urgent', equals: true } },
  { name: 'attachments', label: 'Attachments', type: 'file' },
];
const withForm = (s: Settings): Settings => ({
  ...s, supportForm: { ...s.supportForm, enabled: true, fields: FORM_FIELDS, uploads: { maxFiles: 2, maxBytes: 1000, accept: ['image/*', '.txt'] } },
});

const file = (name: string, type: string, text: string): UploadFile => {
  const blob = new Blob([text], { type });
  return { name, type, size: blob.size, blob };
};
const key = () => `k-${crypto.randomUUID()}`;

async function signedIn(make: AdapterFactory, configure?: (s: Settings) => Settings) {
  const adapter = await make(configure);
  await adapter.signIn(DEMO_SIGN_IN);
  return adapter;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => assert.fail('expected a refusal'), (error: unknown) => error);
}

/** Waits (polling, with a deadline) until `check` holds. */
async function eventually(check: () => boolean, what: string, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The rules both backends apply, exercised through the adapters: sign-in in every access mode, ticket detail,
 * reply, close, a ticket from the form, uploads and live changes. A rule that drifts between the MemoryAdapter and
 * the server fails here for one of them.
 */
export function actionsConformance(name: string, { make, agentReply }: ConformanceBackend) {
  describe(`${name}: access, tickets, form, uploads and live changes`, () => {
    describe('sign-in in every access mode', () => {
      it('admits a password sign-in on a self-registration portal', async () => {
        const adapter = await make((s) => ({ ...s, access: { ...s.access, mode: 'self-registration', accessGroupIds: [] } }));
        assert.equal((await adapter.signIn(DEMO_SIGN_IN)).user.email, DEMO_SIGN_IN.email);
      });

      it('refuses a password sign-in on an SSO portal with 403 "single sign-on"', async () => {
        const adapter = await make((s) => ({
          ...s,
          access: { ...s.access, mode: 'sso', accessGroupIds: [], sso: { label: 'Acme ID', startUrl: 'https://id.acme.example/start', jwt: { secret: 'a-very-secret-shared-key' }, returnToAllowList: [] } },
        }));
        const error = await rejection(adapter.signIn(DEMO_SIGN_IN));
        assert.ok(error instanceof ForbiddenError, String(error));
        assert.equal(error.message, 'This portal uses single sign-on.');
        assert.equal(await adapter.getSession(), null);
      });

      it('refuses a non-member on an access-group portal with the same text from both backends', async () => {
        const adapter = await make((s) => ({ ...s, access: { ...s.access, mode: 'access-groups', accessGroupIds: [2] } }));
        const error = await rejection(adapter.signIn(DEMO_SIGN_IN));
        assert.ok(error instanceof ForbiddenError);
        assert.equal(error.message, "You don't have access to this portal.");
      });
    });

    describe('password policy', () => {
      it('counts a new password in code points: nine emoji are too short, ten are enough', async () => {
        const adapter = await make();
        const short = await rejection(adapter.register({ name: 'Emo', email: `emo-${key()}@new.example`, password: '😀'.repeat(9), consent: true }));
        assert.ok(short instanceof ValidationError);
        assert.ok(short.fieldErrors.some((f) => f.field === 'password' && f.message === 'Use at least 10 characters.'), JSON.stringify(short.fieldErrors));
        const result = await adapter.register({ name: 'Emo', email: `emo-${key()}@new.example`, password: '😀'.repeat(10), consent: true });
        assert.ok('user' in result);
      });
    });

    describe('ticket detail, reply and close', () => {
      it('shows an own ticket and its conversation, and hides a foreign one as not found', async () => {
        const adapter = await signedIn(make);
        const ticket = await adapter.getTicket(annasOpenTicket.id);
        assert.equal(ticket.subject, annasOpenTicket.subject);
        assert.equal(ticket.actions.reply, true);
        const messages = await adapter.listMessages(annasOpenTicket.id);
        assert.ok(messages.length > 0 && messages.every((m) => m.ticketId === annasOpenTicket.id));
        await assert.rejects(adapter.getTicket(foreignTicket.id), NotFoundError);
        await assert.rejects(adapter.listMessages(foreignTicket.id), NotFoundError);
      });

      it('refuses a blank reply naming body, and posts a reply once per idempotency key', async () => {
        const adapter = await signedIn(make);
        const blank = await rejection(adapter.reply(annasOpenTicket.id, { body: '<p> </p>', files: [], idempotencyKey: key() }));
        assert.ok(blank instanceof ValidationError);
        assert.deepEqual(blank.fieldErrors.map((f) => [f.field, f.message]), [['body', 'Write a message or attach a file.']]);
        const idempotencyKey = key();
        const first = await adapter.reply(annasOpenTicket.id, { body: '<p>Any news?</p>', files: [], idempotencyKey });
        const again = await adapter.reply(annasOpenTicket.id, { body: '<p>Any news?</p>', files: [], idempotencyKey });
        assert.equal(again.id, first.id);
        assert.equal(first.author.kind, 'contact');
        const messages = await adapter.listMessages(annasOpenTicket.id);
        assert.equal(messages.filter((m) => m.id === first.id).length, 1);
        await assert.rejects(adapter.reply(annasOpenTicket.id, { body: '<p>Something else</p>', files: [], idempotencyKey }), ConflictError);
      });

      it('checks reply files by the upload rules: a program named as an image is refused', async () => {
        const adapter = await signedIn(make, withForm);
        const error = await rejection(adapter.reply(annasOpenTicket.id, { body: '<p>See file</p>', files: [file('evil.exe', 'image/png', 'MZ')], idempotencyKey: key() }));
        assert.ok(error instanceof ValidationError);
        assert.deepEqual(error.fieldErrors.map((f) => [f.field, f.message]), [['files', '"evil.exe" is not a file type that can be attached here.']]);
        const ok = await adapter.reply(annasOpenTicket.id, { body: '', files: [file('notes.txt', 'text/plain', 'hello')], idempotencyKey: key() });
        assert.deepEqual(ok.attachments.map((a) => a.name), ['notes.txt']);
      });

      it('closes an own ticket; a closed ticket takes no reply', async () => {
        const adapter = await signedIn(make, withForm);
        const created = await adapter.createTicket({ values: { subject: 'To be closed', content: 'Please close this.' }, files: [], idempotencyKey: key() });
        const closed = await adapter.closeTicket(created.id);
        assert.equal(closed.status.closed, true);
        assert.equal(closed.actions.reply, false);
        await assert.rejects(adapter.reply(created.id, { body: '<p>One more thing</p>', files: [], idempotencyKey: key() }), ForbiddenError);
      });
    });

    describe('a ticket from the support form', () => {
      it('stores the description as text: markup typed in the form is escaped in the first message', async () => {
        const adapter = await signedIn(make, withForm);
        const ticket = await adapter.createTicket({ values: { subject: 'Markup', content: 'Make <b>this</b> bold & "quoted"' }, files: [], idempotencyKey: key() });
        assert.equal(ticket.content, 'Make <b>this</b> bold & "quoted"');
        const [first] = await adapter.listMessages(ticket.id);
        assert.equal(first.body, '<p>Make &#60;b&#62;this&#60;/b&#62; bold &#38; &#34;quoted&#34;</p>');
      });

      it('treats a checkbox sent as "no" as not checked, so the field it controls stays hidden', async () => {
        const adapter = await signedIn(make, withForm);
        const ticket = await adapter.createTicket({ values: { subject: 'Not urgent', content: 'Whenever you can.', urgent: 'no' }, files: [], idempotencyKey: key() });
        assert.equal(ticket.subject, 'Not urgent');
        const error = await rejection(adapter.createTicket({ values: { subject: 'Urgent', content: 'Now.', urgent: 'yes' }, files: [], idempotencyKey: key() }));
        assert.ok(error instanceof ValidationError);
        assert.deepEqual(error.fieldErrors.map((f) => f.field), ['reason']);
      });

      it('creates a ticket once per idempotency key, and refuses the key for other content', async () => {
        const adapter = await signedIn(make, withForm);
        const idempotencyKey = key();
        const values = { subject: 'Once', content: 'Only one ticket.' };
        const first = await adapter.createTicket({ values, files: [], idempotencyKey });
        const again = await adapter.createTicket({ values, files: [], idempotencyKey });
        assert.equal(again.id, first.id);
        await assert.rejects(adapter.createTicket({ values: { ...values, content: 'Another one.' }, files: [], idempotencyKey }), ConflictError);
      });

      it('names every bad field in form order', async () => {
        const adapter = await signedIn(make, withForm);
        const error = await rejection(adapter.createTicket({ values: { urgent: 'on' }, files: [], idempotencyKey: key() }));
        assert.ok(error instanceof ValidationError);
        assert.deepEqual(error.fieldErrors.map((f) => f.field), ['subject', 'content', 'reason']);
      });
    });

    describe('uploads', () => {
      it('attaches files under their cleaned names to the first message', async () => {
        const adapter = await signedIn(make, withForm);
        const ticket = await adapter.createTicket({
          values: { subject: 'With a file', content: 'See attached.' }, files: [file('C:\\logs\\app\u202e.txt', 'text/plain', 'log line')], idempotencyKey: key(),
        });
        const [first] = await adapter.listMessages(ticket.id);
        assert.deepEqual(first.attachments.map((a) => [a.name, a.size]), [['app.txt', 8]]);
      });

      it('refuses too many, too big, empty and mistyped files with the same text from both backends', async () => {
        const adapter = await signedIn(make, withForm);
        const values = { subject: 'Files', content: 'Files attached.' };
        const cases: [UploadFile[], string][] = [
          [[file('a.txt', 'text/plain', 'a'), file('b.txt', 'text/plain', 'b'), file('c.txt', 'text/plain', 'c')], 'Attach at most 2 files.'],
          [[file('big.txt', 'text/plain', 'x'.repeat(1001))], '"big.txt" is larger than 1 kB.'],
          [[file('empty.txt', 'text/plain', '')], '"empty.txt" is empty.'],
          [[file('script.js', 'image/png', 'alert(1)')], '"script.js" is not a file type that can be attached here.'],
        ];
        for (const [files, message] of cases) {
          const error = await rejection(adapter.createTicket({ values, files, idempotencyKey: key() }));
          assert.ok(error instanceof ValidationError, message);
          assert.equal(error.message, message);
          assert.deepEqual(error.fieldErrors.map((f) => f.field), ['files'], message);
        }
      });
    });

    describe('live changes', () => {
      it("reports an agent's reply as a message change of the ticket", async () => {
        const adapter = await signedIn(make);
        const changes: PortalChange[] = [];
        const stop = adapter.subscribe((change) => changes.push(change));
        try {
          const body = `<p>We are on it (${key()}).</p>`;
          await agentReply(adapter, annasOpenTicket.id, body);
          const messages = await adapter.listMessages(annasOpenTicket.id);
          const added = messages.find((m) => m.body === body);
          assert.equal(added?.author.kind, 'agent');
          await eventually(() => changes.some((c) => c.type === 'message' && c.ticketId === annasOpenTicket.id && c.messageId === added.id), 'the message change');
        } finally {
          stop();
        }
      });

      it('reports a new ticket from the form as a ticket change', async () => {
        const adapter = await signedIn(make, withForm);
        const changes: PortalChange[] = [];
        const stop = adapter.subscribe((change) => changes.push(change));
        try {
          const ticket = await adapter.createTicket({ values: { subject: 'Live', content: 'A new one.' }, files: [], idempotencyKey: key() });
          await eventually(() => changes.some((c) => c.type === 'ticket' && c.ticketId === ticket.id), 'the ticket change');
        } finally {
          stop();
        }
      });
    });
  });
}
