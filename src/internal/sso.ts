import { isHttpUrl } from '../domain/sso-rules.js';

/**
 * Where "Sign in with {label}" goes: the admin's start URL (the customer's app or identity provider) with
 * `return_to` set to the page the customer is on, so they come back to it after the JWT round trip.
 */
export function ssoHref(startUrl: string, returnTo: string): string | null {
  // Only http(s): a `javascript:` or `data:` start URL (from a custom adapter) never becomes a link.
  if (!isHttpUrl(startUrl)) return null;
  const url = new URL(startUrl);
  url.searchParams.set('return_to', returnTo);
  return url.toString();
}
