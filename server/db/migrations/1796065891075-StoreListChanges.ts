import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables a store list's answer is read from: the stores (with their newest test's summary) and their full tests. */
const WATCHED = ['ecommerce_stores', 'connection_tests'];
const EVENTS = ['INSERT', 'UPDATE', 'DELETE'];

/**
 * A counter that goes up with every committed change of the tables a store list is answered
 * from, kept by the database itself (triggers), so every write path counts (the services,
 * `npm run rotate-key`, code yet to come), and every instance on one database reads the same
 * count. An answer cached under a count is served only while the count stays the same.
 *
 * SQLite: a row trigger per table and event, in the writing transaction (one writer at a time).
 * PostgreSQL: a deferred constraint trigger, so the counter's row is locked only while the
 * transaction commits, after every other lock it takes: an immediate trigger would lock it in
 * the middle of the transaction, where a writer holding a store's row could wait for a writer
 * holding the counter that waits for that store (a deadlock). A transaction-local setting lets
 * the count go up once per transaction, however many rows it changes.
 */
export class StoreListChanges1796065891075 implements MigrationInterface {
  name = 'StoreListChanges1796065891075';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.driver.options.type === 'postgres';
    await queryRunner.query(`CREATE TABLE store_list_changes (id integer PRIMARY KEY NOT NULL, changes bigint NOT NULL)`);
    await queryRunner.query(`INSERT INTO store_list_changes (id, changes) VALUES (1, 0)`);
    if (postgres) {
      await queryRunner.query(`
        CREATE FUNCTION store_list_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF current_setting('storelink.store_list_changed', true) IS DISTINCT FROM 'yes' THEN
            UPDATE store_list_changes SET changes = changes + 1 WHERE id = 1;
            PERFORM set_config('storelink.store_list_changed', 'yes', true);
          END IF;
          RETURN NULL;
        END $$`);
      for (const table of WATCHED) {
        await queryRunner.query(
          `CREATE CONSTRAINT TRIGGER ${table}_store_list_changed AFTER INSERT OR UPDATE OR DELETE ON ${table}
             DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION store_list_changed()`,
        );
      }
      return;
    }
    for (const table of WATCHED) {
      for (const event of EVENTS) {
        await queryRunner.query(
          `CREATE TRIGGER ${table}_store_list_changed_${event.toLowerCase()} AFTER ${event} ON ${table}
             BEGIN UPDATE store_list_changes SET changes = changes + 1 WHERE id = 1; END`,
        );
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.driver.options.type === 'postgres';
    for (const table of WATCHED) {
      if (postgres) await queryRunner.query(`DROP TRIGGER IF EXISTS ${table}_store_list_changed ON ${table}`);
      else for (const event of EVENTS) await queryRunner.query(`DROP TRIGGER IF EXISTS ${table}_store_list_changed_${event.toLowerCase()}`);
    }
    if (postgres) await queryRunner.query(`DROP FUNCTION IF EXISTS store_list_changed()`);
    await queryRunner.query(`DROP TABLE store_list_changes`);
  }
}

