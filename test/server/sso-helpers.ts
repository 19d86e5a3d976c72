import { randomUUID } from 'node:crypto';
import { SignJWT, type CryptoKey } from 'jose';

export const SECRET = 'a-shared-secret-of-32-characters!';

export interface ClaimsInput {
  [claim: string]: unknown;
}

/** A signed JWT with sensible defaults: `iat` now, `exp` in 5 minutes, a fresh `jti` (all on the given clock). */
export async function signJwt(
  claims: ClaimsInput,
  options: { now: number; key?: CryptoKey | Uint8Array; alg?: 'HS256' | 'RS256'; kid?: string } = { now: Date.now() },
): Promise<string> {
  const seconds = Math.floor(options.now / 1000);
  const payload = { iat: seconds, exp: seconds + 300, jti: randomUUID(), ...claims };
  for (const [name, value] of Object.entries(payload)) if (value === undefined) delete (payload as Record<string, unknown>)[name];
  const alg = options.alg ?? 'HS256';
  return new SignJWT(payload as Record<string, unknown>)
    .setProtectedHeader({ alg, typ: 'JWT', ...(options.kid ? { kid: options.kid } : {}) })
    .sign(options.key ?? new TextEncoder().encode(SECRET));
}

/** An unsigned token (`alg: none`), as an attacker would send it. */
export function unsignedJwt(claims: ClaimsInput, now: number): string {
  const seconds = Math.floor(now / 1000);
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ iat: seconds, exp: seconds + 300, jti: randomUUID(), ...claims })}.`;
}

/** SSO settings on top of the current ones. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ssoSettings = (jwt: object, extra: { accessGroupIds?: number[]; returnToAllowList?: string[] } = {}) => (st: any) => ({
  ...st,
  access: {
    ...st.access, mode: 'sso', accessGroupIds: extra.accessGroupIds ?? [],
    sso: { label: 'Acme ID', startUrl: 'https://idp.example/start', jwt, returnToAllowList: extra.returnToAllowList ?? [] },
  },
});
