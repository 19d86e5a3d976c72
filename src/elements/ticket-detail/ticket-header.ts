import { msg, str } from '../../internal/messages.js';
import { html, nothing } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import type { PublicSettings } from '../../contract/settings.js';
import type { Ticket } from '../../contract/tickets.js';
import { headingTag } from '../../internal/heading.js';
import { getPortalLocale, labelInSentence } from '../../internal/localization.js';
import { cellContent, columnLabel } from '../../internal/ui/columns.js';
import type { CellFormat } from '../../internal/formats.js';

/** Properties the header always shows; the admin's other columns are added after them. */
const ALWAYS = ['id', 'status', 'createdAt', 'lastActivityAt', 'owner'];
const NEVER = new Set(['subject', 'requester']);

/** Subject, ID, status, dates, owner and the admin's configured properties, with "Back to {tickets}". */
export function renderTicketHeader(ticket: Ticket, settings: PublicSettings, format: CellFormat, level: number, back: (e: Event) => void) {
  const fields = [...ALWAYS, ...settings.columns.filter((c) => !ALWAYS.includes(c) && !NEVER.has(c))];
  const tag = headingTag(level);
  return html`
    <div class="ticket-header" part="header">
      <p><a href="#/tickets" @click=${back}>${msg(str`Back to ${labelInSentence(settings.ticketLabel.plural, getPortalLocale())}`, { id: 'portal.back-to-tickets' })}</a></p>
      ${staticHtml`<${tag} class="subject" part="subject">${ticket.subject}</${tag}>`}
      <dl class="facts">
        ${fields.map((field) => {
          const value = cellContent(ticket, field, format, settings.statusDisplay === 'stages');
          return value === nothing ? nothing : html`<div><dt>${columnLabel(field)}</dt><dd>${value}</dd></div>`;
        })}
      </dl>
    </div>
  `;
}
