import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { nowDefault, timestampType } from './column-types';

/** Stores, users, sessions and key checks. Written with TypeORM's Table API so it runs on SQLite and PostgreSQL alike. */
export class Initial1764200000000 implements MigrationInterface {
  name = 'Initial1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    const now = nowDefault(queryRunner);
    const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
    const createdAt = { name: 'createdAt', type: timestamp, default: now };

    await queryRunner.createTable(
      new Table({
        name: 'ecommerce_stores',
        columns: [
          id,
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'platform', type: 'varchar', length: '32' },
          { name: 'apiVersion', type: 'varchar', length: '32', isNullable: true },
          { name: 'storeHash', type: 'varchar', length: '64', isNullable: true },
          { name: 'legacyUsername', type: 'varchar', length: '255', isNullable: true },
          { name: 'apiUrl', type: 'varchar', length: '2048', isNullable: true },
          { name: 'apiPasswordEncrypted', type: 'text', isNullable: true },
          { name: 'apiPasswordLast4', type: 'varchar', length: '4', isNullable: true },
          createdAt,
          { name: 'updatedAt', type: timestamp, default: now },
          { name: 'version', type: 'integer', default: 1 },
        ],
        indices: [
          new TableIndex({ name: 'IDX_ecommerce_stores_name', columnNames: ['name'] }),
          new TableIndex({ name: 'IDX_ecommerce_stores_apiVersion', columnNames: ['apiVersion'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          id,
          { name: 'email', type: 'varchar', length: '320', isUnique: true },
          { name: 'passwordHash', type: 'varchar', length: '255' },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'disabledAt', type: timestamp, isNullable: true },
          createdAt,
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          id,
          { name: 'tokenHash', type: 'varchar', length: '64' },
          { name: 'userId', type: 'varchar', length: '36' },
          createdAt,
          { name: 'expiresAt', type: timestamp },
          { name: 'revokedAt', type: timestamp, isNullable: true },
        ],
        indices: [new TableIndex({ name: 'IDX_sessions_tokenHash', columnNames: ['tokenHash'], isUnique: true })],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['userId'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'secret_key_checks',
        columns: [{ name: 'keyId', type: 'varchar', length: '32', isPrimary: true }, { name: 'checkValue', type: 'text' }, createdAt],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['secret_key_checks', 'sessions', 'users', 'ecommerce_stores']) await queryRunner.dropTable(table);
  }
}
