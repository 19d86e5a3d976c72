import type { Generated } from 'kysely';

/** An agent's key for the helpdesk API (`/admin/tickets…`), created and revoked by the admin; stored hashed. */
export interface AgentApiKeysTable {
  id: Generated<number>;
  agent_id: number;
  label: string;
  /** SHA-256 (hex) of the key. */
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

/** An endpoint the admin registered for events; `events` is a JSON array of event types. */
export interface WebhooksTable {
  id: Generated<number>;
  url: string;
  events: string;
  description: string | null;
  secret: string;
  created_at: string;
}

/** One event for one endpoint: the exact body POSTed, its state and retry schedule. */
export interface WebhookDeliveriesTable {
  id: Generated<number>;
  webhook_id: number;
  /** The event's id (`evt_…`), the same in every attempt and replay so receivers can deduplicate. */
  event_id: string;
  event: string;
  /** Deliveries of one ticket go out in order; `null` for events without a ticket. */
  ticket_id: number | null;
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  /** Time (ISO) of the next attempt. */
  next_attempt_at: string;
  created_at: string;
  delivered_at: string | null;
}

/** A contact's choices about email (absent row = defaults: every email). */
export interface ContactPreferencesTable {
  contact_id: number;
  /** 1 = email me when an agent answers. */
  reply_emails: number;
  /** The language the contact last used the portal in (emails are written in it); `null`: the portal's default. */
  locale: string | null;
}

/** An inbox of the helpdesk (portal threads record the one they came in through). */
export interface InboxesTable {
  name: string;
  created_at: string;
}

export interface HelpdeskTables {
  inboxes: InboxesTable;
  agent_api_keys: AgentApiKeysTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  contact_preferences: ContactPreferencesTable;
}
