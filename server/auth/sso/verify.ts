import { createRemoteJWKSet, importSPKI, jwtVerify, type CryptoKey, type JWTHeaderParameters, type FlattenedJWSInput } from 'jose';
import * as z from 'zod/mini';
import { Email } from '../../../src/contract/session.js';
import type { SsoSettings } from '../../../src/contract/settings.js';
import { isSafeJwksUrl } from '../../../src/domain/sso-rules.js';

/** Allowed clock difference between the identity provider and us. */
export const LEEWAY_SECONDS = 60;
/** Oldest token accepted, and the longest lifetime (`exp - iat`) a token may claim: a JWT is for signing in now. */
export const MAX_TOKEN_AGE_SECONDS = 10 * 60;

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
  // Keys from a JWKS only with the expected issuer and audience, and only over https (http on loopback for tests).
  const jwks = config.jwksUrl && isSafeJwksUrl(config.jwksUrl) && config.issuer && config.audience ? config.jwksUrl : undefined;
  const algorithms = [...(config.secret ? ['HS256'] : []), ...(config.publicKeyPem || jwks ? ['RS256'] : [])];
  if (algorithms.length === 0) throw new InvalidSsoToken('no verification key configured');
  const getKey = async (header: JWTHeaderParameters, token: FlattenedJWSInput): Promise<CryptoKey | Uint8Array> => {
    if (header.alg === 'HS256' && config.secret) return new TextEncoder().encode(config.secret);
    if (header.alg === 'RS256' && config.publicKeyPem) return pemKey(config.publicKeyPem);
    if (header.alg === 'RS256' && jwks) return remoteSet(jwks)(header, token);
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
  const seconds = Math.floor(now / 1000);
  if (claims.data.iat > seconds + LEEWAY_SECONDS) throw new InvalidSsoToken('issued in the future');
  if (claims.data.iat < seconds - MAX_TOKEN_AGE_SECONDS - LEEWAY_SECONDS) throw new InvalidSsoToken('too old');
  if (claims.data.exp > claims.data.iat + MAX_TOKEN_AGE_SECONDS) throw new InvalidSsoToken('valid for too long');
  return claims.data;
}
