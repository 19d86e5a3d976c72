import { ConflictError } from '../contract/errors.js';
import { PortalErrorEvent } from './events.js';
import { rememberElement } from './scoped-registry.js';

/** The library version, compared when an element is defined twice (two copies of the library on one page). */
export const VERSION = '0.1.0';

type Registry = { __customerPortalElements?: Record<string, string> };
const registry = globalThis as Registry;

/**
 * Registers a custom element once. A second registration of the same tag by another copy of this library is
 * skipped (with a warning when the versions differ; the first definition stays in charge). When something else
 * on the page already owns the tag, the portal cannot use it: a warning names the tag and the way out, and a
 * `portal-error` event (a `ConflictError`) goes to `document`.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  rememberElement(tag, ctor);
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
    registry.__customerPortalElements = { ...registry.__customerPortalElements, [tag]: VERSION };
    return;
  }
  if (existing === ctor) return;
  const registered = registry.__customerPortalElements?.[tag];
  if (!registered) {
    const message = `<${tag}> is already defined by another script on this page, so customer-portal-elements cannot `
      + `register it and the page shows the other element instead. Register the portal under other names with `
      + `definePortalElements({ prefix: 'my-' }).`;
    console.warn(message);
    globalThis.document?.dispatchEvent(new PortalErrorEvent({ error: new ConflictError(message) }));
  } else if (registered !== VERSION) {
    console.warn(`<${tag}> is already defined by customer-portal-elements ${registered}; version ${VERSION} is not used.`);
  }
}
