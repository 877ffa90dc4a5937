import type { Caller } from '../auth/caller';

/** What every resolver gets: who is calling (null when nobody signed in). */
export interface RequestContext {
  /** A signed-in user or an API key, with its role; authorization is @Authorized's job (auth-checker.ts). */
  caller: Caller | null;
  /** The client's address (see TRUST_PROXY), for sign-in throttling. */
  clientIp: string;
}
