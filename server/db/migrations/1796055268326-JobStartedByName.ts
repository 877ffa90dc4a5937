import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who started a connection test job, in words (a user's email, an API key's name and prefix),
 * kept on the job as the audit trail keeps an actor's name: the card shows it, and the job's
 * tests are audited as that user. Jobs started before are filled in from the users and API keys.
 */
export class JobStartedByName1796055268326 implements MigrationInterface {
  name = 'JobStartedByName1796055268326';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE connection_test_jobs ADD COLUMN "createdByName" varchar(320) NULL`);
    await queryRunner.query(
      `UPDATE connection_test_jobs SET "createdByName" = (SELECT u.email FROM users u WHERE 'user:' || u.id = connection_test_jobs."createdBy")
        WHERE "createdBy" LIKE 'user:%'`,
    );
    await queryRunner.query(
      `UPDATE connection_test_jobs SET "createdByName" = (SELECT k.name || ' (' || k.prefix || '…)' FROM api_keys k WHERE 'apiKey:' || k.id = connection_test_jobs."createdBy")
        WHERE "createdBy" LIKE 'apiKey:%'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE connection_test_jobs DROP COLUMN "createdByName"`);
  }
}
