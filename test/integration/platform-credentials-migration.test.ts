import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { openDatabase } from '../../server/db/data-source';
import { migrations } from '../../server/db/migrations';
import { PlatformCredentials1796050248635 } from '../../server/db/migrations/1796050248635-PlatformCredentials';

/** A database made before stores of every platform shared their columns keeps every store's login after the upgrade. */

test('the upgrade moves Legacy usernames to apiLogin and gives Store API rows their "stores/{hash}"', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storelink-migration-'));
  const file = path.join(dir, 'old.sqlite');
  try {
    const before = migrations.slice(0, migrations.indexOf(PlatformCredentials1796050248635));
    const old = new DataSource({ type: 'sqlite', database: file, migrations: before, synchronize: false });
    await old.initialize();
    await old.runMigrations();
    await old.query(
      `INSERT INTO ecommerce_stores (id, name, platform, apiVersion, storeHash, legacyUsername, apiUrl) VALUES
       ('a', 'OAuth', 'BIGCOMMERCE', 'STORE_API_OAUTH', 'abcd1234', NULL, NULL),
       ('b', 'Legacy', 'BIGCOMMERCE', 'LEGACY', NULL, 'storeadmin', 'https://store-x.mybigcommerce.com/api/v2/'),
       ('c', 'Empty', 'BIGCOMMERCE', NULL, NULL, NULL, NULL)`,
    );
    await old.destroy();

    const upgraded = await openDatabase({ type: 'sqlite', path: file });
    try {
      const rows = await upgraded.query('SELECT id, apiLogin, storeHash, apiUrl FROM ecommerce_stores ORDER BY id');
      expect(rows).toEqual([
        { id: 'a', apiLogin: 'stores/abcd1234', storeHash: 'abcd1234', apiUrl: null },
        { id: 'b', apiLogin: 'storeadmin', storeHash: null, apiUrl: 'https://store-x.mybigcommerce.com/api/v2/' },
        { id: 'c', apiLogin: null, storeHash: null, apiUrl: null },
      ]);
      expect(await upgraded.query('SELECT COUNT(*) AS n FROM issued_access_tokens')).toEqual([{ n: 0 }]);
    } finally {
      await upgraded.destroy();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
