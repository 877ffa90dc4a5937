import { createHash, timingSafeEqual } from 'node:crypto';

/** Session tokens and API keys are stored only as this digest: a copy of the database signs no one in. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Compares two digests in constant time. Tokens are looked up by their digest, which
 * leaks nothing useful through timing; the final comparison is constant-time anyway, so
 * no code path compares secret-derived values with `===`.
 */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
