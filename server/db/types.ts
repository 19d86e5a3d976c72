import type { Generated } from 'kysely';
import type { ConversationTables } from './conversation-types.js';
import type { TicketRequestTables } from './ticket-request-types.js';
import type { HelpdeskTables } from './helpdesk-types.js';

/** Booleans are stored as 0/1 integers so the schema stays the same on every dialect. */
export type Flag = 0 | 1;

export interface SettingsTable {
  id: number;
  data: string;
  version: number;
  updated_at: string;
}

export interface PipelinesTable {
  id: string;
  label: string;
  position: number;
}

export interface StagesTable {
  pipeline_id: string;
  id: string;
  label: string;
  closed: Flag;
  position: number;
}

export interface CompaniesTable {
  id: Generated<number>;
  name: string;
  domain: string | null;
}

export interface AccessGroupsTable {
  id: Generated<number>;
  name: string;
}

export interface ContactsTable {
  id: Generated<number>;
  /** Lowercased. */
  email: string;
  name: string;
  /** Lowercased name for sorting; `null` when the name is empty. */
  name_key: string | null;
  company_id: number | null;
  password_hash: string | null;
  external_id: string | null;
  created_at: string;
}

export interface ContactAccessGroupsTable {
  contact_id: number;
  access_group_id: number;
}

export interface ContactPropertiesTable {
  contact_id: number;
  name: string;
  value_json: string;
}

export interface AgentsTable {
  id: Generated<number>;
  first_name: string;
  last_name: string;
  alias: string | null;
  /** Lowercased owner display names per `settings.ownerName`; `null` when the name is empty. */
  key_first: string | null;
  key_last: string | null;
  key_full: string | null;
  key_alias: string | null;
}

export interface TicketsTable {
  id: Generated<number>;
  subject: string;
  subject_key: string;
  content: string;
  pipeline: string;
  stage: string;
  priority: string | null;
  owner_id: number | null;
  contact_id: number;
  company_id: number | null;
  created_at: string;
  last_activity_at: string;
}

/**
 * Every property of a ticket in matching form, core fields (`core = 1`) and custom properties alike, so filters,
 * visibility rules and sorting compile to the same SQL whatever the property is.
 */
export interface TicketPropertiesTable {
  ticket_id: number;
  name: string;
  core: Flag;
  /** The original value as JSON. */
  value_json: string;
  /** `String(value).toLowerCase()`; `null` when the value is null. */
  value_text: string | null;
  /** The number the value stands for (numbers, numeric text), else `null`. */
  value_num: number | null;
  /** The value when it is a JSON number, else 0: numbers sort numerically, text by `value_text`. */
  sort_num: number;
  /** 1 when the value is neither null nor empty text. */
  known: Flag;
}

export interface MessagesTable {
  id: Generated<number>;
  ticket_id: number;
  thread: number;
  author_kind: 'agent' | 'contact';
  author_id: number;
  body: string;
  internal: Flag;
  created_at: string;
}

export interface AttachmentsTable {
  id: Generated<number>;
  message_id: number;
  name: string;
  content_type: string;
  size: number;
  storage_key: string;
}

/**
 * The largest row id: ids are 32-bit integer columns on PostgreSQL (serial), so a larger number names no row — and
 * must never reach a query, where PostgreSQL would refuse it as out of range.
 */
export const MAX_ROW_ID = 2_147_483_647;

export interface SessionsTable {
  token_hash: string;
  contact_id: number;
  /** Epoch milliseconds. */
  created_at: number;
  last_activity_at: number;
  expires_at: number;
  /** How the session was started: `password` (also reset, invitation, emailed link, registration) or `sso`. */
  method: Generated<SessionMethod>;
}

export type SessionMethod = 'password' | 'sso';

export interface InvitationsTable {
  token_hash: string;
  contact_id: number;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface ConsentsTable {
  id: Generated<number>;
  contact_id: number;
  /** The consent text the contact agreed to, as shown then. */
  text: string;
  /** SHA-256 (hex) of that text. */
  text_version: string;
  created_at: string;
}

/** One-time tokens other than invitations: `reset` (password reset) and `magic` (emailed sign-in link). */
export interface AuthTokensTable {
  token_hash: string;
  kind: 'reset' | 'magic';
  contact_id: number;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** `jti` claims of SSO JWTs already used, kept until the token would have expired anyway. */
export interface UsedJtisTable {
  jti: string;
  expires_at: number;
}

export interface OutboxTable {
  id: Generated<number>;
  recipient: string;
  subject: string;
  text: string;
  link: string | null;
  created_at: string;
  /** What `server/mail/` sends (null for rows written before it). */
  kind: string | null;
  html: string | null;
  /** `queued` (waiting or retrying), `sent`, `failed` (gave up). Without SMTP, emails stay `queued` here. */
  status: Generated<string>;
  attempts: Generated<number>;
  /** Epoch ms of the next try. */
  next_attempt_at: number | null;
  /** Epoch ms until which one instance holds the row while it sends it. */
  claimed_until: number | null;
  sent_at: string | null;
  last_error: string | null;
}

/** One throttle event (a failed sign-in, an email request) of any instance. */
export interface ThrottleHitsTable {
  id: Generated<number>;
  key: string;
  /** Epoch ms. */
  at: number;
}

/** Why a session ended, kept for a while after its row is gone (see `server/auth/sessions.ts`). */
export interface EndedSessionsTable {
  token_hash: string;
  reason: 'access-revoked' | 'expired';
  /** Epoch ms. */
  ended_at: number;
}

/** A self-registration waiting for its address to be confirmed by the emailed link (`token_hash`). */
export interface RegistrationsTable {
  token_hash: string;
  email: string;
  name: string;
  password_hash: string;
  /** The consent text the person agreed to when registering. */
  consent_text: string;
  /** Epoch ms. */
  created_at: number;
  expires_at: number;
}

export interface Database extends ConversationTables, TicketRequestTables, HelpdeskTables {
  throttle_hits: ThrottleHitsTable;
  settings: SettingsTable;
  pipelines: PipelinesTable;
  stages: StagesTable;
  companies: CompaniesTable;
  access_groups: AccessGroupsTable;
  contacts: ContactsTable;
  contact_access_groups: ContactAccessGroupsTable;
  contact_properties: ContactPropertiesTable;
  agents: AgentsTable;
  tickets: TicketsTable;
  ticket_properties: TicketPropertiesTable;
  messages: MessagesTable;
  attachments: AttachmentsTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  outbox: OutboxTable;
  consents: ConsentsTable;
  auth_tokens: AuthTokensTable;
  used_jtis: UsedJtisTable;
  ended_sessions: EndedSessionsTable;
  registrations: RegistrationsTable;
}
