import { Hono } from 'hono';
import * as z from 'zod/mini';
import { Credentials, EmailOnly, Registration, Session, TokenAndPassword } from '../../src/contract/session.js';
import { PublicSettings, Settings } from '../../src/contract/settings.js';
import { FormDefinition } from '../../src/contract/form.js';
import { LIST_QUERY_PARAMS, PAGING_PARAMS, type ListQueryParam } from '../../src/contract/list-query.js';
import { Message, Ticket, TicketFacets, TicketPage } from '../../src/contract/tickets.js';
import type { AppEnv } from '../http/context.js';
import { IDEMPOTENCY_KEY } from '../http/idempotency-key.js';
import {
  AccessGroupInput, AgentInput, CompanyInput, ContactInput, CreatedId, MessageInput, OutboxEntry, PipelineOutput, TicketInput,
  TicketPatch,
} from '../schemas/admin.js';
import { SsoTokenAnswer, SsoTokenRequest } from './auth-sso.js';
import { PortalChange } from '../../src/contract/changes.js';
import { HELPDESK_ROUTES, HELPDESK_SCHEMAS } from './openapi-helpdesk.js';

const CheckEmail = z.object({ status: z.literal('check-email') });

const SCHEMAS = {
  PublicSettings, Settings, Credentials, Session, TicketPage, TicketFacets, CompanyInput, AccessGroupInput, ContactInput, AgentInput,
  TicketInput, TicketPatch, MessageInput, CreatedId, OutboxEntry, PipelineOutput, Registration, EmailOnly, TokenAndPassword,
  CheckEmail, SsoTokenRequest, SsoTokenAnswer, FormDefinition, Ticket,
  Message, PortalChange, ...HELPDESK_SCHEMAS,
} satisfies Record<string, z.core.$ZodType>;
export type SchemaName = keyof typeof SCHEMAS;

export interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  admin?: boolean;
  session?: boolean;
  body?: SchemaName;
  /** A multipart/form-data request body: its parts as JSON Schema properties. */
  multipart?: Record<string, object>;
  /** Further problem answers besides the usual ones (404, 409, 413…). */
  problems?: number[];
  ok?: { status: number; schema?: SchemaName; array?: boolean; description?: string; csv?: boolean };
  /** Further success answers (e.g. 202 besides 201). */
  also?: { status: number; schema?: SchemaName; description: string }[];
  /** Also open to agents' API keys (the helpdesk API). */
  agentKey?: boolean;
  /** Answers 429 with Retry-After when throttled. */
  throttled?: boolean;
  params?: { name: string; in: 'query' | 'path' | 'header'; schema: object; description?: string; required?: boolean }[];
}

const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });
const str = { type: 'string' };

const asQuery = (params: readonly ListQueryParam[]): NonNullable<Route['params']> => params.map(({ name, ...rest }) => ({ name, in: 'query' as const, ...rest }));
/** Query parameters shared by the list and the export, from the contract's codec. */
const LIST_PARAMS = asQuery(LIST_QUERY_PARAMS);

const ID_PARAM = { name: 'id', in: 'path' as const, schema: { type: 'integer', minimum: 1 } };
const IDEMPOTENCY_PARAM = {
  name: 'Idempotency-Key', in: 'header' as const, required: true, schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source },
  description: 'One per draft (a new ticket or a reply); retries reuse it. Missing or malformed: 400 naming the header',
};

const ROUTES: Route[] = [
  { method: 'get', path: '/portal', summary: 'Public settings', ok: { status: 200, schema: 'PublicSettings' },
    params: [{ name: 'locale', in: 'query', schema: str, description: 'Language of the admin texts' }] },
  { method: 'get', path: '/openapi.json', summary: 'This document', ok: { status: 200 } },
  { method: 'post', path: '/auth/login', summary: 'Sign in with email and password (403 `registration-unconfirmed` for the right password of a registration whose address is not confirmed yet)', body: 'Credentials', throttled: true, ok: { status: 200, schema: 'Session' } },
  { method: 'post', path: '/auth/logout', summary: 'End the session', ok: { status: 204 } },
  { method: 'get', path: '/auth/session', summary: 'The current session, or `null` (200) when nobody is signed in; not counted as activity', ok: { status: 200, schema: 'Session', description: 'The session, or `null` when nobody is signed in' } },
  { method: 'post', path: '/auth/session/extend', summary: 'Stay signed in: counts as activity, answers the refreshed session', session: true, ok: { status: 200, schema: 'Session' } },
  { method: 'post', path: '/auth/register', summary: 'Self-registration with consent (403 unless the portal takes registrations)', body: 'Registration', throttled: true,
    ok: { status: 201, schema: 'Session', description: 'A new address with instant sign-in (`access.registrationConfirmation` absent or `instant`)' },
    also: [{ status: 202, schema: 'CheckEmail', description: 'The address is taken (its owner gets an email), or — with `access.registrationConfirmation: "email"` — any address: a new one gets a confirmation link. Nobody is signed in' }] },
  { method: 'get', path: '/auth/register/confirm', summary: "Follow a registration's confirmation link: a confirmation page (HTML, no script) whose form POSTs the token; creates nothing and uses nothing up",
    ok: { status: 200, description: 'text/html confirmation page; 303 to `{linkBase}#/signin?error=link-expired` when the link is invalid, used or expired' },
    params: [{ name: 'token', in: 'query', schema: str }] },
  { method: 'post', path: '/auth/register/confirm', summary: 'Confirm a registration (form `token=`, same-origin only: 403 from another site): creates the account and sets the session cookie; the link works once, for 24 hours',
    multipart: { token: str }, problems: [403],
    ok: { status: 303, description: 'To `{linkBase}#/tickets`; `#/signin?error=link-expired` when the link is invalid, used or expired' } },
  { method: 'post', path: '/auth/password/forgot', summary: 'Email a password-reset link (same answer whether the address exists)', body: 'EmailOnly', throttled: true, ok: { status: 202, schema: 'CheckEmail' } },
  { method: 'post', path: '/auth/password/reset', summary: 'Set a new password with the emailed token; ends other sessions and signs in (422 naming token when invalid)', body: 'TokenAndPassword', throttled: true, ok: { status: 200, schema: 'Session' } },
  { method: 'post', path: '/auth/invite/accept', summary: 'Accept an access-group invitation: set the password and sign in (422 naming token when invalid)', body: 'TokenAndPassword', throttled: true, ok: { status: 200, schema: 'Session' } },
  { method: 'post', path: '/auth/magic-link', summary: 'Email a one-time sign-in link (403 when disabled)', body: 'EmailOnly', throttled: true, ok: { status: 202, schema: 'CheckEmail' } },
  { method: 'get', path: '/auth/magic-link/verify', summary: 'Follow a one-time sign-in link: a confirmation page (HTML, no script) whose form POSTs the token; signs nobody in and uses nothing up',
    ok: { status: 200, description: 'text/html confirmation page; 303 to `{linkBase}#/signin?error=link-expired` when the link is invalid, used or expired' },
    params: [{ name: 'token', in: 'query', schema: str }] },
  { method: 'post', path: '/auth/magic-link/verify', summary: 'Confirm a one-time sign-in link (form `token=`, same-origin only: 403 from another site); sets the session cookie',
    multipart: { token: str }, problems: [403],
    ok: { status: 303, description: 'To `{linkBase}#/tickets`; `#/signin?error=link-expired` when the link is invalid, used or expired' } },
  { method: 'get', path: '/auth/sso/jwt', summary: 'SSO: verify the JWT (HS256/RS256; exp, iat, single-use jti, email), sign in and redirect. A cross-site browser navigation (`Sec-Fetch-Site: cross-site`) gets a confirmation page instead (login CSRF)', throttled: true,
    ok: { status: 303, description: 'To the allow-listed `return_to`, else the link base; sets the session cookie' },
    also: [{ status: 200, description: 'For `Sec-Fetch-Site: cross-site`: a text/html confirmation page (no script) whose form POSTs `jwt` and `return_to`; signs nobody in and uses nothing up' }],
    params: [
      { name: 'jwt', in: 'query', schema: str, description: 'Claims: email, name, exp, iat, jti, optional external_id, company' },
      { name: 'return_to', in: 'query', schema: str, description: 'Must start with an entry of the SSO return-to allow-list' },
    ] },
  { method: 'post', path: '/auth/sso/jwt', summary: "SSO confirmation page's form (`jwt=`, `return_to=`; same-origin only: 403 from another site): signs in and redirects like the GET", throttled: true,
    multipart: { jwt: str, return_to: str }, problems: [403],
    ok: { status: 303, description: 'To the allow-listed `return_to`, else the link base; sets the session cookie' } },
  { method: 'post', path: '/auth/sso/token', summary: 'SSO for hosts on another site: trade a JWT for a bearer session token', body: 'SsoTokenRequest', throttled: true, ok: { status: 200, schema: 'SsoTokenAnswer' } },
  { method: 'get', path: '/tickets', summary: 'One page of the ticket list', session: true, ok: { status: 200, schema: 'TicketPage' },
    params: [
      ...LIST_PARAMS,
      ...asQuery(PAGING_PARAMS),
    ] },
  { method: 'get', path: '/tickets/facets', summary: 'Filter values of a view with counts (scope and visibility applied; 403 for the company view without permission)',
    session: true, ok: { status: 200, schema: 'TicketFacets' }, params: [LIST_PARAMS[0]] },
  { method: 'get', path: '/tickets/export.csv', summary: 'The whole view as CSV, streamed: every page, search, status and filters applied; visible columns; RFC 4180, UTF-8 with BOM, formulas neutralized',
    session: true, ok: { status: 200, csv: true, description: 'text/csv; `Content-Disposition: attachment` named `<ticket label>-<YYYY-MM-DD>.csv`' },
    params: [...LIST_PARAMS, { name: 'locale', in: 'query', schema: str, description: 'Language of the column headers, status words and file name' }] },
  { method: 'get', path: '/forms/support', summary: 'The support form: fields (types, rules, conditions), upload limits and the localized menu/header texts; `null` when the form is off',
    session: true, ok: { status: 200, schema: 'FormDefinition', description: 'The definition, or JSON `null` when the form is off' },
    params: [{ name: 'locale', in: 'query', schema: str, description: 'Language of the menu and header texts' }] },
  { method: 'post', path: '/tickets', summary: 'Submit the support form: multipart/form-data with one part per field (repeated for checkboxes) and `files[]`; validated like the browser does (422 `errors: [{field, message, key}]`; file limits checked while streaming, 413/422 naming `files`); the same Idempotency-Key answers the same ticket, with other values 409',
    session: true, ok: { status: 201, schema: 'Ticket', description: 'The new ticket (or, for a repeated Idempotency-Key, the ticket it created)' }, problems: [409, 413],
    multipart: { subject: str, content: str, '<field name>': { description: 'One part per form field; checkboxes repeat the part' }, 'files[]': { type: 'array', items: { type: 'string', format: 'binary' } } },
    params: [IDEMPOTENCY_PARAM] },
  { method: 'get', path: '/tickets/{id}', summary: 'One ticket: the list fields, `content` and `actions {reply, close}`; 404 when missing or not visible to the user',
    session: true, ok: { status: 200, schema: 'Ticket' }, problems: [404], params: [ID_PARAM] },
  { method: 'get', path: '/tickets/{id}/messages', summary: 'The conversation: the oldest thread only, oldest first, never internal notes; agents named per `ownerName`',
    session: true, ok: { status: 200, schema: 'Message', array: true }, problems: [404], params: [ID_PARAM] },
  { method: 'post', path: '/tickets/{id}/messages', summary: 'Reply (multipart: `body` HTML ≤ 100 kB, `files[]` under the upload limits, checked while streaming: 413/422 naming `files`). The same Idempotency-Key answers the same message (`Idempotent-Replayed: true`), with other content 409. 403 on a closed ticket unless `replyToClosed`; a ticket without a conversation gets one in the default inbox',
    session: true, ok: { status: 201, schema: 'Message' }, problems: [404, 409, 413],
    multipart: { body: { type: 'string', description: 'HTML' }, 'files[]': { type: 'array', items: { type: 'string', format: 'binary' } } },
    params: [ID_PARAM, IDEMPOTENCY_PARAM] },
  { method: 'post', path: '/tickets/{id}/close', summary: 'Close: moves the ticket to the closed stage chosen for its pipeline; idempotent; 403 unless customers may close (409 when the pipeline has no closed stage)',
    session: true, ok: { status: 200, schema: 'Ticket' }, problems: [404, 409], params: [ID_PARAM] },
  { method: 'get', path: '/attachments/{id}', summary: 'Download an attachment of a message the user sees: `Content-Disposition: attachment` (RFC 6266 `filename*`), `nosniff`, `Content-Security-Policy: sandbox`; types outside a safe list served as application/octet-stream; 404 when not visible',
    session: true, ok: { status: 200, description: 'The file' }, problems: [404], params: [{ ...ID_PARAM, description: 'Attachment id' }] },
  { method: 'get', path: '/events', summary: 'Live updates by polling: new messages and ticket changes (stage, owner…) after `since`, for tickets the user may see. Not counted as session activity',
    session: true, ok: { status: 200, schema: 'PortalChange', array: true }, also: [{ status: 304, description: 'Nothing new since the answer with this ETag (If-None-Match)' }],
    params: [{ name: 'since', in: 'query', schema: { type: 'string', format: 'date-time' }, description: 'Server time of the previous poll' },
      { name: 'If-None-Match', in: 'header', schema: str }] },
  { method: 'get', path: '/events/stream', summary: 'Live updates as server-sent events (`message`, `ticket`, finally `session-ended` when the session ends or access changes); `id` is a cursor for Last-Event-ID; at most 4 per session (429) and 500 in total (503)',
    problems: [429, 503],
    session: true, ok: { status: 200, description: 'text/event-stream; the data of each event is a PortalChange' },
    params: [{ name: 'Last-Event-ID', in: 'header', schema: str }] },
  { method: 'get', path: '/admin/settings', summary: 'The whole settings', admin: true, ok: { status: 200, schema: 'Settings' } },
  { method: 'put', path: '/admin/settings', summary: 'Replace the settings', admin: true, body: 'Settings', ok: { status: 200, schema: 'Settings' } },
  { method: 'post', path: '/admin/companies', summary: 'Create a company', admin: true, body: 'CompanyInput', ok: { status: 201, schema: 'CreatedId' } },
  { method: 'post', path: '/admin/access-groups', summary: 'Create an access group', admin: true, body: 'AccessGroupInput', ok: { status: 201, schema: 'CreatedId' } },
  { method: 'post', path: '/admin/contacts', summary: 'Create a contact (invitation when in a portal access group without password)', admin: true, body: 'ContactInput', ok: { status: 201, schema: 'CreatedId' } },
  { method: 'post', path: '/admin/agents', summary: 'Create an agent', admin: true, body: 'AgentInput', ok: { status: 201, schema: 'CreatedId' } },
  { method: 'post', path: '/admin/tickets', summary: 'Create a ticket', admin: true, body: 'TicketInput', ok: { status: 201, schema: 'CreatedId' } },
  { method: 'patch', path: '/admin/tickets/{id}', summary: 'Change a ticket: stage (pipeline), owner, priority, subject, properties (merged). Moving it to a closed stage sends `ticket.closed`', admin: true, agentKey: true, body: 'TicketPatch', ok: { status: 200, schema: 'CreatedId' },
    params: [{ name: 'id', in: 'path', schema: { type: 'integer' } }] },
  { method: 'post', path: '/admin/tickets/{id}/messages', summary: 'Add a message: an agent reply (with `attachments`, base64), an internal note (`internal: true`), or a contact message. It goes to `threadId`, a new thread (`newThread`), else the thread the portal shows. An agent reply that the customer sees is emailed to them (unless they turned that off) and shows live in the portal; every message sends `message.created`. An agent key posts as its own agent only (403 otherwise)', admin: true, agentKey: true, body: 'MessageInput', ok: { status: 201, schema: 'CreatedId' }, problems: [403],
    params: [{ name: 'id', in: 'path', schema: { type: 'integer' } }] },
  { method: 'get', path: '/admin/outbox', summary: 'Emails (queued, sent, failed), oldest first; X-Total-Count header', admin: true, ok: { status: 200, schema: 'OutboxEntry', array: true },
    params: [
      { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0 }, description: 'Entries to skip' },
      { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 }, description: 'Entries per answer (default 1000)' },
    ] },
  { method: 'get', path: '/admin/pipelines', summary: 'Pipelines and stages', admin: true, ok: { status: 200, schema: 'PipelineOutput', array: true } },
  ...HELPDESK_ROUTES,
];

const problem = { description: 'Problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };

function operation(route: Route) {
  const responses: Record<string, unknown> = {};
  const ok = route.ok ?? { status: 200 };
  const schema = ok.schema ? (ok.array ? { type: 'array', items: ref(ok.schema) } : ref(ok.schema)) : undefined;
  const description = ok.description ?? 'OK';
  responses[String(ok.status)] = schema ? { description, content: { 'application/json': { schema } } }
    : ok.csv ? { description, content: { 'text/csv': { schema: { type: 'string' } } } } : { description };
  for (const more of route.also ?? []) {
    responses[String(more.status)] = { description: more.description, ...(more.schema ? { content: { 'application/json': { schema: ref(more.schema) } } } : {}) };
  }
  for (const status of route.admin ? ['400', '401', '404', '409', '413', '415', '422'] : ['400', '401', '403', '415', '422', '503']) {
    responses[status] = problem;
  }
  for (const status of route.problems ?? []) responses[String(status)] = problem;
  if (route.throttled) responses['429'] = { ...problem, description: 'Too many attempts', headers: { 'Retry-After': { schema: { type: 'integer' } } } };
  // Path parameters are always required (OpenAPI 3.1).
  const parameters: object[] = (route.params ?? []).map((p) => (p.in === 'path' ? { ...p, required: true } : p));
  if (!route.admin && route.method !== 'get') parameters.push({ name: 'X-Portal-Request', in: 'header' as const, schema: { const: '1' } });
  return {
    summary: route.summary,
    tags: [route.admin ? 'admin' : 'portal'],
    ...(route.admin ? { security: route.agentKey ? [{ adminToken: [] }, { agentKey: [] }] : [{ adminToken: [] }] } : route.session ? { security: [{ sessionCookie: [] }, { sessionBearer: [] }] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(route.body) } } } } : {}),
    ...(route.multipart ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: route.multipart } } } } } : {}),
    responses,
  };
}

function toSchema(schema: z.core.$ZodType) {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  void _ignored;
  return rest;
}

/** The OpenAPI 3.1 document, generated from the zod schemas the routes validate with. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) (paths[route.path] ??= {})[route.method] = operation(route);
  const schemas: Record<string, unknown> = Object.fromEntries(Object.entries(SCHEMAS).map(([name, s]) => [name, toSchema(s)]));
  schemas.Problem = {
    type: 'object', required: ['type', 'title', 'status'],
    properties: {
      type: str, title: str, status: { type: 'integer' }, detail: str,
      errors: { type: 'array', items: { type: 'object', properties: { field: str, message: str }, required: ['field', 'message'] } },
    },
  };
  return {
    openapi: '3.1.0',
    info: { title: 'Customer Portal reference server', version: '1.0.0' },
    servers: [{ url: '/api/v1' }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', description: 'PORTAL_ADMIN_TOKEN' },
        agentKey: { type: 'http', scheme: 'bearer', description: 'An agent API key (POST /admin/api-keys): the helpdesk API only, posting as that agent' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'portal_session' },
        sessionBearer: { type: 'http', scheme: 'bearer', description: 'A session token handed to the host' },
      },
    },
  };
}

let cached: ReturnType<typeof openApiDocument> | undefined;

export const openApiRoutes = new Hono<AppEnv>().get('/openapi.json', (c) => c.json((cached ??= openApiDocument())));
