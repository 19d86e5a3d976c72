/**
 * Where "Sign in with {label}" goes: the admin's start URL (the customer's app or identity provider) with
 * `return_to` set to the page the customer is on, so they come back to it after the JWT round trip.
 */
export function ssoHref(startUrl: string, returnTo: string): string {
  const url = new URL(startUrl);
  url.searchParams.set('return_to', returnTo);
  return url.toString();
}
