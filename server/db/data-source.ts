import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import type { DatabaseConfig } from '../config';
import { entities } from './entities';
import { migrations } from './migrations';
import { serialiseSqlite } from './serialised-sqlite';

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
  const dataSource = new DataSource({
    type: 'sqlite',
    database: database.path,
    entities,
    migrations,
    synchronize: false,
    logger,
    // WAL lets readers work while a write is in progress; busy_timeout waits for a lock instead of failing.
    enableWAL: true,
    busyTimeout: 5000,
  });
  // One connection, so transactions must not interleave on it (see serialised-sqlite.ts).
  serialiseSqlite(dataSource);
  return dataSource;
}

export async function openDatabase(database: DatabaseConfig, options: DatabaseOptions = {}): Promise<DataSource> {
  const dataSource = createDataSource(database, options);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
