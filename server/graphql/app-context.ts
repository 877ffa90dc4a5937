import type { Caller } from '../auth/caller';
import type { RequestContext } from '../common/request-context';
import type { ConnectionHistoryLoaders } from '../connection-history/connection-history.service';
import type { JobLoaders } from '../jobs/job-reads';

/** The request context the composition root builds: every feature's loaders, and auth's caller. */
export type AppContext = RequestContext<ConnectionHistoryLoaders & JobLoaders, Caller> & {
  /** The store list's count of changes, read with the caller before anything else (StoreListChanges); undefined when not read. */
  storeListChanges?: string;
};
