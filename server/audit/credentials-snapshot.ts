import { formatApiPath } from '../platforms/bigcommerce/api-path';
import { ApiVersion } from '../stores/api-version';
import type { EcommerceStore } from '../stores/ecommerce-store.entity';
import { lastFour, type NormalisedCredentials } from '../stores/store-credentials';
import type { CredentialsSnapshot } from './audit.service';

/** A store's saved credentials as the audit trail describes them: no secret, only its last 4. */
export function savedCredentialsSnapshot(store: EcommerceStore): CredentialsSnapshot {
  return { apiVersion: store.apiVersion, apiLogin: store.apiLogin, apiUrl: store.apiUrl, last4: store.apiPasswordLast4 };
}

/** The same description of credentials about to be saved over `store`'s (an omitted secret keeps the saved one). */
export function newCredentialsSnapshot(store: EcommerceStore, credentials: NormalisedCredentials): CredentialsSnapshot {
  const oauth = credentials.apiVersion === ApiVersion.STORE_API_OAUTH;
  return {
    apiVersion: credentials.apiVersion,
    apiLogin: oauth ? formatApiPath(credentials.storeHash) : credentials.username,
    apiUrl: oauth ? null : credentials.apiUrl,
    last4: credentials.apiPassword === undefined ? store.apiPasswordLast4 : lastFour(credentials.apiPassword),
  };
}
