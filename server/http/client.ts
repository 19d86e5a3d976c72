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

/**
 * The server's own public base (`http://host:port`, no trailing slash): configured, else the address it listens on.
 * Never taken from a request (a `Host` header or an absolute-form target is whatever the client sent).
 */
export const publicUrl = (c: Context<AppEnv>) => c.get('deps').publicUrl;

/** Base of every emailed link: `PORTAL_LINK_BASE`, else the server's public base + `/portal.html`. */
export const linkBase = (c: Context<AppEnv>) => c.get('deps').linkBase;

/** A portal route link: `${linkBase}#/reset?token=…`. */
export const portalLink = (c: Context<AppEnv>, route: string) => `${linkBase(c)}#${route}`;
