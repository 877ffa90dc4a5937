import { AuditActorType } from '../audit/audit-action';
import type { AuditActor } from '../audit/audit-scope';
import type { ApiKey } from './api-key.entity';
import type { User } from './user.entity';
import type { UserRole } from './user-role';

/** Who a request acts as: a signed-in user (session token) or a program (API key), each with a role. */
export type Caller =
  | { kind: 'session'; role: UserRole; user: User; sessionId: string }
  | { kind: 'apiKey'; role: UserRole; apiKey: ApiKey };

/** How the audit trail names a caller (no caller: someone not signed in). */
export function auditActorOf(caller: Caller | null): AuditActor {
  if (!caller) return { type: AuditActorType.ANONYMOUS, id: null, name: null };
  if (caller.kind === 'session') return { type: AuditActorType.USER, id: caller.user.id, name: caller.user.email };
  return { type: AuditActorType.API_KEY, id: caller.apiKey.id, name: apiKeyLabel(caller.apiKey) };
}

export const apiKeyLabel = (key: Pick<ApiKey, 'name' | 'prefix'>): string => `${key.name} (${key.prefix}…)`;
