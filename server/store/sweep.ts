import type { Db } from '../db/connect.js';
import { ENDED_REASON_RETENTION_MS, SESSION_LIFETIME_MS } from '../auth/sessions.js';
import { readSettings } from './settings.js';

/** How long idempotency records stay (retries come within minutes; the hourly submission rates read the last hour). */
export const IDEMPOTENCY_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
/** How often the running server sweeps. */
export const SWEEP_EVERY_MS = 60 * 60 * 1000;

export interface SweepResult {
  sessions: number;
  tokens: number;
  invitations: number;
  jtis: number;
  idempotency: number;
  /** Reasons of ended sessions past their retention. */
  endedSessions: number;
  /** Registrations whose confirmation link expired unused. */
  registrations: number;
}

const count = (result: { numDeletedRows: bigint }[]) => result.reduce((sum, r) => sum + Number(r.numDeletedRows), 0);

/**
 * Deletes what can no longer be used: sessions past their idle timeout or absolute lifetime, one-time tokens and
 * invitations past their expiry, used SSO `jti`s past their token's expiry, idempotency records older than
 * {@link IDEMPOTENCY_RETENTION_MS}, reasons of ended sessions past {@link ENDED_REASON_RETENTION_MS} and unconfirmed
 * registrations past their link's expiry. Plain comparisons only, so it runs alike on SQLite and PostgreSQL.
 */
export async function sweepExpired(db: Db, at: number): Promise<SweepResult> {
  const settings = await readSettings(db);
  const idleMs = settings.idleTimeoutMinutes * 60_000;
  const sessions = await db.deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', at), eb('last_activity_at', '<=', at - idleMs), eb('created_at', '<=', at - SESSION_LIFETIME_MS)]))
    .execute();
  const tokens = await db.deleteFrom('auth_tokens').where('expires_at', '<=', at).execute();
  const invitations = await db.deleteFrom('invitations').where('expires_at', '<=', at).execute();
  const jtis = await db.deleteFrom('used_jtis').where('expires_at', '<=', at).execute();
  const before = new Date(at - IDEMPOTENCY_RETENTION_MS).toISOString();
  const tickets = await db.deleteFrom('ticket_requests').where('created_at', '<', before).execute();
  const replies = await db.deleteFrom('reply_requests').where('created_at', '<', before).execute();
  const endedSessions = await db.deleteFrom('ended_sessions').where('ended_at', '<=', at - ENDED_REASON_RETENTION_MS).execute();
  const registrations = await db.deleteFrom('registrations').where('expires_at', '<=', at).execute();
  return {
    sessions: count(sessions), tokens: count(tokens), invitations: count(invitations), jtis: count(jtis), idempotency: count(tickets) + count(replies),
    endedSessions: count(endedSessions), registrations: count(registrations),
  };
}

/** Sweeps now and then every {@link SWEEP_EVERY_MS}; the returned function stops it. */
export function startSweeping(db: Db, now: () => number, log: boolean): () => void {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = sweepExpired(db, now()).catch((error: unknown) => {
      if (log) console.error(JSON.stringify({ level: 'error', message: `sweep failed: ${String(error)}` }));
    });
  };
  run();
  const timer = setInterval(run, SWEEP_EVERY_MS).unref();
  return () => {
    clearInterval(timer);
    return running;
  };
}
