import { type MigrationInterface, type QueryRunner, Table, TableForeignKey } from 'typeorm';
import { timestampType } from './column-types';

/**
 * Credentials of every platform in the same columns: `apiLogin` (was `legacyUsername`) keeps
 * the normalised login of any API version (OAuth rows get their "stores/{hash}"), and the
 * access tokens a platform issues to storelink (Shopify client credentials) are kept
 * encrypted in their own table, one per store, gone with the store.
 */
export class PlatformCredentials1796050248635 implements MigrationInterface {
  name = 'PlatformCredentials1796050248635';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "ecommerce_stores" RENAME COLUMN "legacyUsername" TO "apiLogin"');
    await queryRunner.query(
      `UPDATE "ecommerce_stores" SET "apiLogin" = 'stores/' || "storeHash" WHERE "apiVersion" = 'STORE_API_OAUTH' AND "storeHash" IS NOT NULL`,
    );
    await queryRunner.createTable(
      new Table({
        name: 'issued_access_tokens',
        columns: [
          // The store's id: one issued token per store.
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'tokenEncrypted', type: 'text' },
          { name: 'expiresAt', type: timestampType(queryRunner) },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['id'], referencedTableName: 'ecommerce_stores', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('issued_access_tokens');
    await queryRunner.query(`UPDATE "ecommerce_stores" SET "apiLogin" = NULL WHERE "apiVersion" = 'STORE_API_OAUTH'`);
    await queryRunner.query('ALTER TABLE "ecommerce_stores" RENAME COLUMN "apiLogin" TO "legacyUsername"');
  }
}
