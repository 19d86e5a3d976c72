import * as z from 'zod/mini';
import { Id, IsoDateTime } from '../../src/contract/common.js';

/** Shapes of the helpdesk API (`/api/v1/admin/tickets…`, API keys, webhooks). */

const Json = z.unknown();

export const HelpdeskTicket = z.object({
  id: Id,
  subject: z.string(),
  /** The description (plain text). Only in `GET /admin/tickets/{id}`. */
  content: z.optional(z.string()),
  pipeline: z.string(),
  stage: z.string(),
  status: z.object({ label: z.string(), closed: z.boolean() }),
  priority: z.nullable(z.string()),
  ownerId: z.nullable(Id),
  contactId: Id,
  companyId: z.nullable(Id),
  createdAt: IsoDateTime,
  lastActivityAt: IsoDateTime,
  /** The last visible message is the customer's: an agent should answer. */
  waitingOnUs: z.boolean(),
  /** Every custom property. */
  properties: z.record(z.string(), Json),
});

export const HelpdeskTicketPage = z.object({ items: z.array(HelpdeskTicket), page: z.int(), pageSize: z.int(), total: z.int() });

export const HelpdeskTicketDetail = z.object({
  ...HelpdeskTicket.shape,
  contact: z.object({ id: Id, email: z.string(), name: z.string(), companyId: z.nullable(Id) }),
  company: z.nullable(z.object({ id: Id, name: z.string(), domain: z.nullable(z.string()) })),
  owner: z.nullable(z.object({ id: Id, firstName: z.string(), lastName: z.string(), alias: z.nullable(z.string()) })),
  /** The threads of the conversation and the inbox each came in through (when known). */
  threads: z.array(z.object({ id: z.int(), inbox: z.nullable(z.string()), visibleInPortal: z.boolean() })),
});

export const HelpdeskMessage = z.object({
  id: Id,
  ticketId: Id,
  threadId: z.int(),
  author: z.object({ kind: z.enum(['agent', 'contact']), id: Id, name: z.string() }),
  internal: z.boolean(),
  /** HTML as stored: untrusted, sanitize before showing it. */
  body: z.string(),
  attachments: z.array(z.object({ id: Id, name: z.string(), size: z.int(), contentType: z.string(), url: z.string() })),
  createdAt: IsoDateTime,
});

export const ApiKeyInput = z.object({ agentId: Id, label: z.optional(z.string().check(z.trim(), z.maxLength(200))) });
export const ApiKey = z.object({ id: Id, agentId: Id, label: z.string(), createdAt: IsoDateTime, revokedAt: z.nullable(IsoDateTime) });
export const CreatedApiKey = z.object({ ...ApiKey.shape, key: z.string() });

export const WEBHOOK_EVENTS = ['ticket.created', 'message.created', 'ticket.closed', 'contact.registered'] as const;
export const WebhookEvent = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

export const WebhookInput = z.object({
  url: z.string().check(z.maxLength(2000), z.refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), 'Give an http(s) URL.')),
  events: z.array(WebhookEvent).check(z.minLength(1, 'Name at least one event.')),
  description: z.optional(z.nullable(z.string().check(z.maxLength(500)))),
});
export const Webhook = z.object({
  id: Id, url: z.string(), events: z.array(WebhookEvent), description: z.nullable(z.string()), createdAt: IsoDateTime,
});
export const CreatedWebhook = z.object({ ...Webhook.shape, secret: z.string() });

export const WebhookDelivery = z.object({
  id: Id,
  eventId: z.string(),
  event: WebhookEvent,
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.int(),
  lastStatusCode: z.nullable(z.int()),
  lastError: z.nullable(z.string()),
  nextAttemptAt: z.nullable(IsoDateTime),
  createdAt: IsoDateTime,
  deliveredAt: z.nullable(IsoDateTime),
  /** The exact JSON body POSTed. */
  payload: Json,
});
