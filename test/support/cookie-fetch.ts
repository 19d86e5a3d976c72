/**
 * A `fetch` that keeps cookies between calls, as a browser would, so the HttpAdapter can hold a session when
 * it runs under Node (conformance tests). Honors deletion (`Max-Age=0` or an empty value).
 */
export function cookieFetch(): typeof fetch {
  const jar = new Map<string, string>();
  return async (input, init) => {
    const request = new Request(input, init);
    if (jar.size > 0) request.headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(request);
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = value === '' || attributes.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a));
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
}
