import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { ConnectionStatus } from '../common/connection-outcome';
import { NotFoundError } from '../common/errors';
import { validPage } from '../common/list-params';
import { EcommerceStore } from '../stores/ecommerce-store.entity';
import { ConnectionTestJobItem, JobItemStatus } from './connection-test-job-item.entity';
import { ConnectionTestJob, type ConnectionTestJobProgress, type ConnectionTestJobStatus } from './connection-test-job.entity';

const MAX_JOBS_PAGE = 100;
const MAX_ITEMS_PAGE = 500;

/** The per-request loaders the jobs resolver reads (see RequestContext). */
export interface JobLoaders {
  connectionTestJobProgress: DataLoader<string, ConnectionTestJobProgress>;
}

/** What a job looks like from outside: the jobs, their progress counted from their items, and the items. */
export class JobReads {
  constructor(private readonly dataSource: DataSource) {}

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
      .leftJoin(EcommerceStore, 'store', 'store.id = item.storeId')
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

  /** One progress query per request, however many jobs it shows (no N+1 in connectionTestJobs). */
  createProgressLoader(): DataLoader<string, ConnectionTestJobProgress> {
    return new DataLoader(async (ids: readonly string[]) => {
      const progress = await this.progress(ids);
      return ids.map((id) => progress.get(id)!);
    });
  }
}

function emptyProgress(): ConnectionTestJobProgress {
  return { done: 0, ok: 0, failed: 0, running: 0, pending: 0, skipped: 0, changed: 0, byStatus: [] };
}

/** SQLite answers 0/1, PostgreSQL true/false. */
const truthy = (value: unknown): boolean => value === true || value === 1 || value === '1' || value === 't';
