import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { FormDefinition } from '../../src/contract/form.js';
import type { FieldError } from '../../src/contract/errors.js';
import { checkSubmission, type FormIssue } from '../../src/domain/form-validation.js';
import { pipelineForForm } from '../../src/domain/form-ticket.js';
import { maySeeTicket } from '../../src/domain/permissions.js';
import { localizedTexts } from '../../src/domain/public-settings.js';
import type { AppEnv } from '../http/context.js';
import { Problem } from '../http/problem.js';
import { idempotencyKey, idempotencyKeyReused } from '../http/idempotency-key.js';
import { checkStorageQuota, checkSubmissionRate } from '../http/submission-limits.js';
import { readSupportFormBody } from '../http/support-form-body.js';
import { toWireTicket } from '../http/ticket-access.js';
import { readPipelines } from '../store/pipelines.js';
import { createTicketOnce } from '../store/ticket-create.js';
import { readTicket } from '../store/tickets.js';

/** Field errors of the form as problem+json entries: `{ field, message, key }` (key = FormIssueKey, for clients that localize). */
export const issueErrors = (issues: readonly FormIssue[]): FieldError[] =>
  issues.map((i) => ({ field: i.field, message: i.message, key: i.key, ...(i.params ? { params: i.params } : {}) }));

const formProblem = (issues: readonly FormIssue[]) =>
  Problem.validation(issueErrors(issues), 'Some fields of the form are not valid.');

function fingerprintOf(values: unknown, files: readonly { name: string; contentType: string; size: number; sha256: string }[]): string {
  const sorted = Object.fromEntries(Object.entries(values as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return createHash('sha256').update(JSON.stringify({ values: sorted, files: files.map((f) => [f.name, f.contentType, f.size, f.sha256]) })).digest('hex');
}

/** The support form: its definition (`GET /forms/support`) and new tickets from it (`POST /tickets`). */
export const supportFormRoutes = new Hono<AppEnv>()
  .get('/forms/support', (c) => {
    const { settings } = c.get('auth');
    const form = settings.supportForm;
    if (!form.enabled) return c.json(null);
    const texts = localizedTexts(settings, c.req.query('locale'));
    const definition: FormDefinition = { menuText: texts.menuText, headerText: texts.headerText, fields: form.fields, uploads: form.uploads };
    return c.json(definition);
  })
  .post('/tickets', async (c) => {
    const { contact, settings } = c.get('auth');
    const { db, filesDir, now } = c.get('deps');
    const form = settings.supportForm;
    if (!form.enabled) throw Problem.forbidden('The support form is switched off.');
    const key = idempotencyKey(c);

    const replay = await db.selectFrom('ticket_requests').select('ticket_id').where('contact_id', '=', contact.id).where('idempotency_key', '=', key).executeTakeFirst();
    if (!replay) await checkSubmissionRate(c, 'tickets');
    const body = await readSupportFormBody(c, form.uploads, filesDir);
    let keep = false;
    try {
      if (!replay && body.files.length > 0) await checkStorageQuota(c, body.files.reduce((sum, f) => sum + f.size, 0));
      const result = checkSubmission(form.fields, body.raw, body.files.length);
      if (!result.ok) throw formProblem(result.issues);
      // A customer-settable `pipeline` field chooses the pipeline; otherwise the first one.
      const pipeline = pipelineForForm(result.values, await readPipelines(db));
      if (!pipeline || pipeline.stages.length === 0) throw Problem.unavailable('No pipeline', 'No pipeline is configured for new tickets.');
      const outcome = await createTicketOnce(db, {
        contact, idempotencyKey: key, fingerprint: fingerprintOf(result.values, body.files), values: result.values, files: body.files,
        pipeline, inbox: settings.defaultInbox, at: now(),
      });
      if (outcome.kind === 'conflict') {
        throw idempotencyKeyReused('ticket');
      }
      keep = outcome.kind === 'created';
      if (outcome.kind === 'replayed') c.header('idempotent-replayed', 'true');
      const ticket = await readTicket(db, outcome.ticketId);
      // A replay answers like GET /tickets/{id}: only a ticket the contact may (still) see.
      if (outcome.kind === 'replayed' && (!ticket || !maySeeTicket(settings, contact, ticket))) throw Problem.notFound('No ticket has this id.');
      if (!ticket) throw Problem.internal('The new ticket could not be read.');
      c.header('location', `/api/v1/tickets/${outcome.ticketId}`);
      c.get('deps').webhooks?.kick();
      return c.json(await toWireTicket(db, ticket, settings), 201);
    } finally {
      if (!keep) await body.discard();
    }
  });
