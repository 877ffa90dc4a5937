import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * Sign-in failure counts, shared by every instance and kept across restarts (server/auth/login-throttle.ts).
 * The columns are the ones rate-limiter-flexible's SQL stores read and write: `key` (limiter prefix and a
 * hash of what is counted), `points` (failures in the window), `expire` (end of the window, epoch ms).
 */
export class LoginFailureCounts1796045314060 implements MigrationInterface {
  name = 'LoginFailureCounts1796045314060';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.driver.options.type === 'postgres';
    await queryRunner.createTable(
      new Table({
        name: 'login_failure_counts',
        columns: [
          { name: 'key', type: postgres ? 'varchar' : 'text', length: postgres ? '255' : undefined, isPrimary: true },
          { name: 'points', type: 'integer', default: 0 },
          { name: 'expire', type: postgres ? 'bigint' : 'integer', isNullable: true },
        ],
        // The sweep deletes by window end.
        indices: [new TableIndex({ name: 'IDX_login_failure_counts_expire', columnNames: ['expire'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('login_failure_counts');
  }
}
