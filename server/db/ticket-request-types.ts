/** One new ticket posted from the support form with an Idempotency-Key: a key creates once per contact (primary key). */
export interface TicketRequestsTable {
  contact_id: number;
  idempotency_key: string;
  /** SHA-256 (hex) of what was posted (values, files): the same key with other content is a conflict (409). */
  fingerprint: string;
  ticket_id: number;
  created_at: string;
}

export interface TicketRequestTables {
  ticket_requests: TicketRequestsTable;
}
