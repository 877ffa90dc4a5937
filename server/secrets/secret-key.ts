import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config';
import type { Logger } from '../common/logger';
import { SECRET_KEY_BYTES } from './secret-cipher';

function decodeKey(base64: string, source: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== SECRET_KEY_BYTES) {
    throw new ConfigError(
      `${source} must be the base64 encoding of ${SECRET_KEY_BYTES} random bytes ` +
        `(generate one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64'))").`,
    );
  }
  return key;
}

/**
 * The key that encrypts credentials: STORELINK_SECRET_KEY when set, else the key file,
 * generated on first start. The file is created exclusively with mode 0600 so a second
 * instance starting at the same moment cannot overwrite the first one's key.
 */
export function loadSecretKey(options: { secretKey?: string; secretKeyFile: string }, logger: Logger): Buffer {
  if (options.secretKey !== undefined) return decodeKey(options.secretKey, 'STORELINK_SECRET_KEY');

  const file = options.secretKeyFile;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(SECRET_KEY_BYTES).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
      logger.warn({ file }, 'Generated a new encryption key for stored credentials. Back it up: without it they cannot be read.');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) logger.warn({ file, mode: mode.toString(8) }, 'The encryption key file is readable by other users; run chmod 600 on it.');
  return decodeKey(fs.readFileSync(file, 'utf8'), file);
}

/** The keys of STORELINK_PREVIOUS_SECRET_KEYS: read-only while a rotation re-encrypts what they encrypted. */
export function loadPreviousSecretKeys(options: { previousSecretKeys: string[] }): Buffer[] {
  return options.previousSecretKeys.map((key, index) => decodeKey(key, `STORELINK_PREVIOUS_SECRET_KEYS (key ${index + 1})`));
}
