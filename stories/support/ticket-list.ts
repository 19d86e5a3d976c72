import type { TicketView } from '../../src/contract/tickets.js';
import type { DemoWorld } from '../../src/domain/demo-world.js';

/** Fixtures of the `<ticket-list>` stories, shared with the browser test that renders them. */

/** A new colleague at the demo's main company: may see the company's tickets, has none of her own. */
export const NEW_CONTACT = { name: 'Nina Neu', email: 'nina@nordlicht.example', companyId: 1 } as const;

/** The search of the "nothing matches" story. */
export const NO_MATCH_SEARCH = 'zzzz-nothing-matches';

/** The admin's columns of the custom-columns story: `product` is a custom ticket property of the demo. */
export const CUSTOM_COLUMNS = ['subject', 'product', 'status', 'owner'];

/** How many own tickets the contact of the "many tickets" story has. */
export const MANY_TICKETS = 300;

/** Adds `NEW_CONTACT` (no tickets) to a world. */
export function addNewContact(world: DemoWorld) {
  if (world.contacts.some((c) => c.email === NEW_CONTACT.email)) return;
  const id = Math.max(...world.contacts.map((c) => c.id)) + 1;
  world.contacts.push({
    id, name: NEW_CONTACT.name, email: NEW_CONTACT.email, companyId: NEW_CONTACT.companyId,
    accessGroupIds: [], properties: { role: 'member', country: 'DE' }, password: 'portal-demo-2026',
  });
}

/**
 * Tops the contact's own tickets up to `total`, deterministically: copies of the demo's tickets (subject,
 * pipeline, stage, owner, product), one a few hours older than the last. Without conversations.
 */
export function addTicketsFor(world: DemoWorld, email: string, total: number) {
  const contact = world.contacts.find((c) => c.email === email);
  if (!contact) return;
  const templates = [...world.tickets];
  const own = world.tickets.filter((t) => t.contactId === contact.id).length;
  let id = Math.max(...world.tickets.map((t) => t.id));
  const newest = Math.max(...world.tickets.map((t) => Date.parse(t.createdAt)));
  for (let n = 0; n < total - own; n++) {
    const template = templates[n % templates.length];
    const at = new Date(newest - (n + 1) * 5 * 3_600_000).toISOString();
    world.tickets.push({
      ...template, id: ++id, content: `${template.subject}. Details from ${contact.name}.`, contactId: contact.id,
      companyId: contact.companyId, createdAt: at, lastActivityAt: at, properties: { ...template.properties },
    });
  }
}

/** The key under which `<ticket-list>` remembers a contact's last view (see `list-state.ts`). */
export const storedViewKey = (userId: number) => `customer-portal:view:${userId}`;

/**
 * Makes the list start in a view without touching the URL: with `routing="none"` the list reads the view from
 * the contact's stored choice (else "mine"). `mine` removes a choice left over from clicking around in other
 * stories; `company` stores it. Call before the portal mounts; `forgetView` removes it again.
 */
export function presetView(userId: number, view: TicketView) {
  try {
    if (view === 'company') localStorage.setItem(storedViewKey(userId), view);
    else localStorage.removeItem(storedViewKey(userId));
  } catch {
    // Storage off: the list starts in "mine".
  }
}

/**
 * A `portal-ready` listener that removes the preset choice once the list has read it (the list reads it in
 * the same task as the portal's first signed-in render; a timer runs after that), so other stories on the page
 * (e.g. the customer-portal ones) do not inherit it.
 */
export const forgetViewWhenReady = (userId: number) => () => {
  setTimeout(() => {
    try {
      localStorage.removeItem(storedViewKey(userId));
    } catch {
      // Nothing stored.
    }
  });
};
