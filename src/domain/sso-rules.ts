import type { Settings } from '../contract/settings.js';

/** Hosts a JWKS may be fetched from over plain http (a test identity provider on this machine). */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a JWKS URL is acceptable: https, or http on a loopback host only. */
export function isSafeJwksUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}

/** Whether a start URL may be linked to: http(s) only (never `javascript:` or `data:`). */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Problems of the SSO settings beyond their shape: a JWKS (keys anyone could publish under some URL) needs the
 * expected issuer and audience and must come over https (http only from a loopback host).
 */
export function ssoSettingsProblems(settings: Pick<Settings, 'access'>): { field: string; message: string }[] {
  const jwt = settings.access.sso?.jwt;
  if (!jwt?.jwksUrl) return [];
  const problems: { field: string; message: string }[] = [];
  if (!isSafeJwksUrl(jwt.jwksUrl)) problems.push({ field: 'access.sso.jwt.jwksUrl', message: 'A JWKS URL must use https (http only on localhost).' });
  if (!jwt.issuer) problems.push({ field: 'access.sso.jwt.issuer', message: 'Name the expected issuer (iss) when keys come from a JWKS URL.' });
  if (!jwt.audience) problems.push({ field: 'access.sso.jwt.audience', message: 'Name the expected audience (aud) when keys come from a JWKS URL.' });
  return problems;
}
