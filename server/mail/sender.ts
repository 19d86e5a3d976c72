import nodemailer from 'nodemailer';
import type { Db } from '../db/connect.js';
import { readSettings } from '../store/settings.js';

export interface MailSenderOptions {
  db: Db;
  /** `smtp://user:pass@host:port` or `smtps://…` (nodemailer's connection URL). */
  smtpUrl: string;
  /** Sender address; the portal's name is its display name. */
  from: string;
  now: () => number;
  /** First retry after this long, doubling per failed attempt up to `maxDelayMs`. */
  retryMs?: number;
  maxDelayMs?: number;
  /** After this many failed attempts an email is `failed`. */
  maxAttempts?: number;
  /** How often the queue is looked at. */
  pollMs?: number;
  log?: (entry: Record<string, unknown>) => void;
}

/** How long one instance holds an email while sending it; another instance takes over after that. */
const CLAIM_MS = 60_000;
const REDACTED = '[link removed after sending]';

/**
 * Delivers queued emails over SMTP: each due email is claimed by one instance (a conditional update), sent as text
 * and HTML, then marked `sent` with its link and HTML dropped (no usable token stays in the outbox). A failure is
 * retried with exponential backoff; after `maxAttempts` the email is `failed` (and redacted too).
 */
export function startMailSender(options: MailSenderOptions) {
  const { db, now, retryMs = 5_000, maxDelayMs = 10 * 60_000, maxAttempts = 10, pollMs = 500, log = () => {} } = options;
  const transport = nodemailer.createTransport(options.smtpUrl);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  async function claim(id: number, at: number): Promise<boolean> {
    const result = await db.updateTable('outbox').set({ claimed_until: at + CLAIM_MS })
      .where('id', '=', id).where('status', '=', 'queued')
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async function sendOne(id: number) {
    const at = now();
    if (!(await claim(id, at))) return;
    const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const redacted = { link: null, html: null, text: row.link ? row.text.split(row.link).join(REDACTED) : row.text, claimed_until: null };
    try {
      const portal = (await readSettings(db)).name;
      await transport.sendMail({
        from: { name: portal, address: options.from }, to: row.recipient, subject: row.subject, text: row.text,
        ...(row.html ? { html: row.html } : {}),
      });
      await db.updateTable('outbox').set({ ...redacted, status: 'sent', attempts: row.attempts + 1, sent_at: new Date(now()).toISOString(), last_error: null })
        .where('id', '=', id).execute();
      log({ level: 'info', msg: 'email sent', outboxId: id, kind: row.kind });
    } catch (error) {
      const attempts = row.attempts + 1;
      const failed = attempts >= maxAttempts;
      const delay = Math.min(maxDelayMs, retryMs * 2 ** (attempts - 1));
      await db.updateTable('outbox').set({
        ...(failed ? { ...redacted, status: 'failed' } : { claimed_until: null }),
        attempts, next_attempt_at: now() + delay, last_error: String((error as Error)?.message ?? error).slice(0, 500),
      }).where('id', '=', id).execute();
      log({ level: failed ? 'error' : 'warn', msg: failed ? 'email failed' : 'email delivery failed, will retry', outboxId: id, attempts, error: String(error) });
    }
  }

  async function round() {
    const due = await db.selectFrom('outbox').select('id')
      .where('status', '=', 'queued').where('next_attempt_at', '<=', now())
      .orderBy('id').limit(20).execute();
    for (const { id } of due) {
      if (stopped) return;
      await sendOne(id);
    }
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round().catch((error) => log({ level: 'error', msg: 'mail queue', error: String(error) })).finally(() => {
        running = undefined;
        schedule();
      });
    }, pollMs);
  }
  schedule();

  return {
    /** Stops looking at the queue, lets a send in progress finish, closes the SMTP connection. */
    async close() {
      stopped = true;
      clearTimeout(timer);
      await running;
      transport.close();
    },
  };
}

export type MailSender = ReturnType<typeof startMailSender>;
