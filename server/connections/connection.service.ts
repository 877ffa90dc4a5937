import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { InvalidInputError } from '../common/errors';
import type { BigCommerceCredentials } from '../platforms/bigcommerce';
import { ApiVersion } from '../common/api-version';
import type { EcommerceStore } from '../stores/ecommerce-store.entity';
import type { EcommerceStoreService } from '../stores/ecommerce-store.service';
import type { CredentialsInput, NormalisedCredentials } from '../stores/store-credentials';
import { ConnectionStatus, type ConnectionOutcome } from '../common/connection-outcome';
import { connectionTested, credentialsRejected, credentialsTested } from './connection-audit';
import { ConnectionTestFailedError } from './connection-test-failed.error';
import type { ConnectionHistory } from '../connection-history/connection-history.service';
import { ConnectionTest } from '../connection-history/connection-test.entity';
import { summaryColumnsOf } from './latest-test-summary';

/** What the service needs of a platform connector; BigCommerceConnector is the one there is. */
export interface ConnectionTester {
  testConnection(credentials: BigCommerceCredentials): Promise<ConnectionOutcome>;
}

/**
 * Proves that a store's credentials work: tests saved credentials and records the result,
 * dry-runs unsaved ones, and saves new credentials only after they pass, so a failed
 * migration never replaces a working connection.
 */
export class ConnectionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly history: ConnectionHistory,
    private readonly stores: EcommerceStoreService,
    private readonly tester: ConnectionTester,
    private readonly audit: AuditService,
  ) {}

  /** Tests the store's saved credentials and adds the result to its history. */
  async testSavedCredentials(storeId: string): Promise<ConnectionTest> {
    const store = await this.stores.findById(storeId);
    const saved = this.stores.savedCredentials(store);
    const outcome = saved ? await this.run(store, saved) : notConfigured(store.apiVersion);
    await this.audit.record(connectionTested(store, outcome));
    return this.record(store.id, outcome);
  }

  /** Tests credentials as typed, saving nothing. With a store, an omitted secret means the saved one. */
  async dryRun(input: CredentialsInput, storeId: string | null): Promise<ConnectionTest> {
    const { store, credentials } = await this.stores.normaliseFor(storeId, input);
    const outcome = await this.run(store, credentials);
    await this.audit.record(credentialsTested(store, credentials, outcome));
    return unrecorded(outcome);
  }

  /**
   * Saves credentials; with `verify`, only once they pass a connection test. A failure
   * raises ConnectionTestFailedError carrying the result, and the saved credentials stay as they were.
   */
  async updateApiCredentials(
    storeId: string,
    input: CredentialsInput,
    options: { verify: boolean; expectedVersion?: number | null },
  ): Promise<EcommerceStore> {
    // Unverified: read, validate and write in one transaction, so concurrent saves queue up instead of conflicting.
    if (!options.verify) return this.stores.validateAndSaveCredentials(storeId, input, options.expectedVersion);
    const { store, credentials } = await this.stores.normaliseFor(storeId, input, options.expectedVersion);
    const outcome = await this.run(store, credentials);
    if (!outcome.success) {
      await this.audit.record(credentialsRejected(store, credentials, outcome));
      throw new ConnectionTestFailedError(outcome);
    }
    // Saved only if the store is still as it was before the test (else CONFLICT): what was tested is what is saved.
    const saved = await this.stores.saveCredentials(store, credentials);
    const test = await this.record(storeId, outcome);
    return Object.assign(saved, summaryColumnsOf(test));
  }

  /** A page of the store's tests, newest first. */
  async historyOf(storeId: string, page?: number | null, perPage?: number | null): Promise<{ items: ConnectionTest[]; total: number }> {
    await this.stores.findById(storeId);
    return this.history.page(storeId, page, perPage);
  }

  private async run(store: EcommerceStore | null, credentials: NormalisedCredentials): Promise<ConnectionOutcome> {
    const secret = credentials.apiPassword ?? (store ? this.stores.readSecret(store) : null);
    if (secret === null) {
      // Reached only by a dry run without a store, or a store whose secret is missing.
      throw new InvalidInputError('apiPassword', 'Enter the access token (or API token for a Legacy account) to test.');
    }
    const platformCredentials: BigCommerceCredentials =
      credentials.apiVersion === ApiVersion.STORE_API_OAUTH
        ? { apiVersion: ApiVersion.STORE_API_OAUTH, storeHash: credentials.storeHash, accessToken: secret }
        : { apiVersion: ApiVersion.LEGACY, apiUrl: credentials.apiUrl, username: credentials.username, apiToken: secret };
    return this.tester.testConnection(platformCredentials);
  }

  /** Adds the test to the store's history and its summary to the store row, in one transaction. */
  private record(storeId: string, outcome: ConnectionOutcome): Promise<ConnectionTest> {
    return this.dataSource.transaction(async (manager) => {
      const test = await this.history.record(storeId, outcome, manager);
      await this.stores.noteNewestTest(storeId, summaryColumnsOf(test), manager);
      return test;
    });
  }
}

function notConfigured(apiVersion: ApiVersion | null): ConnectionOutcome {
  return {
    success: false,
    status: ConnectionStatus.NOT_CONFIGURED,
    message: 'No API credentials are saved for this store yet: enter the API path and access token in the API access section and save them.',
    apiVersion,
    storeName: null,
    storeDomain: null,
    scopes: [],
    warnings: [],
    durationMs: 0,
    testedAt: new Date(),
  };
}

function unrecorded(outcome: ConnectionOutcome): ConnectionTest {
  return Object.assign(new ConnectionTest(), outcome, { id: null, storeId: null });
}
