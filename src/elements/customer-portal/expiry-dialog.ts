import { msg } from '../../internal/messages.js';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';

/**
 * The modal that warns of the idle timeout: "Stay signed in" (focused first) or "Sign out". A native modal
 * `<dialog>`: focus stays inside while it is open, Escape keeps the customer signed in.
 */
export function renderExpiryDialog(open: boolean, stay: () => void, signOut: () => void) {
  const sync = (element?: Element) => {
    const dialog = element as HTMLDialogElement | undefined;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  };
  return html`
    <dialog part="expiry-dialog" aria-labelledby="expiry-title" aria-describedby="expiry-text" ${ref(sync)}
      @cancel=${(e: Event) => { e.preventDefault(); stay(); }}>
      <h2 id="expiry-title">${msg('Are you still there?', { id: 'portal.expiring-title' })}</h2>
      <p id="expiry-text">${msg('For your security you will be signed out in a minute unless you stay signed in.', { id: 'portal.expiring-text' })}</p>
      <div class="dialog-actions">
        <button class="primary" type="button" autofocus @click=${stay}>${msg('Stay signed in', { id: 'portal.stay' })}</button>
        <button class="secondary" type="button" @click=${signOut}>${msg('Sign out', { id: 'portal.sign-out' })}</button>
      </div>
    </dialog>
  `;
}
