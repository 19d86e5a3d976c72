/** Views of the portal and the hash that names them. */
export type Route =
  | { name: 'tickets'; params: URLSearchParams }
  | { name: 'ticket'; id: number }
  | { name: 'new'; params: URLSearchParams }
  | { name: 'invite'; token: string }
  | { name: 'reset'; token: string }
  | { name: 'signin'; error: string }
  | { name: 'not-found'; hash: string };

/**
 * Reads `#/tickets?q=x`, `#/tickets/42`, `#/new`, `#/invite?token=…`, `#/reset?token=…`, `#/signin?error=…`;
 * empty means the list.
 */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path, query = ''] = raw.split('?', 2);
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'tickets')) return { name: 'tickets', params };
  if (parts.length === 2 && parts[0] === 'tickets' && /^\d{1,15}$/.test(parts[1])) return { name: 'ticket', id: Number(parts[1]) };
  if (parts.length === 1 && parts[0] === 'new') return { name: 'new', params };
  if (parts.length === 1 && parts[0] === 'signin') return { name: 'signin', error: params.get('error') ?? '' };
  if (parts.length === 1 && (parts[0] === 'invite' || parts[0] === 'reset')) {
    return { name: parts[0], token: params.get('token') ?? '' };
  }
  return { name: 'not-found', hash: raw };
}

/** The hash of a route; parameters without value are left out. */
export function formatRoute(route: Route): string {
  const withParams = (path: string, params: URLSearchParams) => {
    const q = params.toString();
    return q ? `#/${path}?${q}` : `#/${path}`;
  };
  switch (route.name) {
    case 'tickets': return withParams('tickets', route.params);
    case 'ticket': return `#/tickets/${route.id}`;
    case 'new': return withParams('new', route.params);
    case 'invite':
    case 'reset': return `#/${route.name}?token=${encodeURIComponent(route.token)}`;
    case 'signin': return route.error ? `#/signin?error=${encodeURIComponent(route.error)}` : '#/signin';
    case 'not-found': return `#${route.hash}`;
  }
}
