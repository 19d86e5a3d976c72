import type { PropertyValue } from '../contract/common.js';
import type { FilterCondition, FilterGroups } from '../contract/filters.js';

type Getter = (property: string) => PropertyValue | undefined;

const isMissing = (v: PropertyValue | undefined): v is null | undefined => v === undefined || v === null || v === '';

/** Text form used for equality: numbers and booleans compare by their string form, text case-insensitively. */
export const comparable = (v: string | number | boolean) => String(v).toLowerCase();

/** The number a stored value stands for: numbers as they are, numeric text parsed, anything else `NaN`. */
export function asNumber(v: string | number | boolean): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return Number.NaN;
}

/**
 * Order of a stored value against a condition value: numeric when the condition value is a number
 * (a non-numeric stored value is then not comparable: `undefined`), else case-insensitive text order
 * (ISO dates order correctly as text).
 */
export function compareOrdered(actual: string | number | boolean, expected: string | number | boolean): number | undefined {
  if (typeof expected === 'number') {
    const n = asNumber(actual);
    return Number.isFinite(n) ? n - expected : undefined;
  }
  const a = comparable(actual);
  const b = comparable(expected);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether one condition holds. A missing value satisfies only `unknown` and `neq`. */
export function matchesCondition(condition: FilterCondition, get: Getter): boolean {
  const actual = get(condition.property);
  const { operator, value } = condition;
  if (operator === 'known') return !isMissing(actual);
  if (operator === 'unknown') return isMissing(actual);
  if (isMissing(actual)) return operator === 'neq';
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  switch (operator) {
    case 'eq':
      return values.length === 1 && comparable(actual) === comparable(values[0]);
    case 'neq':
      return values.length === 1 && comparable(actual) !== comparable(values[0]);
    case 'in':
      return values.some((v) => comparable(actual) === comparable(v));
    case 'contains':
      return values.length === 1 && comparable(actual).includes(comparable(values[0]));
    case 'gt':
      return values.length === 1 && (compareOrdered(actual, values[0]) ?? 0) > 0;
    case 'lt':
      return values.length === 1 && (compareOrdered(actual, values[0]) ?? 0) < 0;
  }
}

/** OR over groups, AND within a group. An empty `any` matches nothing; an empty `all` matches everything. */
export function matchesGroups(groups: FilterGroups, get: Getter): boolean {
  return groups.any.some((group) => group.all.every((condition) => matchesCondition(condition, get)));
}
