import { MAIL_LOCALES, MAIL_TEXTS, type MailLocale } from './texts.js';

/** One email to send, as every caller describes it: its kind, recipient, language and the values of its texts. */
export interface MailRequest {
  /** A key of `MAIL_TEXTS` (`invitation`, `reset`, `account-exists`, `sign-in-link`, …). */
  kind: string;
  to: string;
  /** Any language tag; the closest of en/de/sv/da is used (English when none fits). */
  locale?: string | null;
  /** The portal's name. */
  portal: string;
  /** The recipient's name (greetings). */
  name?: string;
  /** The one link of the email (a one-time token or a page). */
  link?: string;
  /** Further `{placeholder}` values of the kind's texts (e.g. `agent`, `label`, `id`, `subject`). */
  values?: Record<string, string>;
  /** A quoted message (plain text; blank lines separate paragraphs), shown after the texts' `lead`. */
  quote?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The closest supported language of a tag or an `Accept-Language` value (`de-CH,de;q=0.9` → `de`). */
export function matchMailLocale(given: string | null | undefined): MailLocale | undefined {
  for (const part of (given ?? '').split(',')) {
    const primary = part.trim().split(/[-_;]/)[0].toLowerCase();
    if ((MAIL_LOCALES as readonly string[]).includes(primary)) return primary as MailLocale;
  }
  return undefined;
}

/** `matchMailLocale`, English when nothing fits. */
export const mailLocale = (given: string | null | undefined): MailLocale => matchMailLocale(given) ?? 'en';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A quoted message as HTML: its paragraphs (blank lines) and line breaks kept, every character escaped. */
const quoteHtml = (quote: string) => `<blockquote style="margin:0 0 16px;padding:4px 12px;border-left:3px solid #c8c8c8;color:#333333">\n${
  quote.split(/\n{2,}/).map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`).join('\n')}\n</blockquote>`;

/** Subject, plain text and HTML of an email in the recipient's language; every value is escaped in the HTML. */
export function renderMail(request: MailRequest): RenderedMail {
  const byLocale = MAIL_TEXTS[request.kind];
  if (!byLocale) throw new Error(`No email texts for "${request.kind}"`);
  const texts = byLocale[mailLocale(request.locale)];
  const values: Record<string, string> = { ...request.values, portal: request.portal, name: request.name?.trim() || request.to };
  // One pass: a filled-in value (a ticket subject, say) is never read for placeholders again.
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
  const subject = fill(texts.subject);
  const lead = (texts.lead ?? []).map(fill);
  const quote = request.quote?.trim() ? [request.quote.trim()] : [];
  const body = texts.body.map(fill);
  const note = fill(texts.note);
  const link = request.link;
  const text = [...lead, ...quote, ...body, ...(link ? [link] : []), note].join('\n\n');
  const paragraphs = [...lead.map((p) => `<p>${escapeHtml(p)}</p>`), ...quote.map(quoteHtml), ...body.map((p) => `<p>${escapeHtml(p)}</p>`)].join('\n');
  const button = link
    ? `<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 16px;background:#1f4fd1;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(fill(texts.action))}</a></p>\n<p style="font-size:13px;color:#555555">${escapeHtml(link)}</p>`
    : '';
  const html = `<!doctype html>
<html lang="${mailLocale(request.locale)}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a">
<h1 style="font-size:18px">${escapeHtml(request.portal)}</h1>
${paragraphs}
${button}
<p>${escapeHtml(note)}</p>
</body></html>`;
  return { subject, text, html };
}
