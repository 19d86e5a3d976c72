import { isServer } from 'lit';

/** The scoped custom element registry API, where the browser has it (not yet in TypeScript's DOM types). */
type RegistryConstructor = new () => CustomElementRegistry;
const Registry = (globalThis as { CustomElementRegistry?: RegistryConstructor }).CustomElementRegistry;

/**
 * Browsers with scoped custom element registries: `new CustomElementRegistry()`, `attachShadow({
 * customElementRegistry })` and `document.importNode(node, { customElementRegistry })`.
 */
export const SCOPED_REGISTRIES = !isServer && typeof Registry === 'function' && 'initialize' in Registry.prototype;

/**
 * Every element class of the library by tag (including those whose global tag another script took), and the
 * shells' registries, so elements defined later (another entry loaded on demand) join them too. Kept on
 * `globalThis` under a `Symbol.for` key: two copies of the library on one page (two bundles) fill the same
 * registries.
 */
const shared = ((globalThis as Record<symbol, unknown>)[Symbol.for('customer-portal-elements:scoped-registries')] ??= {
  classes: new Map<string, CustomElementConstructor>(),
  registries: new Set<CustomElementRegistry>(),
}) as { classes: Map<string, CustomElementConstructor>; registries: Set<CustomElementRegistry> };
const { classes, registries } = shared;

function defineIn(registry: CustomElementRegistry, tag: string, ctor: CustomElementConstructor) {
  if (!registry.get(tag)) registry.define(tag, ctor);
}

/** Records an element class of the library (called by `defineElement` for every tag it registers or tries to). */
export function rememberElement(tag: string, ctor: CustomElementConstructor) {
  classes.set(tag, ctor);
  for (const registry of registries) defineIn(registry, tag, ctor);
}

/**
 * A registry of its own for a shell's internal elements, with every element of the library: the page's other
 * scripts may use the same tag names globally without breaking the portal.
 */
export function createShellRegistry(shellTag: string): CustomElementRegistry {
  const registry = new Registry!();
  for (const [tag, ctor] of classes) if (tag !== shellTag) defineIn(registry, tag, ctor);
  registries.add(registry);
  return registry;
}
