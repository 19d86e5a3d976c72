import { createRemoteJWKSet, importSPKI, jwtVerify, type CryptoKey, type JWTHeaderParameters, type FlattenedJWSInput } from 'jose';
import * as z from 'zod/mini';
import { Email } from '../../../src/contract/session.js';
import type { SsoSettings } from '../../../src/contract/settings.js';

/** Allowed clock difference between the identity provider and us. */
export const LEEWAY_SECONDS = 60;

/** The claims the portal reads from an SSO JWT (after jose checked signature, `exp`, `iss`, `aud`). */
export const SsoClaims = z.object({
  email: Email,
  name: z.optional(z.string().check(z.maxLength(200))),
  external_id: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  company: z.optional(z.string().check(z.maxLength(200))),
  jti: z.string().check(z.minLength(1), z.maxLength(256)),
  exp: z.number(),
  iat: z.number(),
});
export type SsoClaims = z.infer<typeof SsoClaims>;

/** Any reason a token is refused; the client learns none of them. */
export class InvalidSsoToken extends Error {}

const remoteSets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
const pemKeys = new Map<string, Promise<CryptoKey>>();

function remoteSet(url: string) {
  let set = remoteSets.get(url);
  if (!set) {
    set = createRemoteJWKSet(new URL(url), { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
    remoteSets.set(url, set);
  }
  return set;
}

function pemKey(pem: string) {
  let key = pemKeys.get(pem);
  if (!key) {
    key = importSPKI(pem, 'RS256');
    key.catch(() => pemKeys.delete(pem));
    pemKeys.set(pem, key);
  }
  return key;
}

/**
 * Verifies an SSO JWT: HS256 with the shared secret, RS256 with the public key (PEM) or the JWKS; only the
 * algorithms of the configured keys are accepted (so `none` and HS256-with-a-public-key never pass). Requires `exp`,
 * `iat` (not in the future beyond the leeway), `jti` and `email`; `iss`/`aud` when configured.
 */
export async function verifySsoJwt(jwt: string, config: SsoSettings['jwt'], now: number): Promise<SsoClaims> {
  const algorithms = [...(config.secret ? ['HS256'] : []), ...(config.publicKeyPem || config.jwksUrl ? ['RS256'] : [])];
  if (algorithms.length === 0) throw new InvalidSsoToken('no verification key configured');
  const getKey = async (header: JWTHeaderParameters, token: FlattenedJWSInput): Promise<CryptoKey | Uint8Array> => {
    if (header.alg === 'HS256' && config.secret) return new TextEncoder().encode(config.secret);
    if (header.alg === 'RS256' && config.publicKeyPem) return pemKey(config.publicKeyPem);
    if (header.alg === 'RS256' && config.jwksUrl) return remoteSet(config.jwksUrl)(header, token);
    throw new InvalidSsoToken('no key for this algorithm');
  };
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(jwt, getKey, {
      algorithms,
      currentDate: new Date(now),
      clockTolerance: LEEWAY_SECONDS,
      requiredClaims: ['exp', 'iat', 'jti'],
      ...(config.issuer ? { issuer: config.issuer } : {}),
      ...(config.audience ? { audience: config.audience } : {}),
    }));
  } catch (error) {
    throw new InvalidSsoToken('verification failed', { cause: error });
  }
  const claims = z.safeParse(SsoClaims, payload);
  if (!claims.success) throw new InvalidSsoToken('claims missing or malformed');
  if (claims.data.iat > Math.floor(now / 1000) + LEEWAY_SECONDS) throw new InvalidSsoToken('issued in the future');
  return claims.data;
}
