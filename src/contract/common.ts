import * as z from 'zod/mini';

/** Numeric identifier of any stored record (ticket, contact, company, agent, message, attachment). */
export const Id = z.int().check(z.positive());
export type Id = z.infer<typeof Id>;

/** An ISO 8601 timestamp in UTC, e.g. `2026-11-23T08:00:00.000Z`. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** A BCP 47 language tag the portal can speak. */
export const LocaleCode = z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language tag such as "en" or "de".'));

/** A non-empty, trimmed, bounded single-line text. */
export const ShortText = (max = 200) => z.string().check(z.trim(), z.minLength(1, 'Must not be empty.'), z.maxLength(max));

/** A value a ticket or contact property may hold. */
export const PropertyValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type PropertyValue = z.infer<typeof PropertyValue>;

export const PropertyBag = z.record(z.string(), PropertyValue);
export type PropertyBag = z.infer<typeof PropertyBag>;
