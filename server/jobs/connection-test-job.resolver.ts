import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../common/request-context';
import { EcommerceStoreFilter } from '../stores/inputs/ecommerce-store-filter.input';
import { ConnectionTestJobItem } from './connection-test-job-item.entity';
import { ConnectionStatusCount, ConnectionTestJob, type ConnectionTestJobProgress, ConnectionTestJobStatus } from './connection-test-job.entity';
import { ConnectionTestJobService } from './connection-test-job.service';

@ObjectType({ description: 'A page of connection test jobs, newest first.' })
export class ConnectionTestJobPage {
  @Field(() => [ConnectionTestJob])
  items!: ConnectionTestJob[];

  @Field(() => Int)
  total!: number;
}

@ObjectType({ description: "A page of a job's stores, in the job's order." })
export class ConnectionTestJobItemPage {
  @Field(() => [ConnectionTestJobItem])
  items!: ConnectionTestJobItem[];

  @Field(() => Int)
  total!: number;
}

/** Whoever starts a job, as stored on it. */
function createdByOf(context: RequestContext): string | null {
  const caller = context.caller;
  if (!caller) return null;
  return caller.kind === 'session' ? `user:${caller.user.id}` : `apiKey:${caller.apiKey.id}`;
}

/** One progress query per request, however many jobs it shows (no N+1 in connectionTestJobs). */
const progressLoaders = new WeakMap<object, DataLoader<string, ConnectionTestJobProgress>>();

@Authorized()
@Resolver(() => ConnectionTestJob)
export class ConnectionTestJobResolver {
  constructor(
    private readonly jobs: ConnectionTestJobService,
    private readonly onStarted: () => void = () => undefined,
  ) {}

  @Mutation(() => ConnectionTestJob, {
    description:
      "Tests the saved credentials of every store matching the filter (all stores without one), a few at a time, each once, within each store's API rate limit. " +
      "Returns at once; follow it with connectionTestJob(id). Every result lands in the store's history.",
  })
  async testAllConnections(
    @Ctx() context: RequestContext,
    @Arg('filter', () => EcommerceStoreFilter, { nullable: true }) filter?: EcommerceStoreFilter,
  ): Promise<ConnectionTestJob> {
    const job = await this.jobs.start(filter ?? null, { createdBy: createdByOf(context) });
    this.onStarted();
    return job;
  }

  @Mutation(() => ConnectionTestJob, { description: 'Stops a running job: stores not yet tested are skipped; tests under way finish and are recorded.' })
  cancelConnectionTestJob(@Arg('id', () => ID) id: string): Promise<ConnectionTestJob> {
    return this.jobs.cancel(id);
  }

  @Query(() => ConnectionTestJob, { nullable: true })
  async connectionTestJob(@Arg('id', () => ID) id: string): Promise<ConnectionTestJob> {
    return this.jobs.findById(id);
  }

  @Query(() => ConnectionTestJobPage, { description: 'Connection test jobs, newest first; e.g. status: RUNNING for the ones under way.' })
  connectionTestJobs(
    @Arg('page', () => Int, { nullable: true }) page?: number,
    @Arg('perPage', () => Int, { nullable: true }) perPage?: number,
    @Arg('status', () => ConnectionTestJobStatus, { nullable: true }) status?: ConnectionTestJobStatus,
  ): Promise<ConnectionTestJobPage> {
    return this.jobs.list({ page, perPage, status });
  }

  @FieldResolver(() => Int, { description: 'Stores tested so far.' })
  async done(@Root() job: ConnectionTestJob, @Ctx() context: RequestContext): Promise<number> {
    return (await this.progressOf(job, context)).done;
  }

  @FieldResolver(() => Int, { description: 'Tested, and the connection works.' })
  async ok(@Root() job: ConnectionTestJob, @Ctx() context: RequestContext): Promise<number> {
    return (await this.progressOf(job, context)).ok;
  }

  @FieldResolver(() => Int, { description: 'Tested, and the connection does not work (or no credentials are saved).' })
  async failed(@Root() job: ConnectionTestJob, @Ctx() context: RequestContext): Promise<number> {
    return (await this.progressOf(job, context)).failed;
  }

  @FieldResolver(() => Int, { description: 'Being tested right now.' })
  async running(@Root() job: ConnectionTestJob, @Ctx() context: RequestContext): Promise<number> {
    return (await this.progressOf(job, context)).running;
  }

  @FieldResolver(() => Int, { description: 'Waiting for their turn.' })
  async pending(@Root() job: ConnectionTestJob, @Ctx() context: RequestContext): Promise<number> {
    return (await this.progressOf(job, context)).pending;
  }

  @FieldResolver(() => Int, { description: 'Not tested, because the job was cancelled or failed first.' })
  async skipped(@Root() job: ConnectionTestJob, @Ctx() context: RequestContext): Promise<number> {
    return (await this.progressOf(job, context)).skipped;
  }

  @FieldResolver(() => Int, { description: 'Tested stores whose status differs from their previous test.' })
  async changed(@Root() job: ConnectionTestJob, @Ctx() context: RequestContext): Promise<number> {
    return (await this.progressOf(job, context)).changed;
  }

  @FieldResolver(() => Float, { description: 'done / total, from 0 to 1 (1 for a job with no stores).' })
  async progress(@Root() job: ConnectionTestJob, @Ctx() context: RequestContext): Promise<number> {
    const { done, skipped } = await this.progressOf(job, context);
    return job.total === 0 ? 1 : Math.min(1, (done + skipped) / job.total);
  }

  @FieldResolver(() => [ConnectionStatusCount], { description: 'How many tested stores ended with each status, most frequent first.' })
  async byStatus(@Root() job: ConnectionTestJob, @Ctx() context: RequestContext): Promise<ConnectionStatusCount[]> {
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
    return this.jobs.items(job.id, { page, perPage, onlyChanged, onlyFailed });
  }

  private progressOf(job: ConnectionTestJob, context: RequestContext): Promise<ConnectionTestJobProgress> {
    let loader = progressLoaders.get(context);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const progress = await this.jobs.progress(ids);
        return ids.map((id) => progress.get(id)!);
      });
      progressLoaders.set(context, loader);
    }
    return loader.load(job.id);
  }
}
