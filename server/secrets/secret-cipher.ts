import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../common/errors';

/**
 * AES-256-GCM encryption of credentials at rest.
 *
 * Stored form: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). The version lets
 * the format change later; the key id says which key to decrypt with, so keys can be
 * rotated while old values are still being re-encrypted. Each value is bound to its
 * context (e.g. the store row it belongs to) as additional authenticated data, so a
 * ciphertext copied into another row does not decrypt there.
 */

const FORMAT_VERSION = 'v1';
const IV_BYTES = 12;
export const SECRET_KEY_BYTES = 32;

/**
 * A stored secret that cannot be read: altered, moved to another row, or encrypted with a
 * key that is not configured. A typed error (never garbage plaintext), so callers and
 * clients can tell it from a network or input problem; the GraphQL layer also logs it.
 */
export class SecretDecryptionError extends DomainError {
  override name = 'SecretDecryptionError';
  readonly code = 'SECRET_UNREADABLE';
}

/** A short, stable, non-secret name for a key: a truncated hash of it. */
export function keyIdOf(key: Buffer): string {
  return 'k' + createHash('sha256').update('storelink-key-id:').update(key).digest('hex').slice(0, 12);
}

export class SecretCipher {
  private readonly keys = new Map<string, Buffer>();
  readonly currentKeyId: string;

  /** `current` encrypts; `previous` keys are only read, during a rotation. */
  constructor(current: Buffer, previous: Buffer[] = []) {
    for (const key of [current, ...previous]) {
      if (key.length !== SECRET_KEY_BYTES) throw new Error(`An encryption key must be ${SECRET_KEY_BYTES} bytes.`);
      this.keys.set(keyIdOf(key), key);
    }
    this.currentKeyId = keyIdOf(current);
  }

  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
    return [FORMAT_VERSION, this.currentKeyId, ...parts].join('.');
  }

  decrypt(stored: string, context: string): string {
    const parts = stored.split('.');
    if (parts.length !== 5 || parts[0] !== FORMAT_VERSION) {
      throw new SecretDecryptionError('The stored secret is not in a format storelink knows.');
    }
    const [, keyId, iv, tag, ciphertext] = parts;
    const key = this.keys.get(keyId);
    if (!key) throw new SecretDecryptionError(`The stored secret was encrypted with key ${keyId}, which is not configured.`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretDecryptionError('The stored secret failed its integrity check: it was altered or belongs elsewhere.');
    }
  }

  /** Whether this cipher can decrypt values encrypted with the given key id. */
  hasKey(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  /** The ids of the keys that are only read (a rotation in progress). */
  get previousKeyIds(): string[] {
    return [...this.keys.keys()].filter((id) => id !== this.currentKeyId);
  }

  /** The key id a stored value was encrypted with (for rotation and start-up checks). */
  static keyIdOfStored(stored: string): string | undefined {
    return stored.split('.')[1];
  }
}
