import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ConnectionTest } from './connection-test.entity';

/**
 * The one definition of "the newest test of a store": the latest `testedAt`, and of tests
 * recorded at the same instant, the greatest id. Everything that names a store's newest test
 * uses it (lastConnectionTest, the connectionHealth filter, the history's order, a job's
 * previousStatus), so they never disagree about a tie.
 */
export const NEWEST_TEST_FIRST = { testedAt: 'DESC', id: 'DESC' } as const;

/** A subquery over the newest test (alias `newest`) of the store whose id is the SQL expression `storeId`; select what you need of it. */
export function newestTestOf<T extends ObjectLiteral>(parent: SelectQueryBuilder<T>, storeId: string): SelectQueryBuilder<ConnectionTest> {
  return parent
    .subQuery()
    .from(ConnectionTest, 'newest')
    .where(`newest.storeId = ${storeId}`)
    .orderBy('newest.testedAt', NEWEST_TEST_FIRST.testedAt)
    .addOrderBy('newest.id', NEWEST_TEST_FIRST.id)
    .limit(1) as SelectQueryBuilder<ConnectionTest>;
}
