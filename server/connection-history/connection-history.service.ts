import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import type { ConnectionOutcome, ConnectionStatus } from '../common/connection-outcome';
import { validPage } from '../common/list-params';
import { ConnectionTest } from './connection-test.entity';
import { NEWEST_TEST_FIRST, newestTestOf } from './newest-test';

/** The per-request loaders that read the history (see RequestContext). */
export interface ConnectionHistoryLoaders {
  latestConnectionTest: DataLoader<string, ConnectionTest | null>;
}

const MAX_HISTORY_PAGE = 200;

/** Each store's connection tests: recorded once, read newest first (see newest-test.ts). */
export class ConnectionHistory {
  private readonly tests: Repository<ConnectionTest>;

  constructor(dataSource: DataSource) {
    this.tests = dataSource.getRepository(ConnectionTest);
  }

  /** Adds a test; with `manager`, inside that transaction. */
  async record(storeId: string, outcome: ConnectionOutcome, manager?: EntityManager): Promise<ConnectionTest> {
    const test = this.tests.create({ ...outcome, id: randomUUID(), storeId });
    await (manager ? manager.getRepository(ConnectionTest) : this.tests).insert(test);
    return test;
  }

  /** A page of the store's tests, newest first. */
  async page(storeId: string, page?: number | null, perPage?: number | null): Promise<{ items: ConnectionTest[]; total: number }> {
    const { perPage: take, offset } = validPage(page, perPage, { defaultPerPage: 25, maxPerPage: MAX_HISTORY_PAGE });
    const [items, total] = await this.tests.findAndCount({ where: { storeId }, order: NEWEST_TEST_FIRST, skip: offset, take });
    return { items, total };
  }

  /** The status of the store's newest test (null if it has none); with `manager`, inside that transaction. */
  async latestStatus(storeId: string, manager?: EntityManager): Promise<ConnectionStatus | null> {
    const latest = await (manager ? manager.getRepository(ConnectionTest) : this.tests).findOne({ select: { id: true, status: true }, where: { storeId }, order: NEWEST_TEST_FIRST });
    return latest?.status ?? null;
  }

  /** Batches the "newest test" look-ups of one request into a single query, so a list of stores costs one query, not one per store. */
  createLatestTestLoader(): DataLoader<string, ConnectionTest | null> {
    return new DataLoader(async (storeIds) => {
      const latest = await this.tests
        .createQueryBuilder('test')
        .where('test.storeId IN (:...storeIds)', { storeIds })
        .andWhere((query) => `test.id = ${newestTestOf(query, 'test.storeId').select('newest.id').getQuery()}`)
        .getMany();
      const byStore = new Map(latest.map((test) => [test.storeId, test]));
      return storeIds.map((id) => byStore.get(id) ?? null);
    });
  }
}
