import * as z from 'zod/mini';
import { Id, IsoDateTime, PropertyBag } from './common.js';
import {
  DEFAULT_QUERY, MAX_PAGE_SIZE, MAX_SEARCH_LENGTH, QUERY_MESSAGES, SORT_COLUMN, SORT_ORDERS, STATUS_FILTERS, TICKET_VIEWS,
} from './list-rules.js';
import { AUTHOR_KINDS } from './answers.js';

export { DEFAULT_QUERY, MAX_PAGE_SIZE };

export const TicketStatus = z.object({ label: z.string(), closed: z.boolean() });
export type TicketStatus = z.infer<typeof TicketStatus>;

/** One row of the ticket list, with display values already resolved per the portal settings. */
export const TicketSummary = z.object({
  id: Id,
  subject: z.string(),
  status: TicketStatus,
  pipeline: z.string(),
  stage: z.string(),
  priority: z.nullable(z.string()),
  contactId: Id,
  requesterName: z.string(),
  companyId: z.nullable(Id),
  ownerId: z.nullable(Id),
  ownerName: z.nullable(z.string()),
  createdAt: IsoDateTime,
  lastActivityAt: IsoDateTime,
  properties: PropertyBag,
});
export type TicketSummary = z.infer<typeof TicketSummary>;

export const TicketActions = z.object({ reply: z.boolean(), close: z.boolean() });

export const Ticket = z.extend(TicketSummary, {
  content: z.string(),
  actions: TicketActions,
});
export type Ticket = z.infer<typeof Ticket>;

export const Attachment = z.object({
  id: Id,
  name: z.string(),
  size: z.int().check(z.nonnegative()),
  contentType: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

export const Message = z.object({
  id: Id,
  ticketId: Id,
  author: z.object({ kind: z.enum(AUTHOR_KINDS), name: z.string() }),
  /** HTML from the helpdesk: untrusted, rendered only through the sanitizer. */
  body: z.string(),
  createdAt: IsoDateTime,
  attachments: z.array(Attachment),
});
export type Message = z.infer<typeof Message>;

export const TicketView = z.enum(TICKET_VIEWS);
export type TicketView = z.infer<typeof TicketView>;
export const StatusFilter = z.enum(STATUS_FILTERS);
export type StatusFilter = z.infer<typeof StatusFilter>;
export const SortOrder = z.enum(SORT_ORDERS);
export type SortOrder = z.infer<typeof SortOrder>;

/**
 * What the list asks for. Everything except `view` is optional on the wire and defaulted by `normalizeQuery`.
 * Built from the values of `list-rules.ts`, whose `ticketQueryProblems` is the check every side runs.
 */
export const TicketQuery = z.object({
  view: TicketView,
  q: z.string().check(z.maxLength(MAX_SEARCH_LENGTH, QUERY_MESSAGES.q)),
  status: StatusFilter,
  sort: z.string().check(z.regex(SORT_COLUMN, QUERY_MESSAGES.sort)),
  order: SortOrder,
  page: z.int().check(z.gte(1)),
  pageSize: z.int().check(z.gte(1), z.lte(MAX_PAGE_SIZE, QUERY_MESSAGES.pageSizeMax)),
  filters: z.record(z.string(), z.string()),
});
export type TicketQuery = z.infer<typeof TicketQuery>;

export const pageOf = <T extends z.core.$ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.int().check(z.gte(1)),
    pageSize: z.int().check(z.gte(1)),
    total: z.int().check(z.nonnegative()),
  });
export const TicketPage = pageOf(TicketSummary);
export type TicketPage = z.infer<typeof TicketPage>;

/** A reply or a new ticket's file, as the browser hands it over. */
export interface UploadFile {
  name: string;
  size: number;
  type: string;
  blob: Blob;
}

/** One value a list column can be filtered by, as the server reports it for the current view. */
export const Facet = z.object({ value: z.string(), label: z.string(), count: z.int().check(z.nonnegative()) });
export type Facet = z.infer<typeof Facet>;

/** Filter values per filter property (`ownerId`, `contactId`, `priority`, custom properties…). */
export const TicketFacets = z.record(z.string(), z.array(Facet));
export type TicketFacets = z.infer<typeof TicketFacets>;
