import { msg, str } from '../../internal/messages.js';
import { html } from 'lit';
import type { Draft } from '../../internal/drafts.js';
import { CellFormat } from '../../internal/formats.js';

/** "You have an unsent reply from …" with "Restore draft" and "Discard draft". */
export function renderDraftOffer(draft: Draft, locale: string, restore: () => void, discard: () => void) {
  return html`<div class="notice" role="group" aria-label=${msg('Unsent draft', { id: 'reply.draft-label' })}>
          <p>${msg(str`You have an unsent reply from ${CellFormat.for(locale).dateTime.format(new Date(draft.savedAt || Date.now()))}.`, { id: 'reply.draft-offer' })}</p>
          <button class="primary" type="button" @click=${restore}>${msg('Restore draft', { id: 'reply.restore' })}</button>
          <button class="secondary" type="button" @click=${discard}>${msg('Discard draft', { id: 'reply.discard' })}</button>
        </div>`;
}
