import { expect } from '@open-wc/testing';

/** What the manifest declares for one element. */
interface Declared {
  parts: Set<string>;
  slots: Set<string>;
  cssProperties: Set<string>;
}

interface ManifestDeclaration {
  tagName?: string;
  cssParts?: { name: string }[];
  slots?: { name: string }[];
  cssProperties?: { name: string }[];
}

let declared: Promise<Map<string, Declared>> | undefined;

/** The committed `custom-elements.json`, per tag. */
function manifest(): Promise<Map<string, Declared>> {
  declared ??= fetch('/custom-elements.json').then((r) => r.json()).then((json: { modules: { declarations?: ManifestDeclaration[] }[] }) => {
    const byTag = new Map<string, Declared>();
    for (const d of json.modules.flatMap((m) => m.declarations ?? [])) {
      if (!d.tagName) continue;
      byTag.set(d.tagName, {
        parts: new Set((d.cssParts ?? []).map((p) => p.name)),
        slots: new Set((d.slots ?? []).map((s) => s.name)),
        cssProperties: new Set((d.cssProperties ?? []).map((p) => p.name)),
      });
    }
    return byTag;
  });
  return declared;
}

/** Every element in `root` and in the shadow roots below it. */
function* allElements(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* allElements(el.shadowRoot);
  }
}

/** Public custom properties the element's styles read (`var(--name`), not the private `--_name` ones. */
function cssPropertiesRead(root: ShadowRoot): Set<string> {
  const text = root.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n')
    + [...root.querySelectorAll('style')].map((s) => s.textContent).join('\n');
  return new Set([...text.matchAll(/var\(\s*(--[a-z][\w-]*)/g)].map((m) => m[1]).filter((name) => !name.startsWith('--_')));
}

/**
 * Fails when an element of the library renders a `part` or a slot, or reads a CSS custom property, that its JSDoc
 * (`@csspart`, `@slot`, `@cssprop` → `custom-elements.json`) does not declare.
 */
export async function expectDeclaredApi(root: Element) {
  const byTag = await manifest();
  const undeclared: string[] = [];
  for (const el of [root, ...allElements(root)]) {
    const api = byTag.get(el.localName);
    if (!api || !el.shadowRoot) continue;
    const shadow = el.shadowRoot;
    const parts = [...shadow.querySelectorAll('[part]')].flatMap((p) => p.getAttribute('part')!.split(/\s+/).filter(Boolean));
    const slots = [...shadow.querySelectorAll('slot')].map((s) => s.name);
    for (const part of parts) if (!api.parts.has(part)) undeclared.push(`<${el.localName}> part "${part}" (@csspart)`);
    for (const slot of slots) if (!api.slots.has(slot)) undeclared.push(`<${el.localName}> slot "${slot}" (@slot)`);
    for (const name of cssPropertiesRead(shadow)) if (!api.cssProperties.has(name)) undeclared.push(`<${el.localName}> ${name} (@cssprop)`);
  }
  expect([...new Set(undeclared)], 'rendered but not declared in the JSDoc').to.deep.equal([]);
}
