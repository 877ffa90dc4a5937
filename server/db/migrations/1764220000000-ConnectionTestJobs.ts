import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { nowDefault, timestampType } from './column-types';

/**
 * Bulk re-tests: a job, and one work item per store it tests. The items are the queue that
 * every server instance claims work from, so a job survives a restart and is never run twice.
 * Also an index for the store list's default order (names as people read them).
 */
export class ConnectionTestJobs1764220000000 implements MigrationInterface {
  name = 'ConnectionTestJobs1764220000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'connection_test_jobs',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'scheduled', type: 'boolean', default: false },
          { name: 'filter', type: 'text', isNullable: true },
          { name: 'total', type: 'integer' },
          { name: 'createdBy', type: 'varchar', length: '100', isNullable: true },
          { name: 'createdAt', type: timestamp, default: nowDefault(queryRunner) },
          { name: 'finishedAt', type: timestamp, isNullable: true },
          { name: 'error', type: 'text', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'IDX_connection_test_jobs_createdAt', columnNames: ['createdAt'] }),
          new TableIndex({ name: 'IDX_connection_test_jobs_status', columnNames: ['status'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'connection_test_job_items',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'jobId', type: 'varchar', length: '36' },
          { name: 'storeId', type: 'varchar', length: '36' },
          { name: 'seq', type: 'integer' },
          { name: 'rateKey', type: 'varchar', length: '300', isNullable: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'claimToken', type: 'varchar', length: '36', isNullable: true },
          { name: 'claimedAt', type: timestamp, isNullable: true },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'finishedAt', type: timestamp, isNullable: true },
          { name: 'success', type: 'boolean', isNullable: true },
          { name: 'resultStatus', type: 'varchar', length: '32', isNullable: true },
          { name: 'previousStatus', type: 'varchar', length: '32', isNullable: true },
          { name: 'statusChanged', type: 'boolean', default: false },
          { name: 'testId', type: 'varchar', length: '36', isNullable: true },
          { name: 'message', type: 'text', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'IDX_connection_test_job_items_job_status', columnNames: ['jobId', 'status', 'seq'] }),
          new TableIndex({ name: 'IDX_connection_test_job_items_rateKey_claimedAt', columnNames: ['rateKey', 'claimedAt'] }),
          new TableIndex({ name: 'IDX_connection_test_job_items_status_claimedAt', columnNames: ['status', 'claimedAt'] }),
          new TableIndex({ name: 'IDX_connection_test_job_items_storeId', columnNames: ['storeId'] }),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['jobId'], referencedTableName: 'connection_test_jobs', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
          new TableForeignKey({ columnNames: ['storeId'], referencedTableName: 'ecommerce_stores', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
    );

    // allEcommerceStores sorts by LOWER(name) by default: without this index every page sorts the whole table.
    // The same statement works on SQLite and PostgreSQL (an expression index needs its own parentheses on PostgreSQL).
    await queryRunner.query('CREATE INDEX "IDX_ecommerce_stores_name_sort" ON "ecommerce_stores" ((LOWER("name")), "id")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_ecommerce_stores_name_sort"');
    await queryRunner.dropTable('connection_test_job_items');
    await queryRunner.dropTable('connection_test_jobs');
  }
}
