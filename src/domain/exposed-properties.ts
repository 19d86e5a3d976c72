import type { PropertyBag } from '../contract/common.js';
import type { Settings } from '../contract/settings.js';

/**
 * The custom ticket properties customers may receive: those the admin shows (list columns, which are also the
 * detail header's properties) and those the support form asks for (the customer's own answers). Every other
 * custom property stays with the helpdesk.
 */
export function exposedPropertyNames(settings: Pick<Settings, 'columns' | 'supportForm'>): Set<string> {
  return new Set([...settings.columns, ...settings.supportForm.fields.filter((f) => f.type !== 'file').map((f) => f.name)]);
}

/** Only the exposed properties of a ticket's property bag. */
export function exposedProperties(properties: PropertyBag, settings: Pick<Settings, 'columns' | 'supportForm'>): PropertyBag {
  const names = exposedPropertyNames(settings);
  return Object.fromEntries(Object.entries(properties).filter(([name]) => names.has(name)));
}
