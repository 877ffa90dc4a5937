import { AuditActorType } from '../audit/audit-action';
import type { AuditActor } from '../audit/audit-scope';
import type { CallerOf, RequestContext } from '../common/request-context';
import type { ApiKey } from './api-key.entity';
import type { User } from './user.entity';

/** Who a request acts as, with auth's own entities: the signed-in user, or the API key. */
export type Caller = CallerOf<User, ApiKey>;

/**
 * Who a bearer token acts as (null: nobody), and what the statement that found them also read
 * (AuthOptions.readWithCaller; undefined when nothing was found or nothing asked).
 */
export interface Identified {
  caller: Caller | null;
  readWithCaller?: unknown;
}

/** The request context as auth's resolvers see it: the caller's full user or API key. */
export type AuthContext = RequestContext<unknown, Caller>;

/** How the audit trail names a caller (no caller: someone not signed in). */
export function auditActorOf(caller: Caller | null): AuditActor {
  if (!caller) return { type: AuditActorType.ANONYMOUS, id: null, name: null };
  if (caller.kind === 'session') return { type: AuditActorType.USER, id: caller.user.id, name: caller.user.email };
  return { type: AuditActorType.API_KEY, id: caller.apiKey.id, name: apiKeyLabel(caller.apiKey) };
}

export const apiKeyLabel = (key: Pick<ApiKey, 'name' | 'prefix'>): string => `${key.name} (${key.prefix}…)`;
