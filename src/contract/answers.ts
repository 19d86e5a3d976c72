import {
  array, boolean, dateTime, id, int, is, nullable, number, object, oneOf, optional, record, string, union,
  type Checked, type Checker,
} from './check.js';
import type * as C from './changes.js';
import type { PropertyValue } from './common.js';
import type * as F from './form.js';
import type * as P from './preferences.js';
import type * as S from './session.js';
import type * as Settings from './settings.js';
import type * as T from './tickets.js';

/**
 * What the HttpAdapter accepts from the server, one checker per answer (`check.ts`), named like the contract type
 * it checks. Each is tied to that type: {@link answer} refuses to compile unless the checker gives exactly that type, so a field added to the
 * contract must be added here too; the conformance suite runs every answer of the real server through them.
 * The value lists are shared with the zod schemas of the server, which are built from them.
 */

export const AUTHOR_KINDS = ['agent', 'contact'] as const;
export const FORM_FIELD_TYPES = ['text', 'textarea', 'email', 'number', 'date', 'select', 'radio', 'checkbox', 'checkboxes', 'file'] as const;
export const STATUS_DISPLAYS = ['open-closed', 'stages'] as const;

/** Ties a checker to a contract type: compiles only when the checker's output is exactly `T`. */
const answer = <Want>() => <Got extends Checker<unknown>>(checker: [Checked<Got>, Want] extends [Want, Checked<Got>] ? Got : never) =>
  checker as Checker<Want>;

const count = int(0);
const propertyValue = is<PropertyValue>((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v),
  'text, a number, true, false or null');

const User = object({ id, email: string, name: string, companyId: nullable(id) });

export const Session = answer<S.Session>()(object({
  user: User, canViewCompany: boolean, expiresAt: dateTime, idleTimeoutSeconds: int(1),
}));

export const RegistrationResult = answer<S.RegistrationResult>()(union(Session, object({ status: oneOf(['check-email'] as const) })));

export const Preferences = answer<P.Preferences>()(object({ replyEmails: boolean, locale: nullable(string) }));
export type Preferences = P.Preferences;

const TicketLabel = object({ singular: string, plural: string });
const Consent = object({ text: string, checkboxLabel: string });
const Uploads = answer<F.UploadLimits>()(object({ maxFiles: count, maxBytes: int(1), accept: array(string) }));
const Theme = object({ accentColor: optional(string), logoUrl: optional(string) });

export const PublicSettings = answer<Settings.PublicSettings>()(object({
  name: string,
  enabled: boolean,
  ticketLabel: TicketLabel,
  defaultLocale: string,
  locales: array(string),
  auth: object({
    password: boolean,
    selfRegistration: boolean,
    magicLink: boolean,
    sso: nullable(object({ label: string, startUrl: string })),
  }),
  consent: Consent,
  supportForm: nullable(object({ menuText: string, headerText: string })),
  uploads: Uploads,
  columns: array(string),
  statusDisplay: oneOf(STATUS_DISPLAYS),
  idleTimeoutMinutes: number,
  knowledgeBaseUrl: nullable(string),
  theme: Theme,
}));

const summaryFields = {
  id,
  subject: string,
  status: object({ label: string, closed: boolean }),
  pipeline: string,
  stage: string,
  priority: nullable(string),
  contactId: id,
  requesterName: string,
  companyId: nullable(id),
  ownerId: nullable(id),
  ownerName: nullable(string),
  createdAt: dateTime,
  lastActivityAt: dateTime,
  properties: record(propertyValue),
};
const Summary = answer<T.TicketSummary>()(object(summaryFields));

export const Ticket = answer<T.Ticket>()(object({
  ...summaryFields, content: string, actions: object({ reply: boolean, close: boolean }),
}));

export const TicketPage = answer<T.TicketPage>()(object({ items: array(Summary), page: int(1), pageSize: int(1), total: count }));

export const TicketFacets = answer<T.TicketFacets>()(record(array(object({ value: string, label: string, count }))));

export const Message = answer<T.Message>()(object({
  id,
  ticketId: id,
  author: object({ kind: oneOf(AUTHOR_KINDS), name: string }),
  body: string,
  createdAt: dateTime,
  attachments: array(object({ id, name: string, size: count, contentType: string })),
}));

const Field = answer<F.FormField>()(object({
  name: string,
  label: string,
  type: oneOf(FORM_FIELD_TYPES),
  required: optional(boolean),
  minLength: optional(count),
  maxLength: optional(int(1)),
  min: optional(number),
  max: optional(number),
  pattern: optional(string),
  patternMessage: optional(string),
  options: optional(array(object({ value: string, label: string }))),
  placeholder: optional(string),
  help: optional(string),
  visibleWhen: optional(object({ field: string, equals: optional(union(string, boolean)), in: optional(array(string)) })),
}));

export const FormDefinition = answer<F.FormDefinition>()(object({
  menuText: string, headerText: string, fields: array(Field), uploads: Uploads,
}));

const MessageChange = object({ type: oneOf(['message'] as const), ticketId: int(), messageId: int() });
const TicketChange = object({ type: oneOf(['ticket'] as const), ticketId: int() });
export const PortalChange = answer<C.PortalChange>()(union(MessageChange, TicketChange));
export type PortalChange = C.PortalChange;
export const LiveEvent = answer<C.LiveEvent>()(union(MessageChange, TicketChange, object({ type: oneOf(['session-ended'] as const) })));
export type LiveEvent = C.LiveEvent;
