import { randomUUID } from 'node:crypto';
import { type DataSource, type EntityManager, type WhereExpressionBuilder } from 'typeorm';
import type { ConnectionStatus } from '../common/connection-outcome';
import { takeClaimLock } from './claim-lock';
import { ConnectionTestJobItem, JobItemStatus } from './connection-test-job-item.entity';
import { ConnectionTestJob, ConnectionTestJobStatus } from './connection-test-job.entity';
import type { JobStarter } from './job-starter';

/**
 * The queue of bulk connection tests is the database: one item per store of a job, and every
 * instance of the server takes work from the same rows (see JobRunner).
 *
 * - claim() marks PENDING items RUNNING in one transaction that holds a database-wide claim
 *   lock (claim-lock.ts), so no item is ever handed to two instances, and the per-store spacing
 *   (store-quota.ts) holds across instances and across jobs;
 * - a RUNNING item carries a lease (claimedAt): an instance that dies mid-test lets its items
 *   go back to PENDING once the lease runs out, and a job therefore survives any restart;
 * - finishing an item is conditional on its claim token, so a late answer from an instance
 *   whose lease ran out cannot overwrite the result of the instance that took over.
 */

/** Marks the claim's reads in the SQL (a database's statement statistics, and tests that count a request's statements, tell them from the rest). */
export const CLAIM_COMMENT = 'connection test job claim';

/** A test lost this many times (its instance died each time) ends as failed instead of being tried again. */
export const MAX_ATTEMPTS = 3;

export interface QueueSettings {
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
  /** Who started the item's job: its test is audited as them. */
  startedBy: JobStarter;
}

export interface ItemResult {
  success: boolean | null;
  resultStatus: ConnectionStatus | null;
  previousStatus: ConnectionStatus | null;
  testId: string | null;
  message: string | null;
}

/** Told, inside the completing transaction, of each job that has just completed (on exactly one instance). */
export interface JobCompletedListener {
  jobCompleted(jobId: string, manager: EntityManager): Promise<void>;
  /** After the transaction committed. */
  committed?(): void;
}

export class JobQueue {
  constructor(
    private readonly dataSource: DataSource,
    readonly settings: QueueSettings,
    private readonly listener?: JobCompletedListener,
  ) {}

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
      await takeClaimLock(manager);
      const spacingCutoff = new Date(now.getTime() - this.settings.storeSpacingMs);
      // Job by job, oldest first, each job's items in order: every read follows the index on
      // (jobId, status, seq) and stops at the limit, so a claim costs the same at the first item of
      // a 10,000-store job as at its last (one query over every pending item, sorted, grew with
      // the job, and ran under the claim lock up to fifty times a second).
      const runningJobs = await manager
        .getRepository(ConnectionTestJob)
        .createQueryBuilder('job')
        .comment(CLAIM_COMMENT)
        .select(['job.id', 'job.createdBy', 'job.createdByName'])
        .where('job.status = :running', { running: ConnectionTestJobStatus.RUNNING })
        .orderBy('job.createdAt', 'ASC')
        .addOrderBy('job.id', 'ASC')
        .getMany();
      const candidates: Array<{ id: string; jobId: string; storeId: string; rateKey: string | null; startedBy: JobStarter }> = [];
      for (const job of runningJobs) {
        const wanted = limit * 2 - candidates.length;
        if (wanted <= 0) break;
        const items = await manager
          .getRepository(ConnectionTestJobItem)
          .createQueryBuilder('item')
          .comment(CLAIM_COMMENT)
          .select('item.id', 'id')
          .addSelect('item.storeId', 'storeId')
          .addSelect('item.rateKey', 'rateKey')
          .where('item.jobId = :jobId', { jobId: job.id })
          .andWhere('item.status = :pending', { pending: JobItemStatus.PENDING })
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
          .orderBy('item.seq', 'ASC')
          .limit(wanted)
          .getRawMany<{ id: string; storeId: string; rateKey: string | null }>();
        // Who started the job comes with the item: its test is audited as them.
        const startedBy = { createdBy: job.createdBy, createdByName: job.createdByName };
        for (const item of items) candidates.push({ ...item, jobId: job.id, startedBy });
      }

      const chosen: typeof candidates = [];
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
      return chosen.map((item) => ({ id: item.id, jobId: item.jobId, storeId: item.storeId, claimToken, startedBy: item.startedBy }));
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
      await takeClaimLock(manager);
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

  /**
   * Records an item's result, if this claim still owns it; with `manager`, inside that
   * transaction (the one that records the test). Then call completeIfFinished, after it commits.
   */
  async recordResult(item: ClaimedItem, result: ItemResult, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const statusChanged = result.previousStatus !== null && result.resultStatus !== null && result.previousStatus !== result.resultStatus;
    await manager
      .createQueryBuilder()
      .update(ConnectionTestJobItem)
      .set({ status: JobItemStatus.DONE, claimToken: null, finishedAt: new Date(), statusChanged, ...result })
      .where({ id: item.id, claimToken: item.claimToken })
      .execute();
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
    // A read first: this runs after every finished item, and a job is finished only once.
    const finished = await onlyFinished(this.dataSource.manager.createQueryBuilder().select('"id"', 'id').from(ConnectionTestJob, 'connection_test_jobs'), jobId).getRawMany<{
      id: string;
    }>();
    if (finished.length === 0) return;
    let completed = false;
    await this.dataSource.transaction(async (manager) => {
      for (const { id } of finished) {
        // Conditional, so of several instances completing the same job only one sees it affected (and raises the event).
        const result = await onlyFinished(manager.createQueryBuilder().update(ConnectionTestJob).set({ status: ConnectionTestJobStatus.COMPLETED, finishedAt: new Date() }), id).execute();
        if (result.affected && this.listener) {
          await this.listener.jobCompleted(id, manager);
          completed = true;
        }
      }
    });
    if (completed) this.listener?.committed?.();
  }
}

/** RUNNING jobs with no item pending or running (the table is named as is, so the condition reads the same in a SELECT and an UPDATE). */
function onlyFinished<Query extends WhereExpressionBuilder>(query: Query, jobId?: string): Query {
  query
    .where('"status" = :running', { running: ConnectionTestJobStatus.RUNNING })
    .andWhere(
      `NOT EXISTS (SELECT 1 FROM "connection_test_job_items" "open" WHERE "open"."jobId" = "connection_test_jobs"."id" AND "open"."status" IN (:...open))`,
      { open: [JobItemStatus.PENDING, JobItemStatus.RUNNING] },
    );
  if (jobId) query.andWhere('"id" = :jobId', { jobId });
  return query;
}
