/** The library version, compared when an element is defined twice (two copies of the library on one page). */
export const VERSION = '0.1.0';

type Registry = { __customerPortalElements?: Record<string, string> };
const registry = globalThis as Registry;

/**
 * Registers a custom element once. A second registration of the same tag is skipped; when it comes from a
 * different library version, a warning says so (the first definition stays in charge).
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
    registry.__customerPortalElements = { ...registry.__customerPortalElements, [tag]: VERSION };
    return;
  }
  const registered = registry.__customerPortalElements?.[tag];
  if (existing !== ctor && registered && registered !== VERSION) {
    console.warn(`<${tag}> is already defined by customer-portal-elements ${registered}; version ${VERSION} is not used.`);
  }
}
