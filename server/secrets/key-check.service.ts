import { Not, type DataSource, type EntityManager } from 'typeorm';
import { ConfigError } from '../config';
import { KeyCheck } from './key-check.entity';
import { SecretCipher, SecretDecryptionError } from './secret-cipher';

const CHECK_PLAINTEXT = 'storelink key check';
const CHECK_CONTEXT = 'secret_key_checks';

/**
 * The key-check table lists every key that may still have encrypted something in this
 * database (one row each). Start-up refuses a configuration that cannot read all of them:
 * without this, a lost, swapped or prematurely removed key would only show up when
 * someone tests a connection, long after start-up.
 *
 * A rotation starts when the configured key is new and a previous key
 * (STORELINK_PREVIOUS_SECRET_KEYS) has a check: the new key's check is added here, and
 * `npm run rotate-key` removes the old checks once nothing is encrypted with them any more.
 */
export async function verifySecretKey(dataSource: DataSource, cipher: SecretCipher): Promise<void> {
  const repository = dataSource.getRepository(KeyCheck);
  const checks = await repository.find();

  const unconfigured = checks.filter((check) => !cipher.hasKey(check.keyId)).map((check) => check.keyId);
  if (checks.length > 0 && unconfigured.length === checks.length) {
    throw new ConfigError(
      `The configured encryption key (id ${cipher.currentKeyId}) is not the key this database's credentials were ` +
        `encrypted with (id ${unconfigured.join(', ')}). Restore the original STORELINK_SECRET_KEY or data/secret.key; ` +
        'storelink will not start with a key that cannot decrypt the stored credentials.',
    );
  }
  if (unconfigured.length > 0) {
    throw new ConfigError(
      `A key rotation has not finished: stored credentials may still be encrypted with key ${unconfigured.join(', ')}, ` +
        'which is not configured. Add it to STORELINK_PREVIOUS_SECRET_KEYS and run `npm run rotate-key`; ' +
        'remove it only once rotate-key reports that it is done.',
    );
  }
  for (const check of checks) {
    if (!readsBack(cipher, check.checkValue)) {
      throw new ConfigError(`The key check for encryption key ${check.keyId} failed: the database's key check was altered.`);
    }
  }
  if (!checks.some((check) => check.keyId === cipher.currentKeyId)) {
    // A new installation, or the first start of a rotation. Another instance starting at
    // the same moment may insert the same row: that is fine, hence "or ignore".
    await repository
      .createQueryBuilder()
      .insert()
      .values({ keyId: cipher.currentKeyId, checkValue: cipher.encrypt(CHECK_PLAINTEXT, CHECK_CONTEXT) })
      .orIgnore()
      .execute();
  }
}

/** Ends a rotation: only the current key may have encrypted anything from now on. */
export async function forgetOtherKeys(manager: EntityManager, cipher: SecretCipher): Promise<string[]> {
  const others = await manager.getRepository(KeyCheck).findBy({ keyId: Not(cipher.currentKeyId) });
  if (others.length > 0) await manager.getRepository(KeyCheck).delete({ keyId: Not(cipher.currentKeyId) });
  return others.map((check) => check.keyId);
}

function readsBack(cipher: SecretCipher, checkValue: string): boolean {
  try {
    return cipher.decrypt(checkValue, CHECK_CONTEXT) === CHECK_PLAINTEXT;
  } catch (error) {
    if (error instanceof SecretDecryptionError) return false;
    throw error;
  }
}
