import type { MigrationInterface, QueryRunner } from 'typeorm';

const WATCHED = ['ecommerce_stores', 'connection_tests'];

/**
 * On PostgreSQL, TRUNCATE fires no row trigger, so emptying the stores or their tests (an
 * operator, a restore script) left the store list cache's count where it was and cached lists
 * showed stores that were gone. A statement trigger on TRUNCATE raises the count too. (It cannot
 * be a deferred constraint trigger like the row triggers; TRUNCATE locks the whole table anyway.)
 * SQLite has no TRUNCATE: a DELETE without WHERE fires the row triggers, its truncate shortcut
 * being off for a table with triggers.
 */
export class StoreListTruncations1796071398053 implements MigrationInterface {
  name = 'StoreListTruncations1796071398053';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type !== 'postgres') return;
    for (const table of WATCHED) {
      await queryRunner.query(`CREATE TRIGGER ${table}_store_list_truncated AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION store_list_changed()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type !== 'postgres') return;
    for (const table of WATCHED) await queryRunner.query(`DROP TRIGGER IF EXISTS ${table}_store_list_truncated ON ${table}`);
  }
}
