/** A URL with an http(s) scheme and no userinfo, or `undefined`. */
function parseWebUrl(value: string, base?: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url;
}

/** Whether `path` is `prefix` or lies below it (segment-wise: `/app` covers `/app/x`, never `/application`). */
function within(path: string, prefix: string): boolean {
  if (prefix === '/' || path === prefix) return true;
  return path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

/**
 * Where to send the browser after SSO: `returnTo` when, parsed (relative to the link base), its origin equals an
 * allow-list entry's origin and its path lies within that entry's path; otherwise the fallback. Parsing first means
 * `//evil.example`, `javascript:`, `https://good@evil`, backslashes and `..` segments are judged by what a browser
 * would actually open. The answer is the parsed URL's canonical form, i.e. exactly what was checked.
 */
export function safeReturnTo(returnTo: string | undefined, allowList: readonly string[], fallback: string): string {
  if (!returnTo || returnTo.length > 2048) return fallback;
  const url = parseWebUrl(returnTo, fallback);
  if (!url) return fallback;
  for (const entry of allowList) {
    const allowed = parseWebUrl(entry);
    if (allowed && allowed.origin === url.origin && within(url.pathname, allowed.pathname)) return url.href;
  }
  return fallback;
}
