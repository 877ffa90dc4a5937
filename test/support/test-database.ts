import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';

/** The little of node-postgres used here (the package ships no types, and @types/pg is not a dependency). */
interface Client {
  connect(): Promise<void>;
  query<R = any>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
  end(): Promise<void>;
}
// pg's types are not installed (no @types/pg): the little of its API used here is typed above.
const { Client } = require('pg') as { Client: new (config: { connectionString: string }) => Client };

/**
 * Which database the integration tests run on, and the PostgreSQL side of it.
 *
 *   STORELINK_TEST_DATABASE=postgres            run the servers on PostgreSQL (default: sqlite)
 *   STORELINK_TEST_POSTGRES_URL=postgres://…    a role that may CREATE DATABASE; each test server
 *                                               gets a database of its own, dropped with it
 *                                               (and, for databaseBytes(), may CHECKPOINT and read
 *                                               the server's settings: pg_checkpoint, pg_read_all_settings)
 *
 * `npm test` runs the integration suite a second time on PostgreSQL whenever
 * STORELINK_TEST_POSTGRES_URL is set (jest.config.js); .ci/run sets it up.
 */

export type TestDatabaseKind = 'sqlite' | 'postgres';

export function testDatabaseKind(): TestDatabaseKind {
  const kind = process.env.STORELINK_TEST_DATABASE || 'sqlite';
  if (kind !== 'sqlite' && kind !== 'postgres') throw new Error(`STORELINK_TEST_DATABASE must be sqlite or postgres, not "${kind}"`);
  return kind;
}

export function postgresAdminUrl(): string {
  const url = process.env.STORELINK_TEST_POSTGRES_URL;
  if (!url) {
    throw new Error(
      'STORELINK_TEST_DATABASE=postgres needs STORELINK_TEST_POSTGRES_URL, e.g. postgres://storelink:storelink@127.0.0.1:5432/postgres ' +
        '(a role with CREATEDB; .ci/run creates one)',
    );
  }
  return url;
}

async function withAdmin<T>(action: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

/** Runs `action`, again after a growing pause while it fails with an error matching `transient`, at most `attempts` times. */
async function retrying<T>(attempts: number, transient: RegExp, action: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (attempt >= attempts || !transient.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

const NAME_FILE = 'postgres-database';

/** A PostgreSQL database that belongs to one test data directory. */
export class PostgresTestDatabase {
  private files: { dataDirectory: string; oid: number } | { unavailable: string } | undefined;

  private constructor(readonly name: string) {}

  /** The database of this data directory: the one named in it, or a new name written there. */
  static forDataDir(dataDir: string): PostgresTestDatabase {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, NAME_FILE);
    if (fs.existsSync(file)) return new PostgresTestDatabase(fs.readFileSync(file, 'utf8').trim());
    const name = `storelink_test_${process.pid}_${randomBytes(5).toString('hex')}`;
    fs.writeFileSync(file, name);
    return new PostgresTestDatabase(name);
  }

  /** The URL a server uses: the admin URL with this database. */
  get url(): string {
    const url = new URL(postgresAdminUrl());
    url.pathname = `/${this.name}`;
    return url.toString();
  }

  /** Creates the database unless it exists. */
  async create(): Promise<void> {
    await withAdmin(async (client) => {
      // Two CREATE DATABASE at once can collide on the template ("is being accessed by other users").
      await retrying(5, /being accessed by other users/, async () => {
        const found = await client.query<{ oid: number }>('SELECT oid FROM pg_database WHERE datname = $1', [this.name]);
        if (!found.rowCount) await client.query(`CREATE DATABASE "${this.name}"`);
      });
      if (!this.files) this.files = await locateFiles(client, this.name);
    });
  }

  async drop(): Promise<void> {
    await withAdmin((client) =>
      // FORCE ends the database's other connections, but without pg_signal_backend (.ci/run grants
      // it) refuses one it does not own, e.g. an autovacuum worker (seen once in CI): it ends soon.
      retrying(10, /must be a member of the role whose process is being terminated/, () => client.query(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`)),
    );
  }

  /**
   * The bytes of this database's files, after a CHECKPOINT has written every change to them.
   * (Not the write-ahead log: it is shared by the whole cluster, so it holds what other tests,
   * running at the same time, wrote to their databases.) Synchronous, as databaseBytes() is:
   * the CHECKPOINT goes through psql, which comes with PostgreSQL.
   */
  fileBytes(): Buffer {
    const files = this.files;
    if (!files) throw new Error('The database has not been created yet.');
    if ('unavailable' in files) throw new Error(`Cannot read the PostgreSQL files: ${files.unavailable}`);
    execFileSync('psql', [postgresAdminUrl(), '-qAtc', 'CHECKPOINT'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const dir = path.join(files.dataDirectory, 'base', String(files.oid));
    return Buffer.concat(
      fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => fs.readFileSync(path.join(dir, entry.name))),
    );
  }
}

async function locateFiles(client: Client, name: string): Promise<{ dataDirectory: string; oid: number } | { unavailable: string }> {
  try {
    const [{ oid }] = (await client.query<{ oid: number }>('SELECT oid FROM pg_database WHERE datname = $1', [name])).rows;
    const [{ data_directory: dataDirectory }] = (await client.query<{ data_directory: string }>('SHOW data_directory')).rows;
    fs.accessSync(path.join(dataDirectory, 'base', String(oid)), fs.constants.R_OK);
    return { dataDirectory, oid };
  } catch (error) {
    return { unavailable: `${(error as Error).message} (the tests must run on the database's machine, as a user that can read its files)` };
  }
}

/**
 * The integration tests were first written for SQLite and query it directly, e.g.
 * `SELECT apiPasswordEncrypted FROM ecommerce_stores WHERE id = ?`. On PostgreSQL the same
 * statement needs `$1` and quoted camelCase columns; this translates, so one test runs on both:
 * `?` becomes `$n`, a mixed-case identifier outside quotes is quoted, and DROP TABLE cascades
 * (PostgreSQL refuses to drop a table other tables reference).
 */
export function toPostgresSql(sql: string): string {
  let out = '';
  let placeholder = 0;
  for (let i = 0; i < sql.length; ) {
    const ch = sql[i];
    if (ch === "'" || ch === '"') {
      let end = i + 1;
      while (end < sql.length && !(sql[end] === ch && sql[end + 1] !== ch)) end += sql[end] === ch ? 2 : 1;
      out += sql.slice(i, end + 1);
      i = end + 1;
    } else if (ch === '?') {
      out += `$${++placeholder}`;
      i++;
    } else if (/[A-Za-z_]/.test(ch)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i))![0];
      out += /[a-z]/.test(word) && /[A-Z]/.test(word) ? `"${word}"` : word;
      i += word.length;
    } else {
      out += ch;
      i++;
    }
  }
  return out.replace(/^(\s*DROP\s+TABLE\s+(?:(?!\bCASCADE\b)[^;])+?)\s*(;?)\s*$/i, '$1 CASCADE$2');
}

const portable = new WeakMap<DataSource, DataSource>();

/** The DataSource with a query() that takes SQLite-style SQL (see toPostgresSql); everything else is the DataSource itself. */
export function portableDataSource(dataSource: DataSource): DataSource {
  let wrapped = portable.get(dataSource);
  if (!wrapped) {
    wrapped = new Proxy(dataSource, {
      get(target, property) {
        if (property === 'query') {
          return (sql: string, parameters?: unknown[], queryRunner?: unknown) => target.query(toPostgresSql(sql), parameters, queryRunner as never);
        }
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    portable.set(dataSource, wrapped);
  }
  return wrapped;
}
