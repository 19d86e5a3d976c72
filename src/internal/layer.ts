import { unsafeCSS, type CSSResult, type CSSResultGroup } from 'lit';

/**
 * An element's styles inside `@layer portal`. Host page CSS (custom properties, `::part()`, rules on the element)
 * wins over shadow styles anyway; the layer makes any unlayered sheet added to the shadow root (a subclass's
 * `static styles`, `adoptedStyleSheets`) win too, whatever its specificity.
 */
export function layered(...groups: CSSResultGroup[]): CSSResult[] {
  const flat = (group: CSSResultGroup): CSSResult[] =>
    Array.isArray(group) ? group.flatMap((g) => flat(g as CSSResultGroup)) : [group as CSSResult];
  return groups.flatMap(flat).map((sheet) => unsafeCSS(`@layer portal {\n${sheet.cssText}\n}`));
}
