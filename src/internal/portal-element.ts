import { LitElement, adoptStyles } from 'lit';
import { property } from 'lit/decorators.js';
import { SCOPED_REGISTRIES, createShellRegistry } from './scoped-registry.js';
import { LocaleController } from './locale-controller.js';
import { withLocale } from './messages.js';

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

  /**
   * Language of an element on its own (`de`, `sv`, `ar`, … or one a host registered); defaults to the page's
   * `lang`. Inside `<customer-portal>` the portal's language applies.
   */
  @property() locale = '';

  /** This element's language (see `LocaleController`); it is current while the element renders. */
  protected readonly localization = new LocaleController(this);

  /** The language the element decided on itself (the shell, once it knows), winning over everything else. */
  protected decidedLocale(): string | undefined {
    return undefined;
  }

  /** The language this element speaks. */
  protected get portalLocale(): string {
    return this.localization.locale;
  }

  protected override performUpdate() {
    withLocale(this.localization.locale, () => super.performUpdate());
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = this.#createRenderRoot();
    this.localization.listen(root);
    return root;
  }

  #createRenderRoot(): HTMLElement | DocumentFragment {
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
