import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { currentAuditScope } from '../audit/audit-scope';
import type { RequestContext } from '../common/request-context';
import { EcommerceStoreFilter } from '../stores/inputs/ecommerce-store-filter.input';
import { ConnectionTestJobItemPage } from './connection-test-job-item-page.type';
import { ConnectionTestJobPage } from './connection-test-job-page.type';
import { ConnectionStatusCount, ConnectionTestJob, type ConnectionTestJobProgress, ConnectionTestJobStatus } from './connection-test-job.entity';
import { JobLifecycle } from './job-lifecycle';
import { JobReads, type JobLoaders } from './job-reads';
import { jobStarterOf } from './job-starter';

type JobsContext = RequestContext<JobLoaders>;

@Authorized()
@Resolver(() => ConnectionTestJob)
export class ConnectionTestJobResolver {
  constructor(
    private readonly lifecycle: JobLifecycle,
    private readonly reads: JobReads,
    private readonly onStarted: () => void = () => undefined,
  ) {}

  @Mutation(() => ConnectionTestJob, {
    description:
      "Tests the saved credentials of every store matching the filter (all stores without one), a few at a time, each once, within each store's API rate limit. " +
      "Returns at once; follow it with connectionTestJob(id). Every result lands in the store's history.",
  })
  async testAllConnections(
    @Arg('filter', () => EcommerceStoreFilter, { nullable: true }) filter?: EcommerceStoreFilter,
  ): Promise<ConnectionTestJob> {
    // Who is acting, as the audit trail names them: the job is theirs, and so are its tests.
    const job = await this.lifecycle.start(filter ?? null, jobStarterOf(currentAuditScope().actor));
    this.onStarted();
    return job;
  }

  @Mutation(() => ConnectionTestJob, { description: 'Stops a running job: stores not yet tested are skipped; tests under way finish and are recorded.' })
  cancelConnectionTestJob(@Arg('id', () => ID) id: string): Promise<ConnectionTestJob> {
    return this.lifecycle.cancel(id);
  }

  @Query(() => ConnectionTestJob, { nullable: true })
  async connectionTestJob(@Arg('id', () => ID) id: string): Promise<ConnectionTestJob> {
    return this.reads.findById(id);
  }

  @Query(() => ConnectionTestJobPage, { description: 'Connection test jobs, newest first; e.g. status: RUNNING for the ones under way.' })
  connectionTestJobs(
    @Arg('page', () => Int, { nullable: true }) page?: number,
    @Arg('perPage', () => Int, { nullable: true }) perPage?: number,
    @Arg('status', () => ConnectionTestJobStatus, { nullable: true }) status?: ConnectionTestJobStatus,
  ): Promise<ConnectionTestJobPage> {
    return this.reads.list({ page, perPage, status });
  }

  @FieldResolver(() => Int, { description: 'Stores tested so far.' })
  async done(@Root() job: ConnectionTestJob, @Ctx() context: JobsContext): Promise<number> {
    return (await this.progressOf(job, context)).done;
  }

  @FieldResolver(() => Int, { description: 'Tested, and the connection works.' })
  async ok(@Root() job: ConnectionTestJob, @Ctx() context: JobsContext): Promise<number> {
    return (await this.progressOf(job, context)).ok;
  }

  @FieldResolver(() => Int, { description: 'Tested, and the connection does not work (or no credentials are saved).' })
  async failed(@Root() job: ConnectionTestJob, @Ctx() context: JobsContext): Promise<number> {
    return (await this.progressOf(job, context)).failed;
  }

  @FieldResolver(() => Int, { description: 'Being tested right now.' })
  async running(@Root() job: ConnectionTestJob, @Ctx() context: JobsContext): Promise<number> {
    return (await this.progressOf(job, context)).running;
  }

  @FieldResolver(() => Int, { description: 'Waiting for their turn.' })
  async pending(@Root() job: ConnectionTestJob, @Ctx() context: JobsContext): Promise<number> {
    return (await this.progressOf(job, context)).pending;
  }

  @FieldResolver(() => Int, { description: 'Not tested, because the job was cancelled or failed first.' })
  async skipped(@Root() job: ConnectionTestJob, @Ctx() context: JobsContext): Promise<number> {
    return (await this.progressOf(job, context)).skipped;
  }

  @FieldResolver(() => Int, { description: 'Tested stores whose status differs from their previous test.' })
  async changed(@Root() job: ConnectionTestJob, @Ctx() context: JobsContext): Promise<number> {
    return (await this.progressOf(job, context)).changed;
  }

  @FieldResolver(() => Float, { description: 'done / total, from 0 to 1 (1 for a job with no stores).' })
  async progress(@Root() job: ConnectionTestJob, @Ctx() context: JobsContext): Promise<number> {
    // Tested stores only: a cancelled job's skipped stores are not progress (its bar stays where testing stopped).
    const { done } = await this.progressOf(job, context);
    return job.total === 0 ? 1 : Math.min(1, done / job.total);
  }

  @FieldResolver(() => [ConnectionStatusCount], { description: 'How many tested stores ended with each status, most frequent first.' })
  async byStatus(@Root() job: ConnectionTestJob, @Ctx() context: JobsContext): Promise<ConnectionStatusCount[]> {
    return (await this.progressOf(job, context)).byStatus;
  }

  @FieldResolver(() => ConnectionTestJobItemPage, { description: "The job's stores and their results." })
  items(
    @Root() job: ConnectionTestJob,
    @Arg('page', () => Int, { nullable: true }) page?: number,
    @Arg('perPage', () => Int, { nullable: true }) perPage?: number,
    @Arg('onlyChanged', () => Boolean, { nullable: true, description: 'Only stores whose status changed.' }) onlyChanged?: boolean,
    @Arg('onlyFailed', () => Boolean, { nullable: true, description: 'Only stores whose test failed.' }) onlyFailed?: boolean,
  ): Promise<ConnectionTestJobItemPage> {
    return this.reads.items(job.id, { page, perPage, onlyChanged, onlyFailed });
  }

  private progressOf(job: ConnectionTestJob, context: JobsContext): Promise<ConnectionTestJobProgress> {
    return context.loaders.connectionTestJobProgress.load(job.id);
  }
}
