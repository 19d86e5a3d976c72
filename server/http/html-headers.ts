/**
 * The Content Security Policy of the HTML pages the reference server serves (the demo site). It is also what a host
 * page embedding the elements can use: no inline or evaluated script, scripts, connections and frames from the
 * page's own origin only (add the API's origin to `connect-src` when it is another one), styles inline allowed
 * (Lit and the theme set style properties), images also over https and as data URLs (message images after "Show
 * images"), no framing by other sites.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' https: data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Security headers of a served HTML page; HSTS only over https (a browser ignores it over http anyway). */
export function pageSecurityHeaders(https: boolean): Record<string, string> {
  return {
    'content-security-policy': PAGE_CSP,
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
