import type { MailRequest } from './templates.js';

/**
 * HTML of a message as plain text for an email: paragraphs (and other blocks) end with a blank line, line breaks
 * stay, list items get "- ", tags are dropped, entities decoded.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|blockquote|pre|ul|ol)>/gi, '\n\n')
    .replace(/<\/li>/gi, '\n')
    .replace(/<li[^>]*>/gi, '- ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The ticket label inside a sentence: German keeps nouns capitalized, the others lowercase it (not acronyms). */
export function labelInSentence(label: string, locale: string) {
  if (locale === 'de' || label.length < 2) return label;
  const second = label.charAt(1);
  return second === second.toUpperCase() && second !== second.toLowerCase() ? label : label.charAt(0).toLocaleLowerCase(locale) + label.slice(1);
}

export interface AgentReplyMail {
  to: string;
  /** One of the email languages (en, de, sv, da). */
  locale: string;
  /** The portal's name and ticket label in that language. */
  portal: string;
  ticketLabel: string;
  agentName: string;
  ticket: { id: number; subject: string };
  /** The reply as the agent wrote it (HTML): quoted as text, never as markup. */
  bodyHtml: string;
  /** The ticket in the portal. */
  link: string;
}

/** The "an agent answered" email (kind `agent-reply`): the reply quoted, a button to the ticket, how to opt out. */
export function agentReplyMail(input: AgentReplyMail): MailRequest {
  return {
    kind: 'agent-reply', to: input.to, locale: input.locale, portal: input.portal, link: input.link,
    values: { agent: input.agentName, label: labelInSentence(input.ticketLabel, input.locale), id: String(input.ticket.id), subject: input.ticket.subject },
    quote: htmlToText(input.bodyHtml),
  };
}
