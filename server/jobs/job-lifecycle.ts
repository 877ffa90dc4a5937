import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '../common/errors';
import type { BulkTestStore, EcommerceStoreService, StoreFilter } from '../stores/ecommerce-store.service';
import { takeClaimLock } from './claim-lock';
import { ConnectionTestJobItem, JobItemStatus } from './connection-test-job-item.entity';
import { ConnectionTestJob, ConnectionTestJobStatus, type StoredStoreFilter } from './connection-test-job.entity';
import type { JobStarter } from './job-starter';

const INSERT_CHUNK = 400;

/** A job's life: started by someone or by the schedule, then cancelled, failed, or completed by the queue (job-queue.ts). */
export class JobLifecycle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stores: EcommerceStoreService,
  ) {}

  /** Starts a job over every store matching `filter`; the job runners pick it up at once. */
  async start(filter: StoreFilter | null, startedBy: JobStarter): Promise<ConnectionTestJob> {
    return this.dataSource.transaction(async (manager) => {
      // Read in the same transaction, so a store deleted meanwhile cannot break the insert.
      const stores = await this.stores.findForBulkTest(filter, manager);
      return this.insertJob(manager, stores, { filter, startedBy, scheduled: false });
    });
  }

  /**
   * The scheduled re-test: starts a job over all stores unless one ran within `intervalMs` or
   * one is still running. Checked and created under the claim lock, so of several instances
   * that look at the same moment only one starts it.
   */
  async startScheduledIfDue(intervalMs: number, now = new Date()): Promise<ConnectionTestJob | null> {
    return this.dataSource.transaction(async (manager) => {
      await takeClaimLock(manager);
      const last = await manager.getRepository(ConnectionTestJob).findOne({ where: { scheduled: true }, order: { createdAt: 'DESC', id: 'DESC' } });
      if (last && (last.status === ConnectionTestJobStatus.RUNNING || now.getTime() - last.createdAt.getTime() < intervalMs)) return null;
      const stores = await this.stores.findForBulkTest(null, manager);
      return this.insertJob(manager, stores, { filter: null, startedBy: { createdBy: null, createdByName: null }, scheduled: true });
    });
  }

  private async insertJob(
    manager: EntityManager,
    stores: BulkTestStore[],
    options: { filter: StoreFilter | null; startedBy: JobStarter; scheduled: boolean },
  ): Promise<ConnectionTestJob> {
    const job = manager.getRepository(ConnectionTestJob).create({
      id: randomUUID(),
      // A job with nothing to test is complete the moment it exists.
      status: stores.length === 0 ? ConnectionTestJobStatus.COMPLETED : ConnectionTestJobStatus.RUNNING,
      scheduled: options.scheduled,
      filter: storedFilter(options.filter),
      total: stores.length,
      createdBy: options.startedBy.createdBy,
      createdByName: options.startedBy.createdByName,
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
        rateKey: this.stores.quotaKey(store),
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

  /**
   * Stops a job: stores not yet tested are skipped. Tests already under way finish and are
   * recorded (their requests were sent). Cancelling a job that has ended changes nothing.
   */
  async cancel(id: string): Promise<ConnectionTestJob> {
    await this.dataSource.transaction(async (manager) => {
      // Under the claim lock: a claim and this both update several items, and on PostgreSQL two
      // such updates locking the same rows in different orders would deadlock.
      await takeClaimLock(manager);
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
      await takeClaimLock(manager);
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

  private async findById(id: string): Promise<ConnectionTestJob> {
    const job = await this.dataSource.getRepository(ConnectionTestJob).findOneBy({ id });
    if (!job) throw new NotFoundError('ConnectionTestJob', id);
    return job;
  }
}

function storedFilter(filter: StoreFilter | null): StoredStoreFilter | null {
  if (!filter) return null;
  // Every field, spelled out: the type makes leaving one behind a compile error.
  return {
    ids: filter.ids ?? null,
    q: filter.q ?? null,
    platform: filter.platform ?? null,
    apiVersion: filter.apiVersion ?? null,
    needsMigration: filter.needsMigration ?? null,
    connectionHealth: filter.connectionHealth ?? null,
  };
}
