import type { EntityManager } from 'typeorm';
import { ConnectionStatus } from '../common/connection-outcome';
import type { TestRecorded, TestRecordedListener } from '../connections/test-recorded-listener';
import type { JobCompletedListener } from '../jobs/job-queue';
import type { JobReads } from '../jobs/job-reads';
import { ConnectionTestJob } from '../jobs/connection-test-job.entity';
import type { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookEventType } from './webhook-event-type';

/** The events a store's status change raises: none unless its previous test had another status. */
export function statusChangeEvents(previous: ConnectionStatus | null, current: ConnectionStatus): WebhookEventType[] {
  if (previous === null || previous === current) return [];
  if (previous === ConnectionStatus.OK) return [WebhookEventType.CONNECTION_FAILED, WebhookEventType.CONNECTION_STATUS_CHANGED];
  if (current === ConnectionStatus.OK) return [WebhookEventType.CONNECTION_RECOVERED, WebhookEventType.CONNECTION_STATUS_CHANGED];
  return [WebhookEventType.CONNECTION_STATUS_CHANGED];
}

/**
 * Turns what happened into webhook events, in the transaction that records it (the outbox):
 * a store's status change at any recorded test, and a bulk job's completion. The payload is
 * enough to act on without another call, and holds nothing secret: names, statuses, the
 * one-sentence message and the scopes that are not ok.
 */
export class WebhookAlerts implements TestRecordedListener, JobCompletedListener {
  constructor(
    private readonly deliveries: WebhookDeliveryService,
    private readonly jobs: JobReads,
  ) {}

  async testRecorded({ store, previousStatus, test }: TestRecorded, manager: EntityManager): Promise<void> {
    const events = statusChangeEvents(previousStatus, test.status);
    if (events.length === 0) return;
    const data = {
      storeId: store.id,
      storeName: store.name,
      platform: store.platform,
      apiVersion: test.apiVersion ?? store.apiVersion,
      previousStatus,
      status: test.status,
      message: test.message,
      testedAt: test.testedAt.toISOString(),
      scopes: test.scopes.filter((scope) => !scope.ok).map(({ scope, apiName, required, granted }) => ({ scope, apiName, required, granted })),
    };
    for (const event of events) await this.deliveries.raise(manager, event, data);
  }

  async jobCompleted(jobId: string, manager: EntityManager): Promise<void> {
    const job = await manager.getRepository(ConnectionTestJob).findOneByOrFail({ id: jobId });
    const progress = (await this.jobs.progress([jobId])).get(jobId)!;
    await this.deliveries.raise(manager, WebhookEventType.CONNECTION_TEST_JOB_COMPLETED, {
      jobId,
      scheduled: job.scheduled,
      total: job.total,
      tested: progress.done,
      ok: progress.ok,
      failed: progress.failed,
      skipped: progress.skipped,
      changed: progress.changed,
      byStatus: progress.byStatus.map(({ status, count }) => ({ status, count })),
      startedAt: job.createdAt.toISOString(),
      finishedAt: (job.finishedAt ?? new Date()).toISOString(),
    });
  }

  committed(): void {
    this.deliveries.notifyCommitted();
  }
}
