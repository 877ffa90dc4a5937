import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startStorelink, type RunningStorelink } from '../../server/app';
import { loadConfig } from '../../server/config';
import { PostgresTestDatabase, portableDataSource, testDatabaseKind, type TestDatabaseKind } from './test-database';

/**
 * Starts the real storelink server in this process on a random port, with its own
 * temporary data directory (SQLite file and key file), and talks to it over HTTP.
 *
 * With STORELINK_TEST_DATABASE=postgres (and STORELINK_TEST_POSTGRES_URL, see
 * test-database.ts) every server gets its own fresh PostgreSQL database instead of the
 * SQLite file, kept for as long as its data directory (a restart, or a second server on
 * the same dataDir, finds the same data) and dropped by destroy(). An explicit
 * DATABASE_URL in `env` always wins.
 */

// A list jest.config.js reads too (plain JavaScript).
const DATABASE_FREE_SUITES = require('../database-free-suites') as string[];

export const ADMIN = { email: 'admin@example.com', password: 'correct horse battery staple' };

/** The server's environment variables, or a function that gives them when the server first boots. */
export type TestServerEnv = Record<string, string> | (() => Record<string, string>);

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; field?: string; [key: string]: unknown } }>;
}

export class TestServer {
  /** Every log line the server wrote, as raw JSON text. */
  readonly logLines: string[] = [];
  /** Every response body the tests received, raw, so a test can search them all for a secret. */
  readonly responseBodies: string[] = [];
  private running?: RunningStorelink;
  private settings?: { dataDir: string; env: Record<string, string>; postgres: PostgresTestDatabase | null };
  private recordedQueries: string[] | null = null;

  private constructor(
    private readonly envSource: TestServerEnv,
    private readonly dataDirSource?: string,
  ) {}

  static async start(env: TestServerEnv = {}, dataDir?: string): Promise<TestServer> {
    const server = TestServer.unstarted(env, dataDir);
    await server.boot();
    return server;
  }

  /**
   * A server that starts on boot(). `env` may be a function, read at the first boot: the URL of
   * a fake that listens only once the tests begin (see hooks.ts).
   */
  static unstarted(env: TestServerEnv = {}, dataDir?: string): TestServer {
    return new TestServer(env, dataDir);
  }

  private get resolved() {
    if (!this.settings) {
      const env = typeof this.envSource === 'function' ? this.envSource() : this.envSource;
      const dataDir = this.dataDirSource ?? fs.mkdtempSync(path.join(os.tmpdir(), 'storelink-test-'));
      const postgres = env.DATABASE_URL === undefined && testDatabaseKind() === 'postgres' ? PostgresTestDatabase.forDataDir(dataDir) : null;
      this.settings = { dataDir, env, postgres };
    }
    return this.settings;
  }

  private get postgres(): PostgresTestDatabase | null {
    return this.resolved.postgres;
  }

  /** The server's data directory: SQLite file, key file (and, on PostgreSQL, its database's name). */
  get dataDir(): string {
    return this.resolved.dataDir;
  }

  /** The database the servers of this test run use: STORELINK_TEST_DATABASE, sqlite unless set to postgres. */
  static get databaseKind(): TestDatabaseKind {
    return testDatabaseKind();
  }

  /** Which database this server runs on. */
  get databaseKind(): TestDatabaseKind {
    return this.config().database.type;
  }

  get url(): string {
    return this.running!.url;
  }

  get databaseFile(): string {
    return path.join(this.dataDir, 'storelink.sqlite');
  }

  /**
   * The server's TypeORM DataSource. On PostgreSQL its query() accepts the SQL the tests
   * write for SQLite (`?` placeholders, unquoted camelCase column names), see test-database.ts.
   */
  get dataSource() {
    const dataSource = this.running!.dataSource;
    return this.postgres ? portableDataSource(dataSource) : dataSource;
  }

  /**
   * The SQL statements the server sent while `action` ran (on every connection of this
   * server: concurrent background work is included, so filter by table when that matters).
   */
  async captureQueries(action: () => Promise<unknown>): Promise<string[]> {
    const captured: string[] = [];
    const previous = this.recordedQueries;
    this.recordedQueries = captured;
    try {
      await action();
    } finally {
      this.recordedQueries = previous;
    }
    return captured;
  }

  /** The configuration this server runs with (for tests that read it, e.g. the key file). */
  config() {
    return loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      STORELINK_DATA_DIR: this.dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'debug',
      ...(this.postgres ? { DATABASE_URL: this.postgres.url } : {}),
      ...this.resolved.env,
    });
  }

  async boot(): Promise<void> {
    const suite = path.basename(expect.getState().testPath ?? '');
    if (DATABASE_FREE_SUITES.includes(suite)) {
      throw new Error(`${suite} starts a server, so it must run on PostgreSQL too: take it off test/database-free-suites.js`);
    }
    const logLines = this.logLines;
    const destination = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    await this.postgres?.create();
    this.running = await startStorelink(this.config(), {
      logDestination: destination,
      onQuery: (sql) => this.recordedQueries?.push(sql),
    });
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.boot();
  }

  async stop(): Promise<void> {
    await this.running?.stop();
    this.running = undefined;
  }

  /** Stops the server and removes its data directory. */
  async destroy(): Promise<void> {
    await this.stop();
    if (!this.settings) return;
    await this.postgres?.drop();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  async graphql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    this.responseBodies.push(text);
    return JSON.parse(text);
  }

  async login(email = ADMIN.email, password = ADMIN.password): Promise<string> {
    const result = await this.graphql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: password });
    if (!result.data) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
    return result.data.login.token;
  }

  /**
   * Every file of the SQLite database (main file, WAL and shared memory), concatenated.
   * On PostgreSQL: the database's files and the cluster's write-ahead log, when the server
   * runs on this machine and its files are readable (as in CI, which runs as root).
   */
  databaseBytes(): Buffer {
    if (this.postgres) return this.postgres.fileBytes();
    return Buffer.concat(
      ['', '-wal', '-shm']
        .map((suffix) => this.databaseFile + suffix)
        .filter((file) => fs.existsSync(file))
        .map((file) => fs.readFileSync(file)),
    );
  }
}

/** GraphQL as one caller: tests read as the operations they perform. */
export type GraphQLClient = <T = any>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;

/** A client bound to one server and token. */
export function clientFor(server: TestServer, token: string): GraphQLClient {
  return (query, variables) => server.graphql(query, variables, token);
}
