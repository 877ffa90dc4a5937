import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { openDatabase } from '../../server/db/data-source';
import { migrations } from '../../server/db/migrations';

/**
 * A database upgrade as an installation meets it: a SQLite file made by every migration before
 * `migration`, filled by `fill` with rows of that time, then opened as storelink opens it (the
 * rest of the migrations run) and handed to `check`. The file is removed afterwards.
 */
export async function upgradeFromBefore(
  migration: (typeof migrations)[number],
  fill: (old: DataSource) => Promise<void>,
  check: (upgraded: DataSource) => Promise<void>,
): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storelink-migration-'));
  const file = path.join(dir, 'old.sqlite');
  try {
    const index = migrations.indexOf(migration);
    if (index < 0) throw new Error(`${migration.name} is not registered in server/db/migrations/index.ts`);
    const old = new DataSource({ type: 'sqlite', database: file, migrations: migrations.slice(0, index), synchronize: false });
    await old.initialize();
    try {
      await old.runMigrations();
      await fill(old);
    } finally {
      await old.destroy();
    }

    const upgraded = await openDatabase({ type: 'sqlite', path: file });
    try {
      await check(upgraded);
    } finally {
      await upgraded.destroy();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
