import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import type { DatabaseConfig } from '../config';
import { entities } from './entities';
import { migrations } from './migrations';
import { serialiseSqlite } from './serialised-sqlite';

const BUSY_TIMEOUT_MS = 5000;
/** Connections that read in parallel (node-sqlite3 runs each on libuv's thread pool, 4 threads by default). */
const SQLITE_READERS = 4;

export interface DatabaseOptions {
  /** Called with every SQL statement sent to the database (tests count them to prove there is no N+1). */
  onQuery?: (sql: string) => void;
}

/** TypeORM calls logQuery for every statement; this forwards them and ignores the rest. */
function queryListener(onQuery: (sql: string) => void): TypeOrmLogger {
  return {
    logQuery: (query) => onQuery(query),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
}

/** The schema is owned by migrations everywhere; `synchronize` is never used. */
export function createDataSource(database: DatabaseConfig, options: DatabaseOptions = {}): DataSource {
  const logger = options.onQuery ? queryListener(options.onQuery) : undefined;
  if (database.type === 'postgres') {
    return new DataSource({ type: 'postgres', url: database.url, entities, migrations, synchronize: false, logger });
  }
  fs.mkdirSync(path.dirname(path.resolve(database.path)), { recursive: true });
  // Loaded here, not at the top: on PostgreSQL the SQLite driver's native module is never loaded.
  const sqlite3 = require('sqlite3') as typeof import('sqlite3');
  const dataSource = new DataSource({
    type: 'sqlite',
    database: database.path,
    // TypeORM calls sqlite3.verbose(), which captures a stack trace on every call into the driver
    // (a few percent of all CPU under load); this keeps the plain driver.
    driver: { ...sqlite3, verbose: () => sqlite3 },
    entities,
    migrations,
    synchronize: false,
    logger,
    // WAL lets readers work while a write is in progress; busy_timeout waits for a lock instead of failing.
    enableWAL: true,
    busyTimeout: BUSY_TIMEOUT_MS,
  });
  // One writing connection, so transactions must not interleave on it; reads on a few more (see serialised-sqlite.ts).
  serialiseSqlite(dataSource, { readers: SQLITE_READERS, busyTimeoutMs: BUSY_TIMEOUT_MS });
  return dataSource;
}

export async function openDatabase(database: DatabaseConfig, options: DatabaseOptions = {}): Promise<DataSource> {
  const dataSource = createDataSource(database, options);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
