import * as z from 'zod/mini';

export const FilterOperator = z.enum(['eq', 'neq', 'in', 'contains', 'gt', 'lt', 'known', 'unknown']);
export type FilterOperator = z.infer<typeof FilterOperator>;

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/** One test of one property: `{ property: "pipeline", operator: "eq", value: "support" }`. */
export const FilterCondition = z
  .object({
    property: z.string().check(z.minLength(1)),
    operator: FilterOperator,
    value: z.optional(z.union([Scalar, z.array(Scalar)])),
  })
  .check(
    z.refine((c) => c.operator === 'known' || c.operator === 'unknown' || c.value !== undefined, {
      message: 'This operator needs a value.',
      path: ['value'],
    }),
    z.refine((c) => c.operator !== 'in' || Array.isArray(c.value), {
      message: 'The "in" operator needs a list of values.',
      path: ['value'],
    }),
  );
export type FilterCondition = z.infer<typeof FilterCondition>;

/**
 * OR of AND groups. `{ any: [] }` matches nothing (an empty OR is false);
 * `{ all: [] }` inside it matches everything (an empty AND is true).
 */
export const FilterGroups = z.object({
  any: z.array(z.object({ all: z.array(FilterCondition) })),
});
export type FilterGroups = z.infer<typeof FilterGroups>;
