import type { MigrationInterface, QueryRunner } from 'typeorm';
import { timestampType } from './column-types';

const COLUMNS = ['lastTestId', 'lastTestStatus', 'lastTestSuccess', 'lastTestMessage', 'lastTestedAt'];

/**
 * A summary of each store's latest connection test on its own row (written in the same
 * transaction as the test), so a page of stores shows it without a second query. Filled
 * from the history here. Plain ALTER TABLE ADD COLUMN: TypeORM's addColumn rebuilds a SQLite
 * table, and dropping the old ecommerce_stores would cascade into connection_tests.
 */
export class StoreLastTestSummary1796047284832 implements MigrationInterface {
  name = 'StoreLastTestSummary1796047284832';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = ['varchar(36)', 'varchar(32)', 'boolean', 'text', timestampType(queryRunner)];
    for (const [i, column] of COLUMNS.entries()) await queryRunner.query(`ALTER TABLE ecommerce_stores ADD COLUMN "${column}" ${types[i]} NULL`);
    await queryRunner.query(
      `UPDATE ecommerce_stores SET ("lastTestId", "lastTestStatus", "lastTestSuccess", "lastTestMessage", "lastTestedAt") =
         (SELECT t.id, t.status, t.success, t.message, t."testedAt" FROM connection_tests t
           WHERE t."storeId" = ecommerce_stores.id ORDER BY t."testedAt" DESC, t.id DESC LIMIT 1)
       WHERE EXISTS (SELECT 1 FROM connection_tests t WHERE t."storeId" = ecommerce_stores.id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of [...COLUMNS].reverse()) await queryRunner.query(`ALTER TABLE ecommerce_stores DROP COLUMN "${column}"`);
  }
}
