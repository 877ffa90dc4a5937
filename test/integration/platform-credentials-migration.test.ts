import { PlatformCredentials1796050248635 } from '../../server/db/migrations/1796050248635-PlatformCredentials';
import { upgradeFromBefore } from '../support/database-upgrade';

/** A database made before stores of every platform shared their columns keeps every store's login after the upgrade. */

test('the upgrade moves Legacy usernames to apiLogin and gives Store API rows their "stores/{hash}"', async () => {
  await upgradeFromBefore(
    PlatformCredentials1796050248635,
    async (old) => {
      await old.query(
        `INSERT INTO ecommerce_stores (id, name, platform, apiVersion, storeHash, legacyUsername, apiUrl) VALUES
         ('a', 'OAuth', 'BIGCOMMERCE', 'STORE_API_OAUTH', 'abcd1234', NULL, NULL),
         ('b', 'Legacy', 'BIGCOMMERCE', 'LEGACY', NULL, 'storeadmin', 'https://store-x.mybigcommerce.com/api/v2/'),
         ('c', 'Empty', 'BIGCOMMERCE', NULL, NULL, NULL, NULL)`,
      );
    },
    async (upgraded) => {
      const rows = await upgraded.query('SELECT id, apiLogin, storeHash, apiUrl FROM ecommerce_stores ORDER BY id');
      expect(rows).toEqual([
        { id: 'a', apiLogin: 'stores/abcd1234', storeHash: 'abcd1234', apiUrl: null },
        { id: 'b', apiLogin: 'storeadmin', storeHash: null, apiUrl: 'https://store-x.mybigcommerce.com/api/v2/' },
        { id: 'c', apiLogin: null, storeHash: null, apiUrl: null },
      ]);
      expect(await upgraded.query('SELECT COUNT(*) AS n FROM issued_access_tokens')).toEqual([{ n: 0 }]);
    },
  );
});
