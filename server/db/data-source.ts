import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config';
import { entities } from './entities';
import { migrations } from './migrations';

/** The schema is owned by migrations everywhere; `synchronize` is never used. */
export function createDataSource(database: DatabaseConfig): DataSource {
  if (database.type === 'postgres') {
    return new DataSource({ type: 'postgres', url: database.url, entities, migrations, synchronize: false });
  }
  fs.mkdirSync(path.dirname(path.resolve(database.path)), { recursive: true });
  return new DataSource({
    type: 'sqlite',
    database: database.path,
    entities,
    migrations,
    synchronize: false,
    // WAL lets readers work while a write is in progress; busy_timeout waits for a lock instead of failing.
    enableWAL: true,
    busyTimeout: 5000,
  });
}

export async function openDatabase(database: DatabaseConfig): Promise<DataSource> {
  const dataSource = createDataSource(database);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
