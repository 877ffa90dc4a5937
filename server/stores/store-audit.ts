import type { AuditEntry, AuditTarget } from '../audit/audit.service';
import { AuditAction, AuditTargetType } from '../audit/audit-action';
import type { ApiVersion } from '../common/api-version';
import type { EcommerceStore } from './ecommerce-store.entity';
import { lastFour, type NormalisedCredentials } from './store-credentials';

/**
 * How the audit trail describes a store and its credentials: never a secret, only the
 * names of the fields that changed, the API versions and the last 4 characters.
 */

/** A store's credentials as the audit trail describes them. */
export interface CredentialsSnapshot {
  apiVersion: ApiVersion | null;
  apiLogin: string | null;
  apiUrl: string | null;
  last4: string | null;
}

export const storeAuditTarget = (store: Pick<EcommerceStore, 'id' | 'name'>): AuditTarget => ({
  type: AuditTargetType.ECOMMERCE_STORE,
  id: store.id,
  name: store.name,
});

/** A store's saved credentials as the audit trail describes them: no secret, only its last 4. */
export function savedCredentialsSnapshot(store: EcommerceStore): CredentialsSnapshot {
  return { apiVersion: store.apiVersion, apiLogin: store.apiLogin, apiUrl: store.apiUrl, last4: store.apiPasswordLast4 };
}

/** The same description of credentials about to be saved over `store`'s (an omitted secret keeps the saved one; no store: none saved). */
export function newCredentialsSnapshot(store: EcommerceStore | null, credentials: NormalisedCredentials): CredentialsSnapshot {
  return {
    apiVersion: credentials.apiVersion,
    apiLogin: credentials.apiLogin,
    apiUrl: credentials.apiUrl,
    last4: credentials.apiPassword === undefined ? (store?.apiPasswordLast4 ?? null) : lastFour(credentials.apiPassword),
  };
}

/** What replacing `store`'s credentials with `credentials` changes: field names, old and new API version and last 4. */
export function credentialsChange(store: EcommerceStore, credentials: NormalisedCredentials): Omit<AuditEntry, 'action'> {
  const before = savedCredentialsSnapshot(store);
  const after = newCredentialsSnapshot(store, credentials);
  const changedFields: string[] = (['apiVersion', 'apiLogin', 'apiUrl'] as const).filter((field) => before[field] !== after[field]);
  if (credentials.apiPassword !== undefined) changedFields.push('apiPassword');
  return {
    target: storeAuditTarget(store),
    changedFields,
    oldApiVersion: before.apiVersion,
    newApiVersion: after.apiVersion,
    oldLast4: before.last4,
    newLast4: after.last4,
  };
}

/** New API credentials were saved over `store`'s. */
export function credentialsChanged(store: EcommerceStore, credentials: NormalisedCredentials): AuditEntry {
  return { action: AuditAction.CREDENTIALS_CHANGED, ...credentialsChange(store, credentials) };
}
