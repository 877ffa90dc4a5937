import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { timestampType } from './column-types';

/** Webhook endpoints and their deliveries (the outbox and the delivery log). */
export class Webhooks1796049642575 implements MigrationInterface {
  name = 'Webhooks1796049642575';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'webhook_endpoints',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'url', type: 'varchar', length: '2048' },
          { name: 'description', type: 'varchar', length: '500', isNullable: true },
          { name: 'events', type: 'text' },
          { name: 'enabled', type: 'boolean' },
          { name: 'disabledReason', type: 'varchar', length: '500', isNullable: true },
          { name: 'secretEncrypted', type: 'text' },
          { name: 'secretLast4', type: 'varchar', length: '4' },
          { name: 'previousSecretEncrypted', type: 'text', isNullable: true },
          { name: 'previousSecretExpiresAt', type: timestamp, isNullable: true },
          { name: 'createdAt', type: timestamp },
          { name: 'updatedAt', type: timestamp },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'webhook_deliveries',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'endpointId', type: 'varchar', length: '36' },
          { name: 'eventId', type: 'varchar', length: '64' },
          { name: 'eventType', type: 'varchar', length: '40' },
          { name: 'payload', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'integer' },
          { name: 'responseStatus', type: 'integer', isNullable: true },
          { name: 'lastError', type: 'varchar', length: '500', isNullable: true },
          { name: 'nextAttemptAt', type: timestamp, isNullable: true },
          { name: 'claimToken', type: 'varchar', length: '36', isNullable: true },
          { name: 'claimedAt', type: timestamp, isNullable: true },
          { name: 'createdAt', type: timestamp },
          { name: 'deliveredAt', type: timestamp, isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'IDX_webhook_deliveries_due', columnNames: ['status', 'nextAttemptAt'] }),
          new TableIndex({ name: 'IDX_webhook_deliveries_endpoint', columnNames: ['endpointId', 'createdAt'] }),
        ],
        // A deleted endpoint takes its log and its pending deliveries with it.
        foreignKeys: [
          new TableForeignKey({ columnNames: ['endpointId'], referencedTableName: 'webhook_endpoints', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('webhook_deliveries');
    await queryRunner.dropTable('webhook_endpoints');
  }
}
