import type { Context } from 'hono';
import type { TicketRecord } from '../../src/domain/world.js';
import type { Db } from '../db/connect.js';
import { portalLink } from '../http/client.js';
import type { AppEnv } from '../http/context.js';
import { agentReplyMail } from '../mail/agent-reply.js';
import { contactMailLocale, queueMail } from '../mail/queue.js';
import { matchMailLocale } from '../mail/templates.js';
import { readAgents } from './agents.js';

/** A contact's email preferences (defaults when never set: reply emails on, the portal's default language). */
export async function readPreferences(db: Db, contactId: number) {
  const row = await db.selectFrom('contact_preferences').selectAll().where('contact_id', '=', contactId).executeTakeFirst();
  return { replyEmails: row ? row.reply_emails === 1 : true, locale: row?.locale ?? null };
}

export async function writePreferences(db: Db, contactId: number, prefs: { replyEmails: boolean; locale: string | null }) {
  const values = { reply_emails: prefs.replyEmails ? 1 : 0, locale: prefs.locale };
  await db.insertInto('contact_preferences').values({ contact_id: contactId, ...values })
    .onConflict((oc) => oc.column('contact_id').doUpdateSet(values)).execute();
}

/**
 * Emails the ticket's contact that an agent answered (unless they turned these emails off), as HTML and text like
 * every email: in the language they chose in the portal (else their `locale` property, else the portal's default
 * language), with the reply's text and a link to the ticket in the portal.
 */
export async function queueReplyEmail(db: Db, c: Context<AppEnv>, input: { ticket: TicketRecord; messageId: number; body: string; authorId: number; at: number }) {
  const contact = await db.selectFrom('contacts').select(['id', 'email']).where('id', '=', input.ticket.contactId).executeTakeFirst();
  if (!contact) return;
  const prefs = await readPreferences(db, contact.id);
  if (!prefs.replyEmails) return;
  const settings = c.get('settings');
  const chosen = prefs.locale !== null && settings.locales.includes(prefs.locale as never) ? prefs.locale : null;
  const locale = matchMailLocale(chosen) ?? await contactMailLocale(db, contact.id, [settings.defaultLocale]);
  const translated = settings.translations?.[locale as keyof typeof settings.translations];
  const agent = (await readAgents(db, [input.authorId])).get(input.authorId);
  await queueMail(db, agentReplyMail({
    to: contact.email, locale, portal: translated?.name ?? settings.name, ticketLabel: translated?.ticketLabel?.singular ?? settings.ticketLabel.singular,
    agentName: agent ? `${agent.firstName} ${agent.lastName}`.trim() : settings.name,
    ticket: { id: input.ticket.id, subject: input.ticket.subject }, bodyHtml: input.body,
    link: portalLink(c, `/tickets/${input.ticket.id}`),
  }), input.at);
}
