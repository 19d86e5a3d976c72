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

/** Subject, plain text and HTML of an email in the recipient's language; every value is escaped in the HTML. */
export function renderMail(request: MailRequest): RenderedMail {
  const byLocale = MAIL_TEXTS[request.kind];
  if (!byLocale) throw new Error(`No email texts for "${request.kind}"`);
  const texts = byLocale[mailLocale(request.locale)];
  const fill = (s: string) => s.replace(/\{(portal|name)\}/g, (_, key: 'portal' | 'name') => (key === 'portal' ? request.portal : request.name?.trim() || request.to));
  const subject = fill(texts.subject);
  const body = texts.body.map(fill);
  const note = fill(texts.note);
  const link = request.link;
  const text = [...body, ...(link ? [link] : []), note].join('\n\n');
  const paragraphs = body.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
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
