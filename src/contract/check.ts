import type { FieldError } from './errors.js';

/**
 * The client's one small validation path: combinators that check a JSON value against a shape and give either the
 * value (objects keep only their declared fields) or every problem as `{ field, message }` with dotted paths
 * (`items.3.status.label`). The HttpAdapter checks each answer with the shapes of `answers.ts`; a broken answer is
 * a `ContractError` naming the fields.
 */
export type Checker<T> = (value: unknown, path: string, problems: FieldError[]) => T;
export type Checked<C> = C extends Checker<infer T> ? T : never;

const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/** A leaf test: the value as is, or one problem saying what was expected. */
export const is = <T>(test: (value: unknown) => boolean, expected: string): Checker<T> => (value, path, problems) => {
  if (!test(value)) problems.push({ field: path, message: `Expected ${expected}.` });
  return value as T;
};

export const string = is<string>((v) => typeof v === 'string', 'text');
export const boolean = is<boolean>((v) => typeof v === 'boolean', 'true or false');
export const number = is<number>((v) => typeof v === 'number' && Number.isFinite(v), 'a number');
export const int = (min = Number.MIN_SAFE_INTEGER) =>
  is<number>((v) => Number.isSafeInteger(v) && (v as number) >= min, min > Number.MIN_SAFE_INTEGER ? `a whole number ≥ ${min}` : 'a whole number');
/** A stored record's identifier: a positive whole number. */
export const id = int(1);
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
/** An ISO 8601 timestamp with a zone, e.g. `2026-11-23T08:00:00.000Z`. */
export const dateTime = is<string>((v) => typeof v === 'string' && DATE_TIME.test(v), 'an ISO 8601 date and time');

export const oneOf = <const T extends readonly (string | number | boolean)[]>(values: T): Checker<T[number]> =>
  is<T[number]>((v) => values.includes(v as T[number]), `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);

export const nullable = <T>(inner: Checker<T>): Checker<T | null> => (value, path, problems) =>
  (value === null ? null : inner(value, path, problems));

export const optional = <T>(inner: Checker<T>): Checker<T | undefined> => (value, path, problems) =>
  (value === undefined ? undefined : inner(value, path, problems));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const array = <T>(item: Checker<T>): Checker<T[]> => (value, path, problems) => {
  if (!Array.isArray(value)) return is<T[]>(() => false, 'a list')(value, path, problems);
  return value.map((v, i) => item(v, at(path, i), problems));
};

export const record = <T>(item: Checker<T>): Checker<Record<string, T>> => (value, path, problems) => {
  if (!isRecord(value)) return is<Record<string, T>>(() => false, 'an object')(value, path, problems);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, item(v, at(path, k), problems)]));
};

type Shape = Record<string, Checker<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Checked<S[K]> ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Checked<S[K]> } & { [K in OptionalKeys<S>]?: Checked<S[K]> }
>;

export const object = <S extends Shape>(shape: S): Checker<ObjectOf<S>> => (value, path, problems) => {
  if (!isRecord(value)) return is<ObjectOf<S>>(() => false, 'an object')(value, path, problems);
  const out: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(shape)) {
    const checked = check(value[key], at(path, key), problems);
    if (checked !== undefined) out[key] = checked;
  }
  return out as ObjectOf<S>;
};

/** The first option the value passes; when it passes none, the problems of the option it came closest to. */
export const union = <C extends Checker<unknown>[]>(...options: C): Checker<Checked<C[number]>> => (value, path, problems) => {
  let best: FieldError[] | undefined;
  for (const option of options) {
    const mine: FieldError[] = [];
    const checked = option(value, path, mine);
    if (mine.length === 0) return checked as Checked<C[number]>;
    if (!best || mine.length < best.length) best = mine;
  }
  problems.push(...(best ?? []));
  return value as Checked<C[number]>;
};

export type CheckResult<T> = { ok: true; value: T } | { ok: false; problems: FieldError[] };

/** Checks a whole value: the checked value, or every problem (an empty `field` is the value itself). */
export function check<T>(checker: Checker<T>, value: unknown): CheckResult<T> {
  const problems: FieldError[] = [];
  const checked = checker(value, '', problems);
  return problems.length === 0 ? { ok: true, value: checked } : { ok: false, problems };
}
