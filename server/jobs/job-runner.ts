import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { runAsSystem, runInAuditScope } from '../audit/audit-scope';
import type { ConnectionStatus } from '../common/connection-outcome';
import { ClaimPump } from '../common/claim-pump';
import { NotFoundError } from '../common/errors';
import type { ConnectionTest } from '../connection-history/connection-test.entity';
import type { JobLifecycle } from './job-lifecycle';
import type { ClaimedItem, ItemResult, JobQueue } from './job-queue';
import { auditActorOfJob, JOB_RUNNER_ACTOR } from './job-starter';

/**
 * What the runner needs of the connections service: test a store's saved credentials and record
 * the result in its history; `alsoRecord` writes in the same transaction, told of the test and
 * the status of the store's newest test before it.
 */
export interface SavedCredentialsTester {
  testSavedCredentials(
    storeId: string,
    alsoRecord: (recorded: { test: ConnectionTest; previousStatus: ConnectionStatus | null }, manager: EntityManager) => Promise<void>,
  ): Promise<ConnectionTest>;
}


export interface JobRunnerOptions {
  /** Tests this instance runs at once (CONNECTION_TEST_CONCURRENCY). */
  concurrency: number;
  /** How often an idle instance looks for work (jobs started on another instance, leases to recover). */
  pollMs: number;
  /** RETEST_INTERVAL_MINUTES in ms; 0 = no scheduled re-tests. */
  retestIntervalMs: number;
}

/** After this many tests of one job in a row fail on our side (not the store's), the job is FAILED. */
const MAX_CONSECUTIVE_ERRORS = 5;
const INTERNAL_ERROR_MESSAGE = 'The test could not run because of an error on our side; it has been logged.';

/**
 * Runs bulk connection tests on this instance: claims items from the database (see
 * JobQueue), tests up to `concurrency` stores at once, records each result, and keeps the
 * schedule. Any number of instances can run one each. Its tests are audited as whoever started
 * the job (storelink itself, JOB_RUNNER_ACTOR, for the schedule), not as whichever request woke it.
 */
export class JobRunner {
  private readonly claims: ClaimPump<ClaimedItem>;
  private readonly consecutiveErrors = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private ticking: Promise<void> | null = null;
  private lastLeaseCheck = 0;
  private lastScheduleCheck = 0;

  constructor(
    private readonly queue: JobQueue,
    private readonly lifecycle: JobLifecycle,
    private readonly tester: SavedCredentialsTester,
    private readonly logger: Logger,
    private readonly options: JobRunnerOptions,
  ) {
    this.claims = new ClaimPump(queue, (item) => this.run(item), { concurrency: options.concurrency, logger, name: 'connection test jobs' });
  }

  start(): void {
    this.timer = setInterval(() => void runAsSystem(JOB_RUNNER_ACTOR, () => this.tick()), this.options.pollMs);
    this.timer.unref();
    void runAsSystem(JOB_RUNNER_ACTOR, () => this.tick());
  }

  /** New work may be there (a job was just started here): look now rather than at the next poll. */
  kick(): void {
    void runAsSystem(JOB_RUNNER_ACTOR, () => this.claims.pump());
  }

  /**
   * Stops taking work and waits for the tests under way, so their results are recorded before
   * the database closes. With `graceMs`, tests still running after it are given back (PENDING):
   * their results are not recorded, and the job tests those stores once, after the restart or
   * on another instance.
   */
  async stop(graceMs = Infinity): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    // Claiming stops before the poll under way is awaited, so that poll cannot claim more.
    const claimsStopped = this.claims.stop(graceMs);
    await this.ticking;
    await claimsStopped;
  }

  private tick(): Promise<void> {
    if (this.ticking || this.stopped) return this.ticking ?? Promise.resolve();
    this.ticking = (async () => {
      try {
        const now = Date.now();
        if (now - this.lastLeaseCheck >= Math.max(this.options.pollMs, 5000)) {
          this.lastLeaseCheck = now;
          await this.queue.recoverExpiredLeases();
          // Also a job whose last result was recorded just before a crash: nothing expired or ran
          // on to complete it, so the sweep does (a read, unless a job is there to complete).
          await this.queue.completeIfFinished();
        }
        const { retestIntervalMs } = this.options;
        if (retestIntervalMs > 0 && now - this.lastScheduleCheck >= Math.min(retestIntervalMs / 4, 30_000)) {
          this.lastScheduleCheck = now;
          const job = await this.lifecycle.startScheduledIfDue(retestIntervalMs);
          if (job) this.logger.info({ jobId: job.id, total: job.total }, 'scheduled connection re-test started');
        }
        if (await this.queue.anyRunning()) await this.claims.pump();
      } catch (err) {
        this.logger.error({ err }, 'connection test jobs: poll failed');
      } finally {
        this.ticking = null;
      }
    })();
    return this.ticking;
  }

  private async run(item: ClaimedItem): Promise<void> {
    // Set only when the test was not recorded: a recorded test's result is written in its transaction.
    let unrecorded: ItemResult | null = null;
    try {
      await runInAuditScope({ actor: auditActorOfJob(item.startedBy), ip: null }, () =>
        this.tester.testSavedCredentials(item.storeId, ({ test, previousStatus }, manager) =>
          this.queue.recordResult(item, { success: test.success, resultStatus: test.status, previousStatus, testId: test.id, message: test.message }, manager),
        ),
      );
      this.consecutiveErrors.delete(item.jobId);
    } catch (err) {
      if (err instanceof NotFoundError) {
        // Deleted since the job started: its item went with it (ON DELETE CASCADE), nothing to record.
        unrecorded = { success: null, resultStatus: null, previousStatus: null, testId: null, message: 'The store was deleted before it was tested.' };
      } else {
        this.logger.error({ err, jobId: item.jobId, storeId: item.storeId }, 'connection test jobs: a test could not run');
        unrecorded = { success: false, resultStatus: null, previousStatus: null, testId: null, message: INTERNAL_ERROR_MESSAGE };
        const errors = (this.consecutiveErrors.get(item.jobId) ?? 0) + 1;
        this.consecutiveErrors.set(item.jobId, errors);
        if (errors >= MAX_CONSECUTIVE_ERRORS) {
          await this.failJob(item.jobId);
        }
      }
    }
    try {
      if (unrecorded) await this.queue.recordResult(item, unrecorded);
      await this.queue.completeIfFinished(item.jobId);
    } catch (err) {
      // The lease runs out and the item is tested again (by this instance or another).
      this.logger.error({ err, jobId: item.jobId, storeId: item.storeId }, 'connection test jobs: recording a result failed');
    }
  }

  private async failJob(jobId: string): Promise<void> {
    this.consecutiveErrors.delete(jobId);
    try {
      await this.lifecycle.fail(jobId, `${MAX_CONSECUTIVE_ERRORS} tests in a row could not run because of an error on our side (see the server log); the stores not yet tested were skipped.`);
      this.logger.error({ jobId }, 'connection test job FAILED');
    } catch (err) {
      this.logger.error({ err, jobId }, 'connection test jobs: marking a job failed did not work');
    }
  }
}
