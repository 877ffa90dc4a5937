import type { QueryRunner } from 'typeorm';

/** The timestamp column type the entities get on this database (datetime on SQLite, timestamp on PostgreSQL). */
export function timestampType(queryRunner: QueryRunner): string {
  return queryRunner.connection.driver.normalizeType({ type: Date });
}

/** CURRENT_TIMESTAMP as this database spells a column default. */
export function nowDefault(queryRunner: QueryRunner): string {
  return queryRunner.connection.driver.options.type === 'postgres' ? 'now()' : "(datetime('now'))";
}
