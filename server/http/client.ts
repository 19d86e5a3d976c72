import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from './context.js';

/**
 * The client's address: the socket's remote address; behind a trusted reverse proxy (`PORTAL_TRUST_PROXY=1`) the
 * last `X-Forwarded-For` entry, the one our proxy appended (earlier entries are whatever the client sent).
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.get('deps').trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The origin the API was reached at (`http://host:port`). */
export const apiOrigin = (c: Context) => new URL(c.req.url).origin;

/** Base of every emailed link: `PORTAL_LINK_BASE`, else the request's origin + `/portal.html`. */
export const linkBase = (c: Context<AppEnv>) => c.get('deps').linkBase ?? `${apiOrigin(c)}/portal.html`;

/** A portal route link: `${linkBase}#/reset?token=…`. */
export const portalLink = (c: Context<AppEnv>, route: string) => `${linkBase(c)}#${route}`;
