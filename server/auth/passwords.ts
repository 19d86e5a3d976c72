import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost parameters. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's current minimum for scrypt (Password Storage Cheat Sheet): N=2^17, r=8, p=1 (128 MiB per hash). */
export const OWASP_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer, options: ScryptOptions & ScryptParams): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; room for that plus a little.
  const maxmem = 128 * options.N * options.r + 16 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key));
  });
}

/** `scrypt$N$r$p$salt$hash` (base64). */
export async function hashPassword(password: string, params: ScryptParams = OWASP_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

const DUMMY_SALT = randomBytes(16);

/** The parameters of a stored hash, or `null` when it is not one of ours. */
function parse(stored: string | null) {
  const parts = stored?.split('$');
  if (!parts || parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, r, p, salt, hash] = parts;
  return { N: Number(n), r: Number(r), p: Number(p), salt, hash };
}

/**
 * Whether the password matches the stored hash, compared in constant time. Without a hash a dummy derivation
 * (at the current cost) still runs, so unknown accounts answer in about the same time.
 */
export async function verifyPassword(password: string, stored: string | null, params: ScryptParams = OWASP_SCRYPT): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) {
    await derive(password, DUMMY_SALT, params);
    return false;
  }
  const expected = Buffer.from(parsed.hash, 'base64');
  const actual = await derive(password, Buffer.from(parsed.salt, 'base64'), { N: parsed.N, r: parsed.r, p: parsed.p });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Whether a stored hash is weaker than the current parameters (then it is re-hashed at the next sign-in). */
export function needsRehash(stored: string | null, params: ScryptParams = OWASP_SCRYPT): boolean {
  const parsed = parse(stored);
  return parsed !== null && (parsed.N < params.N || parsed.r < params.r || parsed.p < params.p);
}
