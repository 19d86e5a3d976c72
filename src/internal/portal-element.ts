import { LitElement, adoptStyles } from 'lit';
import { SCOPED_REGISTRIES, createShellRegistry } from './scoped-registry.js';

type ScopedShadowRootInit = ShadowRootInit & { customElementRegistry?: CustomElementRegistry };
type ScopedImport = (node: Node, options: { customElementRegistry: CustomElementRegistry }) => Node;

/**
 * Base of every portal element. Where the browser supports scoped custom element registries, the shell
 * (`ownRegistry`) renders its internal elements from a registry of its own, and elements inside it keep using
 * that registry for theirs; elsewhere everything uses the page's global registry.
 */
export class PortalElement extends LitElement {
  /** The shell: its shadow root gets a registry of its own. */
  protected static ownRegistry = false;

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const registry = this.#scopedRegistry();
    if (!registry || this.shadowRoot) return super.createRenderRoot();
    const ctor = this.constructor as typeof PortalElement;
    const root = this.attachShadow({ ...ctor.shadowRootOptions, customElementRegistry: registry } as ScopedShadowRootInit);
    adoptStyles(root, ctor.elementStyles);
    // Lit clones its templates through `creationScope`, so nested elements are created from the scoped registry.
    const importNode = document.importNode.bind(document) as unknown as ScopedImport;
    this.renderOptions.creationScope = { importNode: (node: Node) => importNode(node, { customElementRegistry: registry }) };
    this.renderOptions.renderBefore ??= root.firstChild;
    return root;
  }

  #scopedRegistry(): CustomElementRegistry | undefined {
    if (!SCOPED_REGISTRIES) return undefined;
    if ((this.constructor as typeof PortalElement).ownRegistry) return createShellRegistry(this.localName);
    const own = (this as { customElementRegistry?: CustomElementRegistry | null }).customElementRegistry;
    return own && own !== customElements ? own : undefined;
  }
}
