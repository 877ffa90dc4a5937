import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { nowDefault, timestampType } from './column-types';

/** API keys and the audit trail. Table API, so it runs on SQLite and PostgreSQL alike. */
export class Security1764300000000 implements MigrationInterface {
  name = 'Security1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = timestampType(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'api_keys',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'prefix', type: 'varchar', length: '16' },
          { name: 'keyHash', type: 'varchar', length: '64' },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'createdById', type: 'varchar', length: '36', isNullable: true },
          { name: 'createdAt', type: timestamp, default: nowDefault(queryRunner) },
          { name: 'lastUsedAt', type: timestamp, isNullable: true },
          { name: 'revokedAt', type: timestamp, isNullable: true },
        ],
        indices: [new TableIndex({ name: 'IDX_api_keys_keyHash', columnNames: ['keyHash'], isUnique: true })],
      }),
    );

    // No foreign keys: the trail outlives what it describes (a deleted store's history stays).
    await queryRunner.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'occurredAt', type: timestamp },
          { name: 'action', type: 'varchar', length: '40' },
          { name: 'success', type: 'boolean' },
          { name: 'actorType', type: 'varchar', length: '16' },
          { name: 'actorId', type: 'varchar', length: '36', isNullable: true },
          { name: 'actorName', type: 'varchar', length: '320', isNullable: true },
          { name: 'ip', type: 'varchar', length: '64', isNullable: true },
          { name: 'targetType', type: 'varchar', length: '32', isNullable: true },
          { name: 'targetId', type: 'varchar', length: '36', isNullable: true },
          { name: 'targetName', type: 'varchar', length: '320', isNullable: true },
          { name: 'changedFields', type: 'text' },
          { name: 'oldApiVersion', type: 'varchar', length: '32', isNullable: true },
          { name: 'newApiVersion', type: 'varchar', length: '32', isNullable: true },
          { name: 'oldLast4', type: 'varchar', length: '4', isNullable: true },
          { name: 'newLast4', type: 'varchar', length: '4', isNullable: true },
          { name: 'detail', type: 'varchar', length: '500', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'IDX_audit_events_occurredAt', columnNames: ['occurredAt'] }),
          new TableIndex({ name: 'IDX_audit_events_target', columnNames: ['targetType', 'targetId'] }),
        ],
      }),
    );

    // Revoking a user's sessions (password change, disable) looks them up by user.
    await queryRunner.createIndex('sessions', new TableIndex({ name: 'IDX_sessions_userId', columnNames: ['userId'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('sessions', 'IDX_sessions_userId');
    await queryRunner.dropTable('audit_events');
    await queryRunner.dropTable('api_keys');
  }
}
