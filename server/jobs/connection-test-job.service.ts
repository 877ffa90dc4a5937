import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '../common/errors';
import { validPage } from '../common/list-params';
import { ConnectionStatus } from '../common/connection-outcome';
import { ConnectionTest } from '../connection-history/connection-test.entity';
import { ApiVersion } from '../common/api-version';
import type { EcommerceStore } from '../stores/ecommerce-store.entity';
import { EcommerceStore as StoreEntity } from '../stores/ecommerce-store.entity';
import type { EcommerceStoreService, StoreFilter } from '../stores/ecommerce-store.service';
import { ConnectionTestJobItem, JobItemStatus } from './connection-test-job-item.entity';
import { ConnectionTestJob, ConnectionTestJobStatus, type ConnectionTestJobProgress, type StoredStoreFilter } from './connection-test-job.entity';

/**
 * Bulk connection tests, as rows: a job and one item per store. Every instance of the server
 * takes work from the same rows (see JobRunner), so the queue is the database:
 *
 * - claim() marks PENDING items RUNNING in one transaction that holds a database-wide claim
 *   lock (pg_advisory_xact_lock on PostgreSQL; on SQLite every write transaction is already
 *   exclusive), so no item is ever handed to two instances, and the per-store spacing below
 *   holds across instances and across jobs;
 * - a RUNNING item carries a lease (claimedAt): an instance that dies mid-test lets its items
 *   go back to PENDING once the lease runs out, and a job therefore survives any restart;
 * - finishing an item is conditional on its claim token, so a late answer from an instance
 *   whose lease ran out cannot overwrite the result of the instance that took over.
 *
 * Rate limits: BigCommerce gives each store one quota (150 requests / 30 s on Standard and
 * Plus plans) shared by every app the merchant runs. One test costs at most 8 requests. Two
 * tests of the same store (two jobs, or two stores saved with the same store hash) are
 * started at least STORE_SPACING_MS apart, so bulk tests spend at most 8 requests per 5 s =
 * 48 per 30 s of any store's quota: under a third of the smallest plan's.
 */

export const REQUESTS_PER_TEST = 8;
export const STORE_REQUEST_BUDGET_PER_30S = 48;
export const STORE_SPACING_MS = (30_000 * REQUESTS_PER_TEST) / STORE_REQUEST_BUDGET_PER_30S;
/** A test that has not finished this long after its claim is taken to be lost with its instance. */
export const MAX_ATTEMPTS = 3;

const INSERT_CHUNK = 400;
const MAX_JOBS_PAGE = 100;
const MAX_ITEMS_PAGE = 500;
/** Any constant: the key of the PostgreSQL advisory lock that serialises claims. */
const CLAIM_LOCK_KEY = 0x5717_e11c;

export interface JobSettings {
  /** How long a claimed item may run before another instance may take it over. */
  leaseMs: number;
  /** Minimum time between the starts of two tests that spend the same store's quota. */
  storeSpacingMs: number;
}

export interface ClaimedItem {
  id: string;
  jobId: string;
  storeId: string;
  claimToken: string;
}

export interface ItemResult {
  success: boolean | null;
  resultStatus: ConnectionStatus | null;
  previousStatus: ConnectionStatus | null;
  testId: string | null;
  message: string | null;
}

/** Whose API quota a test of this store spends; null when the test sends nothing (no credentials saved). */
export function rateKeyOf(store: Pick<EcommerceStore, 'apiVersion' | 'storeHash' | 'apiUrl'>): string | null {
  if (store.apiVersion === ApiVersion.STORE_API_OAUTH && store.storeHash) return `bc:${store.storeHash.toLowerCase()}`;
  if (store.apiVersion === ApiVersion.LEGACY && store.apiUrl) {
    try {
      return `legacy:${new URL(store.apiUrl).host.toLowerCase()}`;
    } catch {
      return `legacy:${store.apiUrl.toLowerCase()}`;
    }
  }
  return null;
}

export class ConnectionTestJobService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stores: EcommerceStoreService,
    readonly settings: JobSettings,
  ) {}

  private get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** Starts a job over every store matching `filter`; the job runners pick it up at once. */
  async start(filter: StoreFilter | null, options: { createdBy: string | null }): Promise<ConnectionTestJob> {
    return this.dataSource.transaction(async (manager) => {
      // Read in the same transaction, so a store deleted meanwhile cannot break the insert.
      const stores = await this.stores.findForBulkTest(filter, manager);
      return this.insertJob(manager, stores, { filter, createdBy: options.createdBy, scheduled: false });
    });
  }

  /**
   * The scheduled re-test: starts a job over all stores unless one ran within `intervalMs` or
   * one is still running. Checked and created under the claim lock, so of several instances
   * that look at the same moment only one starts it.
   */
  async startScheduledIfDue(intervalMs: number, now = new Date()): Promise<ConnectionTestJob | null> {
    return this.dataSource.transaction(async (manager) => {
      await this.claimLock(manager);
      const last = await manager.getRepository(ConnectionTestJob).findOne({ where: { scheduled: true }, order: { createdAt: 'DESC', id: 'DESC' } });
      if (last && (last.status === ConnectionTestJobStatus.RUNNING || now.getTime() - last.createdAt.getTime() < intervalMs)) return null;
      const stores = await this.stores.findForBulkTest(null, manager);
      return this.insertJob(manager, stores, { filter: null, createdBy: null, scheduled: true });
    });
  }

  private async insertJob(
    manager: EntityManager,
    stores: Array<Pick<EcommerceStore, 'id' | 'apiVersion' | 'storeHash' | 'apiUrl'>>,
    options: { filter: StoreFilter | null; createdBy: string | null; scheduled: boolean },
  ): Promise<ConnectionTestJob> {
    const job = manager.getRepository(ConnectionTestJob).create({
      id: randomUUID(),
      // A job with nothing to test is complete the moment it exists.
      status: stores.length === 0 ? ConnectionTestJobStatus.COMPLETED : ConnectionTestJobStatus.RUNNING,
      scheduled: options.scheduled,
      filter: storedFilter(options.filter),
      total: stores.length,
      createdBy: options.createdBy,
      createdAt: new Date(),
      finishedAt: stores.length === 0 ? new Date() : null,
      error: null,
    });
    await manager.getRepository(ConnectionTestJob).insert(job);
    for (let start = 0; start < stores.length; start += INSERT_CHUNK) {
      const values = stores.slice(start, start + INSERT_CHUNK).map((store, index) => ({
        id: randomUUID(),
        jobId: job.id,
        storeId: store.id,
        seq: start + index,
        rateKey: rateKeyOf(store),
        status: JobItemStatus.PENDING,
        claimToken: null,
        claimedAt: null,
        attempts: 0,
        finishedAt: null,
        success: null,
        resultStatus: null,
        previousStatus: null,
        statusChanged: false,
        testId: null,
        message: null,
      }));
      await manager.createQueryBuilder().insert().into(ConnectionTestJobItem).values(values).updateEntity(false).execute();
    }
    return job;
  }

  async findById(id: string): Promise<ConnectionTestJob> {
    const job = await this.dataSource.getRepository(ConnectionTestJob).findOneBy({ id });
    if (!job) throw new NotFoundError('ConnectionTestJob', id);
    return job;
  }

  /** Newest first. */
  async list(params: { page?: number | null; perPage?: number | null; status?: ConnectionTestJobStatus | null }) {
    const { page, perPage } = validPage(params.page, params.perPage, { defaultPerPage: 25, maxPerPage: MAX_JOBS_PAGE });
    const [items, total] = await this.dataSource.getRepository(ConnectionTestJob).findAndCount({
      where: params.status ? { status: params.status } : {},
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: page * perPage,
      take: perPage,
    });
    return { items, total };
  }

  /**
   * Stops a job: stores not yet tested are skipped. Tests already under way finish and are
   * recorded (their requests were sent). Cancelling a job that has ended changes nothing.
   */
  async cancel(id: string): Promise<ConnectionTestJob> {
    await this.dataSource.transaction(async (manager) => {
      // Under the claim lock: a claim and this both update several items, and on PostgreSQL two
      // such updates locking the same rows in different orders would deadlock.
      await this.claimLock(manager);
      const result = await manager
        .createQueryBuilder()
        .update(ConnectionTestJob)
        .set({ status: ConnectionTestJobStatus.CANCELLED, finishedAt: new Date() })
        .where({ id, status: ConnectionTestJobStatus.RUNNING })
        .execute();
      if (result.affected) await this.skipPending(manager, id);
    });
    return this.findById(id);
  }

  /** Marks a job FAILED (a fault on our side kept every test from running) and skips what is left. */
  async fail(id: string, error: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.claimLock(manager);
      const result = await manager
        .createQueryBuilder()
        .update(ConnectionTestJob)
        .set({ status: ConnectionTestJobStatus.FAILED, finishedAt: new Date(), error })
        .where({ id, status: ConnectionTestJobStatus.RUNNING })
        .execute();
      if (result.affected) await this.skipPending(manager, id);
    });
  }

  private skipPending(manager: EntityManager, jobId: string) {
    return manager
      .createQueryBuilder()
      .update(ConnectionTestJobItem)
      .set({ status: JobItemStatus.SKIPPED, finishedAt: new Date() })
      .where({ jobId, status: JobItemStatus.PENDING })
      .execute();
  }

  /** Whether any job is running at all: a cheap read that spares idle instances a write transaction per poll. */
  async anyRunning(): Promise<boolean> {
    return this.dataSource.getRepository(ConnectionTestJob).exists({ where: { status: ConnectionTestJobStatus.RUNNING } });
  }

  /**
   * Hands up to `limit` PENDING items of running jobs to the caller, oldest job first, never two
   * that spend the same store's quota, and none whose store's quota was spent by a test started
   * less than storeSpacingMs ago.
   */
  async claim(limit: number, now = new Date()): Promise<ClaimedItem[]> {
    if (limit <= 0) return [];
    return this.dataSource.transaction(async (manager) => {
      await this.claimLock(manager);
      const spacingCutoff = new Date(now.getTime() - this.settings.storeSpacingMs);
      const candidates = await manager
        .getRepository(ConnectionTestJobItem)
        .createQueryBuilder('item')
        .select(['item.id', 'item.jobId', 'item.storeId', 'item.rateKey'])
        .innerJoin(ConnectionTestJob, 'job', 'job.id = item.jobId')
        .where('item.status = :pending', { pending: JobItemStatus.PENDING })
        .andWhere('job.status = :running', { running: ConnectionTestJobStatus.RUNNING })
        .andWhere((query) => {
          const recent = query
            .subQuery()
            .select('1')
            .from(ConnectionTestJobItem, 'recent')
            .where('recent.rateKey = item.rateKey')
            .andWhere('recent.claimedAt > :spacingCutoff')
            .getQuery();
          return `(item.rateKey IS NULL OR NOT EXISTS ${recent})`;
        })
        .setParameter('spacingCutoff', spacingCutoff)
        .orderBy('job.createdAt', 'ASC')
        .addOrderBy('item.jobId', 'ASC')
        .addOrderBy('item.seq', 'ASC')
        .limit(limit * 2)
        .getMany();

      const chosen: ConnectionTestJobItem[] = [];
      const keys = new Set<string>();
      for (const item of candidates) {
        if (chosen.length >= limit) break;
        if (item.rateKey !== null) {
          if (keys.has(item.rateKey)) continue;
          keys.add(item.rateKey);
        }
        chosen.push(item);
      }
      if (chosen.length === 0) return [];

      const claimToken = randomUUID();
      await manager
        .createQueryBuilder()
        .update(ConnectionTestJobItem)
        .set({ status: JobItemStatus.RUNNING, claimToken, claimedAt: now, attempts: () => '"attempts" + 1' })
        .where('"id" IN (:...ids)', { ids: chosen.map((item) => item.id) })
        .andWhere('"status" = :pending', { pending: JobItemStatus.PENDING })
        .execute();
      return chosen.map((item) => ({ id: item.id, jobId: item.jobId, storeId: item.storeId, claimToken }));
    });
  }

  /** Items whose lease ran out go back to PENDING (or, after MAX_ATTEMPTS, end as failed). */
  async recoverExpiredLeases(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.settings.leaseMs);
    // A read first: an idle instance polls this, and should not take the write lock for nothing.
    const expired = await this.dataSource
      .getRepository(ConnectionTestJobItem)
      .createQueryBuilder('item')
      .where('item.status = :running AND item.claimedAt < :cutoff', { running: JobItemStatus.RUNNING, cutoff })
      .getExists();
    if (!expired) return 0;
    return this.dataSource.transaction(async (manager) => {
      await this.claimLock(manager);
      // Lost tests of jobs that were cancelled (or failed) meanwhile are not tested again.
      const skipped = await manager
        .createQueryBuilder()
        .update(ConnectionTestJobItem)
        .set({ status: JobItemStatus.SKIPPED, claimToken: null, finishedAt: now })
        .where('"status" = :running AND "claimedAt" < :cutoff', { running: JobItemStatus.RUNNING, cutoff })
        .andWhere(`"jobId" IN (SELECT "id" FROM "connection_test_jobs" WHERE "status" <> :jobRunning)`, { jobRunning: ConnectionTestJobStatus.RUNNING })
        .execute();
      const retried = await manager
        .createQueryBuilder()
        .update(ConnectionTestJobItem)
        .set({ status: JobItemStatus.PENDING, claimToken: null })
        .where('"status" = :running AND "claimedAt" < :cutoff AND "attempts" < :max', { running: JobItemStatus.RUNNING, cutoff, max: MAX_ATTEMPTS })
        .execute();
      const abandoned = await manager
        .createQueryBuilder()
        .update(ConnectionTestJobItem)
        .set({
          status: JobItemStatus.DONE,
          claimToken: null,
          success: false,
          finishedAt: now,
          message: `The test was interrupted ${MAX_ATTEMPTS} times (the server running it stopped); test this store on its own.`,
        })
        .where('"status" = :running AND "claimedAt" < :cutoff AND "attempts" >= :max', { running: JobItemStatus.RUNNING, cutoff, max: MAX_ATTEMPTS })
        .execute();
      return (skipped.affected ?? 0) + (retried.affected ?? 0) + (abandoned.affected ?? 0);
    });
  }

  /** The status of the store's newest test, before a new one is added. */
  async latestStatus(storeId: string): Promise<ConnectionStatus | null> {
    const latest = await this.dataSource
      .getRepository(ConnectionTest)
      .createQueryBuilder('test')
      .select(['test.id', 'test.status'])
      .where('test.storeId = :storeId', { storeId })
      .orderBy('test.testedAt', 'DESC')
      .addOrderBy('test.id', 'DESC')
      .limit(1)
      .getOne();
    return latest?.status ?? null;
  }

  /** Records an item's result, if this claim still owns it; then completes the job if nothing is left. */
  async finish(item: ClaimedItem, result: ItemResult): Promise<void> {
    const statusChanged = result.previousStatus !== null && result.resultStatus !== null && result.previousStatus !== result.resultStatus;
    await this.dataSource
      .createQueryBuilder()
      .update(ConnectionTestJobItem)
      .set({ status: JobItemStatus.DONE, claimToken: null, finishedAt: new Date(), statusChanged, ...result })
      .where({ id: item.id, claimToken: item.claimToken })
      .execute();
    await this.completeIfFinished(item.jobId);
  }

  /** Gives an item back (the instance is stopping): another instance, or this one after a restart, tests it. */
  async release(item: ClaimedItem): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(ConnectionTestJobItem)
      .set({ status: JobItemStatus.PENDING, claimToken: null, claimedAt: null })
      .where({ id: item.id, claimToken: item.claimToken })
      .execute();
  }

  /** RUNNING -> COMPLETED once no item is pending or running; one atomic statement, so two instances cannot disagree. */
  async completeIfFinished(jobId?: string): Promise<void> {
    const query = this.dataSource
      .createQueryBuilder()
      .update(ConnectionTestJob)
      .set({ status: ConnectionTestJobStatus.COMPLETED, finishedAt: new Date() })
      .where('"status" = :running', { running: ConnectionTestJobStatus.RUNNING })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM "connection_test_job_items" "open" WHERE "open"."jobId" = "connection_test_jobs"."id" AND "open"."status" IN (:...open))`,
        { open: [JobItemStatus.PENDING, JobItemStatus.RUNNING] },
      );
    if (jobId) query.andWhere('"id" = :jobId', { jobId });
    await query.execute();
  }

  /** The counts of several jobs in one query. */
  async progress(jobIds: readonly string[]): Promise<Map<string, ConnectionTestJobProgress>> {
    const rows: Array<{ jobId: string; status: string; success: unknown; resultStatus: string | null; statusChanged: unknown; n: unknown }> =
      jobIds.length === 0
        ? []
        : await this.dataSource
            .getRepository(ConnectionTestJobItem)
            .createQueryBuilder('item')
            .select('item.jobId', 'jobId')
            .addSelect('item.status', 'status')
            .addSelect('item.success', 'success')
            .addSelect('item.resultStatus', 'resultStatus')
            .addSelect('item.statusChanged', 'statusChanged')
            .addSelect('COUNT(*)', 'n')
            .where('item.jobId IN (:...jobIds)', { jobIds })
            .groupBy('item.jobId')
            .addGroupBy('item.status')
            .addGroupBy('item.success')
            .addGroupBy('item.resultStatus')
            .addGroupBy('item.statusChanged')
            .getRawMany();
    const progress = new Map<string, ConnectionTestJobProgress>(jobIds.map((id) => [id, emptyProgress()]));
    for (const row of rows) {
      const counts = progress.get(row.jobId)!;
      const n = Number(row.n);
      switch (row.status) {
        case JobItemStatus.PENDING:
          counts.pending += n;
          break;
        case JobItemStatus.RUNNING:
          counts.running += n;
          break;
        case JobItemStatus.SKIPPED:
          counts.skipped += n;
          break;
        case JobItemStatus.DONE: {
          counts.done += n;
          if (truthy(row.success)) counts.ok += n;
          else counts.failed += n;
          if (truthy(row.statusChanged)) counts.changed += n;
          if (row.resultStatus) {
            const entry = counts.byStatus.find((c) => c.status === row.resultStatus);
            if (entry) entry.count += n;
            else counts.byStatus.push({ status: row.resultStatus as ConnectionStatus, count: n });
          }
          break;
        }
      }
    }
    for (const counts of progress.values()) counts.byStatus.sort((a, b) => b.count - a.count || a.status.localeCompare(b.status));
    return progress;
  }

  /** A job's stores with their results, in the job's order; optionally only those whose status changed, or that failed. */
  async items(jobId: string, params: { page?: number | null; perPage?: number | null; onlyChanged?: boolean | null; onlyFailed?: boolean | null }) {
    const { page, perPage } = validPage(params.page, params.perPage, { defaultPerPage: 50, maxPerPage: MAX_ITEMS_PAGE });
    const query = this.dataSource
      .getRepository(ConnectionTestJobItem)
      .createQueryBuilder('item')
      .leftJoin(StoreEntity, 'store', 'store.id = item.storeId')
      .addSelect('store.name', 'storeName')
      .where('item.jobId = :jobId', { jobId });
    if (params.onlyChanged) query.andWhere('item.statusChanged = :yes', { yes: true });
    if (params.onlyFailed) query.andWhere('item.status = :done AND item.success = :no', { done: JobItemStatus.DONE, no: false });
    const total = await query.clone().getCount();
    const { entities, raw } = await query
      .orderBy('item.seq', 'ASC')
      .offset(page * perPage)
      .limit(perPage)
      .getRawAndEntities<{ storeName: string | null }>();
    const items = entities.map((item, index) => Object.assign(item, { storeName: raw[index]?.storeName ?? '' }));
    return { items, total };
  }

  private async claimLock(manager: EntityManager): Promise<void> {
    // SQLite: this transaction already holds the only write lock (BEGIN IMMEDIATE, see serialised-sqlite.ts).
    if (this.isPostgres) await manager.query('SELECT pg_advisory_xact_lock($1)', [CLAIM_LOCK_KEY]);
  }
}

function emptyProgress(): ConnectionTestJobProgress {
  return { done: 0, ok: 0, failed: 0, running: 0, pending: 0, skipped: 0, changed: 0, byStatus: [] };
}

/** SQLite answers 0/1, PostgreSQL true/false. */
const truthy = (value: unknown): boolean => value === true || value === 1 || value === '1' || value === 't';

function storedFilter(filter: StoreFilter | null): StoredStoreFilter | null {
  if (!filter) return null;
  const { ids, q, apiVersion, needsMigration } = filter;
  return { ids: ids ?? null, q: q ?? null, apiVersion: apiVersion ?? null, needsMigration: needsMigration ?? null };
}

