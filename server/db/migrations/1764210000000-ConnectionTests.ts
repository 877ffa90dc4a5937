import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { timestampType } from './column-types';

/** The history of connection tests, one row per test of a store's saved credentials. */
export class ConnectionTests1764210000000 implements MigrationInterface {
  name = 'ConnectionTests1764210000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'connection_tests',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'storeId', type: 'varchar', length: '36' },
          { name: 'success', type: 'boolean' },
          { name: 'status', type: 'varchar', length: '32' },
          { name: 'message', type: 'text' },
          { name: 'apiVersion', type: 'varchar', length: '32', isNullable: true },
          { name: 'storeName', type: 'varchar', length: '255', isNullable: true },
          { name: 'storeDomain', type: 'varchar', length: '255', isNullable: true },
          { name: 'scopes', type: 'text' },
          { name: 'warnings', type: 'text' },
          { name: 'durationMs', type: 'integer' },
          { name: 'testedAt', type: timestampType(queryRunner) },
        ],
        indices: [new TableIndex({ name: 'IDX_connection_tests_store_testedAt', columnNames: ['storeId', 'testedAt'] })],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['storeId'], referencedTableName: 'ecommerce_stores', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('connection_tests');
  }
}
