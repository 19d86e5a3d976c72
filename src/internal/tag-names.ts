import { unsafeStatic, type StaticValue } from 'lit/static-html.js';

/** Every element of the library, the internal ones included, by its default tag. */
export const PORTAL_TAGS = [
  'customer-portal', 'portal-email-preference', 'portal-login', 'portal-consent-text', 'ticket-list', 'view-switcher', 'ticket-detail',
  'portal-message-body', 'portal-reply-box', 'support-form',
] as const;
export type PortalTag = (typeof PORTAL_TAGS)[number];
export type TagNames = Record<PortalTag, string>;

/** What `definePortalElements({ prefix })` puts on the classes it registers: where the other elements live. */
export interface TaggedClass {
  portalTagNames?: TagNames;
}

/** The tag names under `prefix` (`acme-` → `acme-ticket-list`). */
export function prefixedTagNames(prefix: string): TagNames {
  return Object.fromEntries(PORTAL_TAGS.map((tag) => [tag, `${prefix}${tag}`])) as TagNames;
}

const statics = new Map<string, StaticValue>();

/** The names an element renders its nested elements under, as static values for `lit/static-html`. */
export type Tags = Record<PortalTag, StaticValue>;

/**
 * The tags `host` renders its nested elements under: the defaults, or the prefixed names when `host` was
 * registered by `definePortalElements({ prefix })`.
 */
export function tagsFor(host: Element): Tags {
  const names = (host.constructor as TaggedClass).portalTagNames;
  return Object.fromEntries(PORTAL_TAGS.map((tag) => {
    const name = names?.[tag] ?? tag;
    let value = statics.get(name);
    if (!value) statics.set(name, (value = unsafeStatic(name)));
    return [tag, value];
  })) as Tags;
}
