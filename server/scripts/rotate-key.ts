import fs from 'node:fs';
import pino from 'pino';
import { AuditAction, AuditActorType, AuditTargetType } from '../audit/audit-action';
import { runInAuditScope } from '../audit/audit-scope';
import { type AuditEntry, AuditService } from '../audit/audit.service';
import { createLogger } from '../common/logger';
import { ConfigError, loadConfig } from '../config';
import { openDatabase } from '../db/data-source';
import { ENCRYPTED_COLUMNS } from '../db/encrypted-columns';
import { KeyRotationService, type RotationReport } from '../secrets/key-rotation.service';
import { SecretCipher } from '../secrets/secret-cipher';
import { loadPreviousSecretKeys, loadSecretKey } from '../secrets/secret-key';

/**
 * `npm run rotate-key [-- --batch-size N --pause-ms N]`: re-encrypts every stored secret
 * under STORELINK_SECRET_KEY, reading the old values with STORELINK_PREVIOUS_SECRET_KEYS.
 * Run it with the same environment as the server (README, "Rotating the encryption key").
 * Exit code 0: done, the previous keys can be removed; 2: not done (see the message); 1: error.
 */

function option(args: string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  if (index === -1) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} needs a whole number.`);
  return value;
}

function keyRotated(report: RotationReport): AuditEntry {
  return {
    action: AuditAction.KEY_ROTATED,
    success: report.done,
    target: { type: AuditTargetType.SECRET_KEY, id: report.currentKeyId, name: report.currentKeyId },
    detail: report.done
      ? `re-encrypted ${report.reEncrypted} value(s); retired key(s): ${report.retiredKeyIds.join(', ') || 'none'}`
      : `re-encrypted ${report.reEncrypted} value(s); ${report.remaining} still under an old key (${report.unreadable.length} unreadable)`,
  };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const batchSize = Math.max(1, option(args, '--batch-size', 100));
  const pauseMs = option(args, '--pause-ms', 0);
  const config = loadConfig();
  if (config.secretKey === undefined && !fs.existsSync(config.secretKeyFile)) {
    throw new ConfigError(`No encryption key: set STORELINK_SECRET_KEY to the new key (there is no ${config.secretKeyFile} either).`);
  }
  // Log lines (warnings about the key file) go to stderr; stdout is the report.
  const logger = createLogger(config.logLevel === 'debug' || config.logLevel === 'trace' ? config.logLevel : 'warn', pino.destination(2));
  const cipher = new SecretCipher(loadSecretKey(config, logger), loadPreviousSecretKeys(config));
  const dataSource = await openDatabase(config.database);
  try {
    const rotation = new KeyRotationService(dataSource, cipher, ENCRYPTED_COLUMNS);
    const audit = new AuditService(dataSource);
    console.log(`rotate-key: re-encrypting stored secrets under key ${cipher.currentKeyId} (readable old keys: ${cipher.previousKeyIds.join(', ') || 'none'})`);
    const report = await runInAuditScope({ actor: { type: AuditActorType.SYSTEM, id: null, name: 'rotate-key' }, ip: null }, async () => {
      const done = await rotation.rotate({
        batchSize,
        pauseMs,
        onProgress: ({ column, batch, reEncrypted }) => console.log(`rotate-key: ${column}: batch ${batch} committed, ${reEncrypted} re-encrypted so far`),
      });
      await audit.record(keyRotated(done));
      return done;
    });
    for (const { column, id, reason } of report.unreadable) console.log(`rotate-key: ${column} of row ${id} cannot be read: ${reason}`);
    if (report.done) {
      console.log(
        `rotate-key: done. ${report.reEncrypted} value(s) re-encrypted; every secret is under key ${report.currentKeyId}. ` +
          (report.retiredKeyIds.length ? `Key(s) ${report.retiredKeyIds.join(', ')} are no longer used: remove them from STORELINK_PREVIOUS_SECRET_KEYS.` : 'No old key was in use.'),
      );
      return 0;
    }
    console.log(
      `rotate-key: not done. ${report.remaining} value(s) are still under an old key` +
        (report.unreadable.length ? ` (${report.unreadable.length} unreadable: enter those stores' credentials again, then run rotate-key again)` : '') +
        '. Keep the old key in STORELINK_PREVIOUS_SECRET_KEYS; make sure every running instance uses the new key, then run rotate-key again.',
    );
    return 2;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(`rotate-key: ${error.message}`);
    else console.error('rotate-key failed:', error);
    process.exit(1);
  },
);
