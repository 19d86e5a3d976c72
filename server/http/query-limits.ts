import type { MiddlewareHandler } from 'hono';
import { filterLimitErrors, LIST_QUERY_LIMITS } from '../../src/contract/list-query.js';
import type { AppEnv } from './context.js';
import { Problem } from './problem.js';

/** Caps on query strings: checked before any route reads them, so an oversized query costs no database work. */
export const QUERY_LIMITS = {
  /** Characters of the whole query string (an SSO JWT in `?jwt=` fits easily). */
  queryLength: 8192,
  /** Distinct parameter names. */
  parameters: 40,
  /** Values of one repeated parameter (`?a=1&a=2`). */
  valuesPerParameter: 5,
  /** Characters of a parameter name. */
  nameLength: 100,
  /** `filter[…]` parameters of a ticket list, and the characters of a filter's property name and value (the contract's codec). */
  ...LIST_QUERY_LIMITS,
} as const;

/** 400 naming the parameter that is too large (`field` is the parameter name, or `query` for the whole string). */
export const queryTooLarge = (field: string, message: string) =>
  Problem.badRequest(message, { slug: 'query-too-large', title: 'Query too large', errors: [{ field, message }] });

const shortName = (name: string) => (name.length > 40 ? `${name.slice(0, 40)}…` : name);

/** Refuses query strings beyond {@link QUERY_LIMITS} with a 400 that names the parameter. */
export const queryLimits: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = c.req.url;
  const at = url.indexOf('?');
  if (at >= 0) {
    const search = url.slice(at + 1);
    if (search.length > QUERY_LIMITS.queryLength) {
      throw queryTooLarge('query', `The query string may be at most ${QUERY_LIMITS.queryLength} characters long.`);
    }
    const counts = new Map<string, number>();
    for (const part of search.split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      let name: string;
      try {
        name = decodeURIComponent((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' '));
      } catch {
        throw queryTooLarge('query', 'The query string is not valid percent-encoding.');
      }
      if (name.length > QUERY_LIMITS.nameLength) {
        throw queryTooLarge(shortName(name), `A parameter name may be at most ${QUERY_LIMITS.nameLength} characters long.`);
      }
      const count = (counts.get(name) ?? 0) + 1;
      if (count > QUERY_LIMITS.valuesPerParameter) {
        throw queryTooLarge(name, `The parameter ${name} may be given at most ${QUERY_LIMITS.valuesPerParameter} times.`);
      }
      counts.set(name, count);
      if (counts.size > QUERY_LIMITS.parameters) {
        throw queryTooLarge('query', `A request may have at most ${QUERY_LIMITS.parameters} query parameters.`);
      }
    }
  }
  await next();
};

/** Checks the `filter[…]` parameters of a ticket list against {@link QUERY_LIMITS} (400 naming the parameter). */
export function checkFilters(filters: Record<string, string>): void {
  const [error] = filterLimitErrors(filters);
  if (error) throw queryTooLarge(error.field, error.message);
}
