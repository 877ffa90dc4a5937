import type { UserRole } from './user-role';

/**
 * Who a request acts as: a signed-in user (session token) or a program (API key), each with a
 * role. auth/ resolves it and fills in its own entities (auth/caller.ts); other features need
 * only the ids.
 */
export type CallerOf<User extends { id: string } = { id: string }, ApiKey extends { id: string } = { id: string }> =
  | { kind: 'session'; role: UserRole; user: User; sessionId: string }
  | { kind: 'apiKey'; role: UserRole; apiKey: ApiKey };

/**
 * What every resolver gets: who is calling (null when nobody signed in), the client's address,
 * and per-request batch loaders. A resolver names the loaders it uses (`Loaders`); the
 * composition root (app.ts) creates all of them for each request (see graphql/app-context.ts).
 */
export interface RequestContext<Loaders = unknown, Caller extends CallerOf = CallerOf> {
  /** Authorization is @Authorized's job (auth/auth-checker.ts). */
  caller: Caller | null;
  /** The client's address (see TRUST_PROXY), for sign-in throttling. */
  clientIp: string;
  loaders: Loaders;
}
