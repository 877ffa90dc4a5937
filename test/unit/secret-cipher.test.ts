import { randomBytes } from 'node:crypto';
import { keyIdOf, SecretCipher, SecretDecryptionError } from '../../server/secrets/secret-cipher';

const key = randomBytes(32);
const cipher = new SecretCipher(key);
const CONTEXT = 'ecommerce_stores:1:apiPassword';

test('round trip', () => {
  expect(cipher.decrypt(cipher.encrypt('s3cr3t-τoken', CONTEXT), CONTEXT)).toBe('s3cr3t-τoken');
});

test('each encryption uses a fresh IV, so equal secrets do not look equal at rest', () => {
  expect(cipher.encrypt('same', CONTEXT)).not.toBe(cipher.encrypt('same', CONTEXT));
});

test('the stored form is versioned and names its key, and does not contain the plaintext', () => {
  const stored = cipher.encrypt('plaintexttoken', CONTEXT);
  expect(stored.split('.')).toHaveLength(5);
  expect(stored.startsWith(`v1.${keyIdOf(key)}.`)).toBe(true);
  expect(SecretCipher.keyIdOfStored(stored)).toBe(cipher.currentKeyId);
  expect(stored).not.toContain('plaintexttoken');
});

test.each([2, 3, 4])('a change to part %i (iv, tag, ciphertext) is detected, never returned as garbage', (part) => {
  const parts = cipher.encrypt('token-value', CONTEXT).split('.');
  const bytes = Buffer.from(parts[part], 'base64url');
  bytes[0] ^= 0x01;
  parts[part] = bytes.toString('base64url');
  expect(() => cipher.decrypt(parts.join('.'), CONTEXT)).toThrow(SecretDecryptionError);
});

test('a ciphertext moved to another row (context) does not decrypt', () => {
  const stored = cipher.encrypt('token-value', CONTEXT);
  expect(() => cipher.decrypt(stored, 'ecommerce_stores:2:apiPassword')).toThrow(/integrity check/);
});

test('a wrong key is refused by name', () => {
  const stored = cipher.encrypt('token-value', CONTEXT);
  expect(() => new SecretCipher(randomBytes(32)).decrypt(stored, CONTEXT)).toThrow(new RegExp(`key ${keyIdOf(key)}, which is not configured`));
});

test('a previous key still decrypts during a rotation, while new values use the current key', () => {
  const next = randomBytes(32);
  const oldStored = cipher.encrypt('old-token', CONTEXT);
  const rotating = new SecretCipher(next, [key]);
  expect(rotating.decrypt(oldStored, CONTEXT)).toBe('old-token');
  expect(SecretCipher.keyIdOfStored(rotating.encrypt('new-token', CONTEXT))).toBe(keyIdOf(next));
});

test('an unknown format is refused', () => {
  expect(() => cipher.decrypt('plain-text-token', CONTEXT)).toThrow(/format/);
  expect(() => cipher.decrypt('v9.k1.a.b.c', CONTEXT)).toThrow(/format/);
});

test('keys of the wrong length are refused', () => {
  expect(() => new SecretCipher(randomBytes(16))).toThrow(/32 bytes/);
});
