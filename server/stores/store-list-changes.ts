import type { DataSource } from 'typeorm';

/**
 * The tables an answer about stores is read from: the stores (with their newest test's summary,
 * EcommerceStore.lastTest*) and their full tests (EcommerceStore.lastConnectionTest beyond the
 * summary). Triggers on them raise the counter in store_list_changes (migration
 * 1796065891075-StoreListChanges), with every write, in the writing transaction.
 */
const WATCHED_TABLES = ['ecommerce_stores', 'connection_tests'];
const SQLITE_EVENTS = ['insert', 'update', 'delete'];

/**
 * How many changes the database has committed to the stores and their tests: the version of
 * every answer about them. An answer computed after reading the count is at least as new as
 * the count says, so an answer kept under a count may be given again while the count is the
 * same, on any instance of the database.
 */
export class StoreListChanges {
  /** The count as an SQL expression, to read it in a statement that runs anyway (see AuthOptions.readWithCaller). */
  static readonly COUNT_SQL = '(SELECT changes FROM store_list_changes WHERE id = 1)';

  constructor(private readonly dataSource: DataSource) {}

  /**
   * A count as read from the database (PostgreSQL's bigint is a string, SQLite's integer a
   * number), or undefined when it is none: its row is missing (deleted by hand, a partial
   * restore), and then nothing may be kept.
   */
  static countOf(value: unknown): string | undefined {
    return typeof value === 'number' || typeof value === 'string' ? String(value) : undefined;
  }

  /**
   * The watched tables that lack a trigger. A rebuild of a table (as TypeORM's changeColumn does
   * on SQLite) drops its triggers with it; then the count no longer follows every change.
   */
  async tablesWithoutTriggers(): Promise<string[]> {
    if (this.dataSource.options.type === 'postgres') {
      // Enabled means fires in ordinary sessions: 'O' (origin) or 'A' (always); a trigger set to
      // 'R' fires only under session_replication_role = replica, and 'D' never.
      const rows: Array<{ table: string }> = await this.dataSource.query(
        `SELECT c.relname AS "table" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
          WHERE NOT t.tgisinternal AND t.tgname = c.relname || '_store_list_changed' AND t.tgenabled IN ('O', 'A')`,
      );
      return WATCHED_TABLES.filter((table) => !rows.some((row) => row.table === table));
    }
    const rows: Array<{ name: string }> = await this.dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'trigger'`);
    const names = new Set(rows.map((row) => row.name));
    return WATCHED_TABLES.filter((table) => !SQLITE_EVENTS.every((event) => names.has(`${table}_store_list_changed_${event}`)));
  }
}
