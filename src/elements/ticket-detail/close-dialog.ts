import { msg, str } from '../../internal/messages.js';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';

/** "Close this ticket?" — a native modal dialog; Escape cancels. */
export function renderCloseDialog(open: boolean, singular: string, confirm: () => void, cancel: () => void) {
  const sync = (element?: Element) => {
    const dialog = element as HTMLDialogElement | undefined;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  };
  return html`
    <dialog part="close-dialog" aria-labelledby="close-title" ${ref(sync)} @cancel=${(e: Event) => { e.preventDefault(); cancel(); }}>
      <h2 id="close-title">${msg(str`Close this ${singular}?`, { id: 'detail.close-title' })}</h2>
      <p>${msg('You can still read it afterwards.', { id: 'detail.close-text' })}</p>
      <div class="dialog-actions">
        <button class="primary" type="button" @click=${confirm}>${msg(str`Close ${singular}`, { id: 'detail.close' })}</button>
        <button class="secondary" type="button" autofocus @click=${cancel}>${msg('Cancel', { id: 'detail.cancel' })}</button>
      </div>
    </dialog>
  `;
}
