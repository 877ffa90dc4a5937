import type { DataSource } from 'typeorm';
import { ConfigError } from '../config';
import { KeyCheck } from './key-check.entity';
import { SecretCipher, SecretDecryptionError } from './secret-cipher';

const CHECK_PLAINTEXT = 'storelink key check';
const CHECK_CONTEXT = 'secret_key_checks';

/**
 * Refuses to start with a key that cannot read what is stored. Without this, a lost or
 * swapped key would only show up when someone tests a connection, long after start-up.
 */
export async function verifySecretKey(dataSource: DataSource, cipher: SecretCipher): Promise<void> {
  const repository = dataSource.getRepository(KeyCheck);
  const checks = await repository.find();
  if (checks.length === 0) {
    await repository.insert({ keyId: cipher.currentKeyId, checkValue: cipher.encrypt(CHECK_PLAINTEXT, CHECK_CONTEXT) });
    return;
  }
  const current = checks.find((check) => check.keyId === cipher.currentKeyId);
  if (!current) {
    const known = checks.map((check) => check.keyId).join(', ');
    throw new ConfigError(
      `The configured encryption key (id ${cipher.currentKeyId}) is not the key this database's credentials were ` +
        `encrypted with (id ${known}). Restore the original STORELINK_SECRET_KEY or data/secret.key; ` +
        'storelink will not start with a key that cannot decrypt the stored credentials.',
    );
  }
  try {
    if (cipher.decrypt(current.checkValue, CHECK_CONTEXT) === CHECK_PLAINTEXT) return;
  } catch (error) {
    if (!(error instanceof SecretDecryptionError)) throw error;
  }
  throw new ConfigError(`The key check for encryption key ${cipher.currentKeyId} failed: the database's key check was altered.`);
}
