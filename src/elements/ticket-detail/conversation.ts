import { msg } from '../../internal/messages.js';
import { exportParts } from '../../internal/parts.js';
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Message } from '../../contract/tickets.js';
import { displayFileName, formatBytes } from '../../internal/files.js';
import { CellFormat } from '../../internal/formats.js';
import type { Tags } from '../../internal/tag-names.js';
import { html as staticHtml } from 'lit/static-html.js';

/** The messages of the ticket's conversation, oldest first, each with author, time, body and attachments. */
export function renderConversation(messages: readonly Message[], locale: string, attachmentUrl: (id: number) => string, canReply: boolean, t: Tags) {
  const when = CellFormat.for(locale).dateTime;
  if (messages.length === 0) {
    return html`<p class="muted">${canReply
      ? msg('No messages yet. Write the first one below.', { id: 'detail.no-messages' })
      : msg('No messages yet.', { id: 'detail.no-messages-closed' })}</p>`;
  }
  return html`<ol class="conversation" part="conversation">
    ${repeat(messages, (m) => m.id, (m) => html`
      <li class="message ${m.author.kind}" part="message">
        <article aria-label=${`${m.author.name}, ${when.format(new Date(m.createdAt))}`}>
          <header class="message-header">
            <span class="author">${m.author.name}</span>
            ${m.author.kind === 'agent' ? html`<span class="badge">${msg('Support team', { id: 'detail.agent' })}</span>` : nothing}
            <time datetime=${m.createdAt}>${when.format(new Date(m.createdAt))}</time>
          </header>
          ${staticHtml`<${t['portal-message-body']} exportparts=${exportParts('ticket-detail', 'portal-message-body')} .html=${m.body}></${t['portal-message-body']}>`}
          ${m.attachments.length ? html`<ul class="attachments" aria-label=${msg('Attachments', { id: 'detail.attachments' })}>
            ${m.attachments.map((a) => html`<li>
              <a href=${attachmentUrl(a.id)} download=${displayFileName(a.name)}><span class="file-name">${displayFileName(a.name)}</span></a>
              <span class="muted">${formatBytes(a.size, locale)}</span>
            </li>`)}
          </ul>` : nothing}
        </article>
      </li>`)}
  </ol>`;
}
