import type DataLoader from 'dataloader';
import type { Caller } from '../auth/caller';
import type { ConnectionTest } from '../connections/connection-test.entity';

/** What every resolver gets: who is calling (null when nobody signed in), and per-request batch loaders. */
export interface RequestContext {
  /** A signed-in user or an API key, with its role; authorization is @Authorized's job (auth-checker.ts). */
  caller: Caller | null;
  /** The client's address (see TRUST_PROXY), for sign-in throttling. */
  clientIp: string;
  loaders: {
    latestConnectionTest: DataLoader<string, ConnectionTest | null>;
  };
}
