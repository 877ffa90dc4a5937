import { JobStartedByName1796055268326 } from '../../server/db/migrations/1796055268326-JobStartedByName';
import { upgradeFromBefore } from '../support/database-upgrade';

/** Jobs started before a job kept its starter's name get it from the user or API key that started them. */

test("the upgrade names who started each earlier job: the user's email, the API key's name, nobody for the schedule", async () => {
  await upgradeFromBefore(
    JobStartedByName1796055268326,
    async (old) => {
      await old.query(`INSERT INTO users (id, email, passwordHash, role) VALUES ('u1', 'ada@example.com', 'x', 'ADMIN')`);
      await old.query(`INSERT INTO api_keys (id, name, prefix, keyHash, role) VALUES ('k1', 'Nightly', 'sl_ab12', 'h', 'VIEWER')`);
      await old.query(
        `INSERT INTO connection_test_jobs (id, status, scheduled, total, createdBy, createdAt) VALUES
         ('j1', 'COMPLETED', 0, 0, 'user:u1', '2026-11-01 10:00:00'),
         ('j2', 'COMPLETED', 0, 0, 'apiKey:k1', '2026-11-01 10:00:00'),
         ('j3', 'COMPLETED', 1, 0, NULL, '2026-11-01 10:00:00'),
         ('j4', 'COMPLETED', 0, 0, 'user:gone', '2026-11-01 10:00:00')`,
      );
    },
    async (upgraded) => {
      expect(await upgraded.query('SELECT id, createdByName FROM connection_test_jobs ORDER BY id')).toEqual([
        { id: 'j1', createdByName: 'ada@example.com' },
        { id: 'j2', createdByName: 'Nightly (sl_ab12…)' },
        { id: 'j3', createdByName: null },
        { id: 'j4', createdByName: null },
      ]);
    },
  );
});
