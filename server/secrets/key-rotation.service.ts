import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import type { EncryptedColumn } from './encrypted-column';
import { forgetOtherKeys, verifySecretKey } from './key-check.service';
import { SecretCipher, SecretDecryptionError } from './secret-cipher';

export interface RotationOptions {
  /** Rows re-encrypted per transaction. */
  batchSize: number;
  /** A pause between batches, to go easy on a busy database. */
  pauseMs: number;
  onProgress?: (progress: { column: string; batch: number; reEncrypted: number }) => void;
}

export interface RotationReport {
  currentKeyId: string;
  reEncrypted: number;
  /** Values no configured key can read (altered, or under a key that is not configured): left as they are. */
  unreadable: Array<{ column: string; id: string; reason: string }>;
  /** Values still under another key at the end (a server still writing with the old key). */
  remaining: number;
  /** The keys whose checks were removed: nothing is encrypted with them any more. */
  retiredKeyIds: string[];
  done: boolean;
}

const MAX_PASSES = 3;

/**
 * Re-encrypts every stored secret under the current key, reading the old ones with the
 * previous keys. Safe to stop at any moment and to run again:
 * - each batch is one transaction, and each row is written only if it still holds the
 *   value that was read (compare-and-set), so a concurrent change is never overwritten;
 * - rows already under the current key are skipped, so a second run continues where a
 *   crashed one stopped, and a run with nothing to do changes nothing;
 * - the old keys' checks are removed only when no value is left under them, so until
 *   then start-up keeps insisting on the old key being configured.
 */
export class KeyRotationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    /** Every encrypted column (db/encrypted-columns.ts). */
    private readonly columns: readonly EncryptedColumn[],
  ) {}

  async rotate(options: RotationOptions): Promise<RotationReport> {
    // Adds the current key's check (the start of a rotation) after checking every configured key.
    await verifySecretKey(this.dataSource, this.cipher);
    const report: RotationReport = { currentKeyId: this.cipher.currentKeyId, reEncrypted: 0, unreadable: [], remaining: 0, retiredKeyIds: [], done: false };

    for (const column of this.columns) {
      for (let pass = 0; pass < MAX_PASSES; pass++) {
        const before = report.reEncrypted;
        await this.pass(column, options, report);
        if (report.reEncrypted === before) break; // nothing left that this run can do
      }
    }

    await this.dataSource.transaction(async (manager) => {
      let remaining = 0;
      for (const column of this.columns) remaining += await this.stale(manager, column).getCount();
      report.remaining = remaining;
      if (remaining > 0) return;
      report.retiredKeyIds = await forgetOtherKeys(manager, this.cipher);
      report.done = true;
    });

    return report;
  }

  private async pass(column: EncryptedColumn, options: RotationOptions, report: RotationReport): Promise<void> {
    const skip = new Set(report.unreadable.filter((u) => u.column === column.name).map((u) => u.id));
    let after = '';
    for (let batch = 1; ; batch++) {
      const rows: ObjectLiteral[] = await this.stale(this.dataSource.manager, column)
        .andWhere('row.id > :after', { after })
        .orderBy('row.id', 'ASC')
        .limit(options.batchSize)
        .getMany();
      if (rows.length === 0) return;
      after = rows[rows.length - 1].id;

      let reEncrypted = 0;
      await this.dataSource.transaction(async (manager) => {
        for (const row of rows) {
          if (skip.has(row.id)) continue;
          const stored = row[column.property] as string;
          let plaintext: string;
          try {
            plaintext = this.cipher.decrypt(stored, column.context(row.id));
          } catch (error) {
            if (!(error instanceof SecretDecryptionError)) throw error;
            report.unreadable.push({ column: column.name, id: row.id, reason: error.message });
            skip.add(row.id);
            continue;
          }
          if (await this.replace(manager, column, row.id, stored, this.cipher.encrypt(plaintext, column.context(row.id)))) reEncrypted++;
        }
      });
      report.reEncrypted += reEncrypted;
      options.onProgress?.({ column: column.name, batch, reEncrypted: report.reEncrypted });
      if (options.pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    }
  }

  /** Rows of the column whose value is not under the current key. */
  private stale(manager: EntityManager, column: EncryptedColumn) {
    return manager
      .createQueryBuilder(column.entity, 'row')
      .where(`row.${column.property} IS NOT NULL`)
      .andWhere(`row.${column.property} NOT LIKE :current`, { current: `v1.${this.cipher.currentKeyId}.%` });
  }

  /** Compare-and-set: writes only if the row still holds what was read. Keeps updatedAt: the secret itself did not change. */
  private async replace(manager: EntityManager, column: EncryptedColumn, id: string, expected: string, replacement: string): Promise<boolean> {
    const metadata = manager.connection.getMetadata(column.entity);
    const escape = (name: string) => manager.connection.driver.escape(name);
    const values: Record<string, unknown> = { [column.property]: replacement };
    if (metadata.updateDateColumn) {
      const updatedAt = metadata.updateDateColumn.databaseName;
      values[metadata.updateDateColumn.propertyName] = () => escape(updatedAt);
    }
    const result = await manager
      .createQueryBuilder()
      .update(column.entity)
      .set(values)
      .where(`${escape('id')} = :id`, { id })
      .andWhere(`${escape(metadata.findColumnWithPropertyName(column.property)!.databaseName)} = :expected`, { expected })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
