import type { AuditEntry } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-action';
import type { ConnectionOutcome } from '../common/connection-outcome';
import type { EcommerceStore } from '../stores/ecommerce-store.entity';
import { credentialsChange, newCredentialsSnapshot, storeAuditTarget } from '../stores/store-audit';
import type { NormalisedCredentials } from '../stores/store-credentials';

/** How the audit trail records connection tests: which secret (API version, last 4) was tested, and the status it got. */

/** A test of a store's saved credentials. */
export function connectionTested(store: EcommerceStore, outcome: ConnectionOutcome): AuditEntry {
  return {
    action: AuditAction.CONNECTION_TESTED,
    success: outcome.success,
    target: storeAuditTarget(store),
    newApiVersion: store.apiVersion,
    newLast4: store.apiPasswordLast4,
    detail: outcome.status,
  };
}

/** A dry run of typed credentials (with the store whose saved secret may have filled in). */
export function credentialsTested(store: EcommerceStore | null, credentials: NormalisedCredentials, outcome: ConnectionOutcome): AuditEntry {
  const tested = newCredentialsSnapshot(store, credentials);
  return {
    action: AuditAction.CREDENTIALS_TESTED,
    success: outcome.success,
    target: store ? storeAuditTarget(store) : null,
    newApiVersion: tested.apiVersion,
    newLast4: tested.last4,
    detail: outcome.status,
  };
}

/** Credentials saved with verify that failed their test: nothing was saved, but the attempt is on record. */
export function credentialsRejected(store: EcommerceStore, credentials: NormalisedCredentials, outcome: ConnectionOutcome): AuditEntry {
  return { action: AuditAction.CREDENTIALS_REJECTED, success: false, ...credentialsChange(store, credentials), detail: outcome.status };
}
