import type { Settings } from '../../src/contract/settings.js';
import type { Email } from '../store/outbox.js';

/** The email a customer gets when an agent answers: subject and text per portal language (en, de, sv, da). */

interface ReplyTexts {
  subject: (label: string, id: number, subject: string) => string;
  intro: (agent: string, label: string, portal: string) => string;
  open: (label: string) => string;
  optOut: string;
}

/** The ticket label inside a sentence: German keeps nouns capitalized, the others lowercase it (not acronyms). */
const inSentence = (label: string, locale: string) => {
  if (locale === 'de' || label.length < 2) return label;
  const second = label.charAt(1);
  return second === second.toUpperCase() && second !== second.toLowerCase() ? label : label.charAt(0).toLocaleLowerCase(locale) + label.slice(1);
};

const TEXTS: Record<string, ReplyTexts> = {
  en: {
    subject: (label, id, subject) => `New reply to your ${label} #${id}: ${subject}`,
    intro: (agent, label, portal) => `${agent} answered your ${label} at ${portal}:`,
    open: (label) => `Read and answer the ${label} here:`,
    optOut: 'You can turn these emails off in the portal under "Email notifications".',
  },
  de: {
    subject: (label, id, subject) => `Neue Antwort zu Ihrem ${label} #${id}: ${subject}`,
    intro: (agent, label, portal) => `${agent} hat auf Ihr ${label} bei ${portal} geantwortet:`,
    open: (label) => `${label} ansehen und antworten:`,
    optOut: 'Sie können diese E-Mails im Portal unter „E-Mail-Benachrichtigungen“ abschalten.',
  },
  sv: {
    subject: (label, id, subject) => `Nytt svar på ditt ${label} #${id}: ${subject}`,
    intro: (agent, label, portal) => `${agent} har svarat på ditt ${label} hos ${portal}:`,
    open: (label) => `Läs och svara på ditt ${label} här:`,
    optOut: 'Du kan stänga av de här e-postmeddelandena i portalen under ”E-postaviseringar”.',
  },
  da: {
    subject: (label, id, subject) => `Nyt svar på din ${label} #${id}: ${subject}`,
    intro: (agent, label, portal) => `${agent} har svaret på din ${label} hos ${portal}:`,
    open: (label) => `Læs og svar på din ${label} her:`,
    optOut: 'Du kan slå disse e-mails fra i portalen under "E-mailnotifikationer".',
  },
};

export const AGENT_REPLY_LOCALES = Object.keys(TEXTS);

/** HTML of a message as plain text for an email: paragraphs and line breaks kept, tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|blockquote|pre)>/gi, '\n')
    .replace(/<li[^>]*>/gi, '- ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface AgentReplyEmail {
  to: string;
  locale: string;
  agentName: string;
  ticket: { id: number; subject: string };
  bodyHtml: string;
  link: string;
}

/** The "an agent answered" email (kind `agent-reply`), in the contact's language, with the reply's text and a link to the ticket. */
export function agentReplyEmail(input: AgentReplyEmail, settings: Pick<Settings, 'name' | 'ticketLabel'>): Email {
  const texts = TEXTS[input.locale] ?? TEXTS.en;
  const label = inSentence(settings.ticketLabel.singular, input.locale);
  return {
    to: input.to,
    subject: texts.subject(label, input.ticket.id, input.ticket.subject),
    text: `${texts.intro(input.agentName, label, settings.name)}\n\n${htmlToText(input.bodyHtml)}\n\n`
      + `${texts.open(label)}\n${input.link}\n\n${texts.optOut}`,
    link: input.link,
  };
}
