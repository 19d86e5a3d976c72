import {
  ApiKey, ApiKeyInput, CreatedApiKey, CreatedWebhook, HelpdeskMessage, HelpdeskTicketDetail, HelpdeskTicketPage, Webhook, WebhookDelivery,
  WebhookInput,
} from '../schemas/helpdesk.js';
import type { Route } from './openapi.js';
import { Preferences } from '../../src/contract/preferences.js';
import { Inbox, InboxInput } from './inboxes.js';
import { GroupMembership, InvitationsSent, Membership, PendingInvitations, SendInvitations } from './invitations.js';

/** Schemas and routes of the helpdesk API, API keys and webhooks in the OpenAPI document. */
export const HELPDESK_SCHEMAS = {
  HelpdeskTicketPage, HelpdeskTicketDetail, HelpdeskMessage, ApiKeyInput, ApiKey, CreatedApiKey, WebhookInput, Webhook, CreatedWebhook,
  WebhookDelivery, Inbox, InboxInput, Preferences, SendInvitations, GroupMembership, PendingInvitations, InvitationsSent, Membership,
};

const str = { type: 'string' };
const ID = { name: 'id', in: 'path' as const, schema: { type: 'integer', minimum: 1 } };

export const HELPDESK_ROUTES: Route[] = [
  { method: 'get', path: '/admin/tickets', summary: 'Every ticket (no customer permissions or visibility rules), in the portal\'s query language; `filter[inbox]` names the inbox a thread came in through, `waitingOnUs` keeps tickets whose last visible message is (true) or is not (false) the customer\'s',
    admin: true, agentKey: true, ok: { status: 200, schema: 'HelpdeskTicketPage' },
    params: [
      { name: 'q', in: 'query', schema: str, description: 'Subject text or ticket id (#42)' },
      { name: 'status', in: 'query', schema: { enum: ['open', 'closed', 'all'] } },
      { name: 'sort', in: 'query', schema: str, description: 'Property, or requester / owner / status' },
      { name: 'order', in: 'query', schema: { enum: ['asc', 'desc'] } },
      { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
      { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
      { name: 'filter[property]', in: 'query', schema: str, description: 'Property equals value; `inbox`, `pipeline`, `stage`, `ownerId`, `contactId`, `companyId` or any property; repeatable' },
      { name: 'waitingOnUs', in: 'query', schema: { enum: ['true', 'false'] } },
    ] },
  { method: 'get', path: '/admin/tickets/{id}', summary: 'One ticket with the description, every property, its contact, company, owner and threads',
    admin: true, agentKey: true, ok: { status: 200, schema: 'HelpdeskTicketDetail' }, params: [ID] },
  { method: 'get', path: '/admin/tickets/{id}/messages', summary: 'Every message of every thread, internal notes included, oldest first; attachments with a download URL',
    admin: true, agentKey: true, ok: { status: 200, schema: 'HelpdeskMessage', array: true }, params: [ID] },
  { method: 'get', path: '/admin/attachments/{id}', summary: 'Download the file of any message (as an attachment, nosniff)',
    admin: true, agentKey: true, ok: { status: 200, description: 'The file' }, params: [ID] },
  { method: 'post', path: '/admin/api-keys', summary: 'Create an API key for an agent; the key is in this answer only', admin: true, body: 'ApiKeyInput', ok: { status: 201, schema: 'CreatedApiKey' } },
  { method: 'get', path: '/admin/api-keys', summary: 'Every API key (without the keys themselves)', admin: true, ok: { status: 200, schema: 'ApiKey', array: true } },
  { method: 'delete', path: '/admin/api-keys/{id}', summary: 'Revoke an API key (at once; idempotent)', admin: true, ok: { status: 204 }, params: [ID] },
  { method: 'post', path: '/admin/webhooks', summary: 'Register an endpoint for events; the signing secret is in this answer only. Deliveries: POST `{id, type, createdAt, data: {ticketId?, messageId?, contactId?, authorKind?, internal?}}` with `X-Portal-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`; any 2xx within 10 s counts, else retried with backoff; one ticket\'s events in order',
    admin: true, body: 'WebhookInput', ok: { status: 201, schema: 'CreatedWebhook' } },
  { method: 'get', path: '/admin/webhooks', summary: 'Registered endpoints', admin: true, ok: { status: 200, schema: 'Webhook', array: true } },
  { method: 'delete', path: '/admin/webhooks/{id}', summary: 'Remove an endpoint and its delivery log', admin: true, ok: { status: 204 }, params: [ID] },
  { method: 'get', path: '/admin/webhooks/{id}/deliveries', summary: 'The delivery log, newest first (500 at most)', admin: true, ok: { status: 200, schema: 'WebhookDelivery', array: true }, params: [ID] },
  { method: 'post', path: '/admin/webhooks/{id}/deliveries/{deliveryId}/replay', summary: 'Send a delivery again (same event id and body, fresh signature)',
    admin: true, ok: { status: 202, schema: 'WebhookDelivery' }, params: [ID, { name: 'deliveryId', in: 'path', schema: { type: 'integer', minimum: 1 } }] },
  { method: 'get', path: '/admin/invitations/pending', summary: 'Who an invitation would go to now (access-groups portal: contacts in a granting group without a password and without an open invitation) and how many',
    admin: true, ok: { status: 200, schema: 'PendingInvitations' } },
  { method: 'post', path: '/admin/invitations', summary: 'Send those invitations (emails to the outbox). With `expectedCount` (the number the admin confirmed), 409 when it changed meanwhile',
    admin: true, body: 'SendInvitations', ok: { status: 200, schema: 'InvitationsSent' } },
  { method: 'post', path: '/admin/contacts/{id}/invitation', summary: 'Resend a contact\'s invitation: earlier links stop working (409 when the contact has a password; 422 outside the portal\'s groups)',
    admin: true, ok: { status: 200, schema: 'InvitationsSent' }, params: [ID] },
  { method: 'put', path: '/admin/contacts/{id}/access-groups', summary: 'Replace a contact\'s access groups; `invitationPending` says whether an invitation would now go out (sent by POST /admin/invitations)',
    admin: true, body: 'GroupMembership', ok: { status: 200, schema: 'Membership' }, params: [ID] },
  { method: 'get', path: '/admin/inboxes', summary: 'The helpdesk\'s inboxes (`settings.defaultInbox` must name one; `filter[inbox]` of the helpdesk list)', admin: true, agentKey: true, ok: { status: 200, schema: 'Inbox', array: true } },
  { method: 'post', path: '/admin/inboxes', summary: 'Add an inbox (409 when it exists)', admin: true, body: 'InboxInput', ok: { status: 201, schema: 'Inbox' } },
  { method: 'get', path: '/me/preferences', summary: 'The signed-in contact\'s email choices and language', session: true, ok: { status: 200, schema: 'Preferences' } },
  { method: 'put', path: '/me/preferences', summary: 'Change them: `replyEmails` (emails when an agent answers), `locale` (one of the portal\'s languages; 422 otherwise)',
    session: true, body: 'Preferences', ok: { status: 200, schema: 'Preferences' } },
];
