import type { ScryptParams } from '../../server/auth/passwords.js';

/**
 * The scrypt cost server tests run with: the suite signs in hundreds of times, and each hash at OWASP's cost takes
 * over a second on a busy machine. `sessions.test.ts` checks the production default and the re-hashing.
 */
export const TEST_SCRYPT: ScryptParams = { N: 2 ** 14, r: 8, p: 1 };
