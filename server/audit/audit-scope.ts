import { AsyncLocalStorage } from 'node:async_hooks';
import { AuditActorType } from './audit-action';

export interface AuditActor {
  type: AuditActorType;
  id: string | null;
  /** An email, an API key's name and prefix, or the command's name: what an admin recognises. */
  name: string | null;
}

export interface AuditScope {
  actor: AuditActor;
  /** The client's address as the HTTP layer sees it (see TRUST_PROXY). */
  ip: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { type: AuditActorType.SYSTEM, id: null, name: 'storelink' };

/**
 * Who is acting, for the duration of one request or command. The HTTP layer opens the
 * scope once per request, after authentication; services that record audit events read
 * it here, so "who did this" reaches every audited change without each service (and
 * each caller of it) passing the caller along, and without a service being able to forget.
 */
const storage = new AsyncLocalStorage<AuditScope>();

export function runInAuditScope<T>(scope: AuditScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** Background work that storelink does on its own (e.g. connection test jobs): attributed to it, not to whichever request woke it up. */
export function runAsSystem<T>(name: string, fn: () => T): T {
  return storage.run({ actor: { ...SYSTEM_ACTOR, name }, ip: null }, fn);
}

export function currentAuditScope(): AuditScope {
  return storage.getStore() ?? { actor: SYSTEM_ACTOR, ip: null };
}
