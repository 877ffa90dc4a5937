import type { Caller } from '../auth/caller';
import type { RequestContext } from '../common/request-context';
import type { ConnectionLoaders } from '../connections/connection.service';

/** The request context the composition root builds: every feature's loaders, and auth's caller. */
export type AppContext = RequestContext<ConnectionLoaders, Caller>;
