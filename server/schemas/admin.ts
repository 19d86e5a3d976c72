import * as z from 'zod/mini';
import { Id, IsoDateTime, PropertyBag, ShortText } from '../../src/contract/common.js';
import { Email, Password } from '../../src/contract/session.js';

/** Bodies of the admin API (`/api/v1/admin/*`). */

export const CompanyInput = z.object({
  name: ShortText(200),
  domain: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(253)))),
});

export const AccessGroupInput = z.object({ name: ShortText(200) });

export const ContactInput = z.object({
  email: Email,
  name: ShortText(200),
  companyId: z.optional(z.nullable(Id)),
  accessGroupIds: z.optional(z.array(Id)),
  properties: z.optional(PropertyBag),
  password: z.optional(z.nullable(Password)),
  externalId: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(200)))),
});

export const AgentInput = z.object({
  firstName: z.string().check(z.trim(), z.maxLength(100)),
  lastName: z.string().check(z.trim(), z.maxLength(100)),
  alias: z.optional(z.nullable(z.string().check(z.maxLength(100)))),
});

const StageId = z.string().check(z.minLength(1), z.maxLength(100));

export const TicketInput = z.object({
  contactId: Id,
  subject: ShortText(500),
  content: z.optional(z.string().check(z.maxLength(100_000))),
  pipeline: z.optional(StageId),
  stage: z.optional(StageId),
  ownerId: z.optional(z.nullable(Id)),
  priority: z.optional(z.nullable(z.string().check(z.maxLength(100)))),
  properties: z.optional(PropertyBag),
  createdAt: z.optional(IsoDateTime),
});

/** Changes to a ticket; `properties` are merged into the existing ones (a `null` value stays as `null`). */
export const TicketPatch = z.object({
  subject: z.optional(ShortText(500)),
  pipeline: z.optional(StageId),
  stage: z.optional(StageId),
  ownerId: z.optional(z.nullable(Id)),
  priority: z.optional(z.nullable(z.string().check(z.maxLength(100)))),
  properties: z.optional(PropertyBag),
});

export const MessageInput = z.object({
  author: z.enum(['agent', 'contact']),
  authorId: Id,
  body: z.string().check(z.minLength(1, 'Must not be empty.'), z.maxLength(500_000)),
  internal: z.optional(z.boolean()),
  newThread: z.optional(z.boolean()),
  /** The thread to add to (default: the one the customer sees in the portal). */
  threadId: z.optional(z.int().check(z.minimum(1), z.maximum(1_000_000))),
  /** Files attached to the message (base64; the whole JSON body stays under 1 MB). */
  attachments: z.optional(z.array(z.object({
    name: z.string().check(z.minLength(1), z.maxLength(255)),
    contentType: z.optional(z.string().check(z.maxLength(200))),
    contentBase64: z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Give the file as base64.')),
  })).check(z.maxLength(10, 'At most 10 files.'))),
  createdAt: z.optional(IsoDateTime),
});

export const CreatedId = z.object({ id: Id });

export const OutboxEntry = z.object({
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  /** Only while the email is not sent: no usable token stays after delivery. */
  link: z.optional(z.string()),
  createdAt: IsoDateTime,
  /** `queued` (waiting, retrying, or kept here without SMTP), `sent`, `failed` (gave up after retries). */
  status: z.enum(['queued', 'sent', 'failed']),
  attempts: z.int(),
  sentAt: z.optional(IsoDateTime),
});

export const PipelineOutput = z.object({
  id: z.string(),
  label: z.string(),
  stages: z.array(z.object({ id: z.string(), label: z.string(), closed: z.boolean() })),
});
