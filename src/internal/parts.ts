/**
 * Every element's parts, and how an element that renders another forwards that element's parts (`exportparts`),
 * so host CSS reaches every inner piece from the outermost element, e.g. `customer-portal::part(list-row)`.
 *
 * Naming: an element's own parts keep their names; a nested element's parts are forwarded as `<prefix>-<part>`
 * (`list-row`, `detail-reply-send-button`). The own parts of a nested element are also forwarded by their plain
 * name where the outer element has no part of that name: `customer-portal::part(submit-button)` styles the
 * sign-in's and the support form's buttons alike, `customer-portal::part(login-submit-button)` only the first.
 */
export const OWN_PARTS = {
  'view-switcher': ['base', 'option'],
  'portal-message-body': ['body', 'show-images-button'],
  'portal-reply-box': ['editor', 'send-button'],
  'portal-email-preference': ['checkbox'],
  'portal-login': ['base', 'form', 'submit-button'],
  'support-form': ['base', 'form', 'error-summary', 'submit-button', 'success'],
  'ticket-list': ['base', 'toolbar', 'filters', 'filters-button', 'table', 'row', 'pager', 'page-button', 'export-button', 'submit-link', 'empty'],
  'ticket-detail': ['base', 'header', 'subject', 'conversation', 'message', 'close-button', 'close-dialog'],
  'customer-portal': ['base', 'header', 'title', 'logo', 'nav', 'knowledge-base-link', 'view', 'sign-out-button', 'expiry-dialog'],
} as const;

type Tag = keyof typeof OWN_PARTS;

/** Which elements each element renders in its shadow root, and the prefix their parts get. */
export const PART_PREFIXES: Partial<Record<Tag, Partial<Record<Tag, string>>>> = {
  'ticket-list': { 'view-switcher': 'switcher' },
  'portal-reply-box': { 'portal-message-body': 'preview' },
  'ticket-detail': { 'portal-message-body': 'message', 'portal-reply-box': 'reply' },
  'customer-portal': { 'portal-email-preference': 'email', 'portal-login': 'login', 'ticket-list': 'list', 'ticket-detail': 'detail', 'support-form': 'support-form' },
};

/** An element's parts by their full names: its own, and those of nested elements as `<prefix>-<part>`. */
export function partsOf(tag: Tag): string[] {
  const nested = Object.entries(PART_PREFIXES[tag] ?? {}) as [Tag, string][];
  return [...OWN_PARTS[tag], ...nested.flatMap(([inner, prefix]) => partsOf(inner).map((part) => `${prefix}-${part}`))];
}

/** Plain-name aliases an element offers for the own parts of the elements it renders (where unambiguous). */
export function aliasesOf(tag: Tag): string[] {
  const own: readonly string[] = OWN_PARTS[tag];
  const nested = Object.keys(PART_PREFIXES[tag] ?? {}) as Tag[];
  return [...new Set(nested.flatMap((inner) => OWN_PARTS[inner].filter((part) => !own.includes(part))))];
}

/** The `exportparts` attribute of a nested element `inner` rendered by `outer`. */
export function exportParts(outer: Tag, inner: Tag): string {
  const prefix = PART_PREFIXES[outer]![inner]!;
  const own: readonly string[] = OWN_PARTS[outer];
  return [
    ...partsOf(inner).map((part) => `${part}: ${prefix}-${part}`),
    ...OWN_PARTS[inner].filter((part) => !own.includes(part)),
  ].join(', ');
}
