import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import { InvalidInputError } from '../common/errors';
import type { ApiVersion } from '../common/api-version';
import type { Platform } from '../common/platform';
import type { ConnectorSession } from '../platforms/connector-session';
import type { EcommerceStore } from '../stores/ecommerce-store.entity';
import type { EcommerceStoreService } from '../stores/ecommerce-store.service';
import type { CredentialsInput, NormalisedCredentials } from '../stores/store-credentials';
import { ConnectionStatus, type ConnectionOutcome } from '../common/connection-outcome';
import { connectionTested, credentialsRejected, credentialsTested } from './connection-audit';
import { ConnectionTestFailedError } from './connection-test-failed.error';
import type { ConnectionHistory } from '../connection-history/connection-history.service';
import { ConnectionTest } from '../connection-history/connection-test.entity';
import { summaryColumnsOf } from './latest-test-summary';
import { StoreConnectorSession, UnsavedConnectorSession } from './store-connector-session';
import type { TestRecordedListener } from './test-recorded-listener';
import { EcommerceStore as StoreRow } from '../stores/ecommerce-store.entity';

/** A recorded test, with the status of the store's newest test before it. */
export interface RecordedTest {
  test: ConnectionTest;
  previousStatus: ConnectionStatus | null;
}

/** More to write in the transaction that records a test (a bulk job's item finished with it). */
export type AlsoRecord = (recorded: RecordedTest, manager: EntityManager) => Promise<void>;

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
    private readonly audit: AuditService,
    /** Told of every test a connector ran (metrics). */
    private readonly onTested: (platform: Platform, outcome: ConnectionOutcome) => void = () => {},
    /** Told of every recorded test, inside its transaction (webhook alerts). */
    private readonly listener?: TestRecordedListener,
  ) {}

  /**
   * Tests the store's saved credentials and adds the result to its history, with its audit event
   * and whatever `alsoRecord` writes, in one transaction.
   */
  async testSavedCredentials(storeId: string, alsoRecord?: AlsoRecord): Promise<ConnectionTest> {
    const store = await this.stores.findById(storeId);
    const saved = this.stores.savedCredentials(store);
    const outcome = saved ? await this.run(store, saved, new StoreConnectorSession(this.stores, store)) : notConfigured(store.apiVersion);
    return this.record(store.id, outcome, { audit: connectionTested(store, outcome), alsoRecord });
  }

  /** Tests credentials as typed, saving nothing. With a store, an omitted secret means the saved one. */
  async dryRun(input: CredentialsInput, storeId: string | null): Promise<ConnectionTest> {
    const { store, credentials } = await this.stores.normaliseFor(storeId, input);
    // Only the saved credentials may use the token issued for them.
    const session = store && sameAsSaved(store, credentials) ? new StoreConnectorSession(this.stores, store) : new UnsavedConnectorSession();
    const outcome = await this.run(store, credentials, session);
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
    const session = new UnsavedConnectorSession();
    const outcome = await this.run(store, credentials, session);
    if (!outcome.success) {
      await this.audit.record(credentialsRejected(store, credentials, outcome));
      throw new ConnectionTestFailedError(outcome);
    }
    // Saved only if the store is still as it was before the test (else CONFLICT): what was tested is what is saved.
    const saved = await this.stores.saveCredentials(store, credentials);
    // The token the test was issued belongs to the credentials just saved: the next test reuses it.
    if (session.issued) await this.stores.saveIssuedToken(saved, session.issued);
    const test = await this.record(storeId, outcome);
    return Object.assign(saved, summaryColumnsOf(test));
  }

  /** A page of the store's tests, newest first. */
  async historyOf(storeId: string, page?: number | null, perPage?: number | null): Promise<{ items: ConnectionTest[]; total: number }> {
    await this.stores.findById(storeId);
    return this.history.page(storeId, page, perPage);
  }

  private async run(store: EcommerceStore | null, credentials: NormalisedCredentials, session: ConnectorSession): Promise<ConnectionOutcome> {
    const secret = credentials.apiPassword ?? (store ? this.stores.readSecret(store) : null);
    if (secret === null) {
      // Reached only by a dry run without a store, or a store whose secret is missing.
      throw new InvalidInputError('apiPassword', 'Enter the secret (access token, API token or client secret) to test.');
    }
    const connector = this.stores.connectorFor(store, credentials.apiVersion);
    const { apiPassword: _typed, ...location } = credentials;
    const outcome = await connector.testConnection({ ...location, secret }, session);
    this.onTested(connector.platform, outcome);
    return outcome;
  }

  /**
   * Adds the test to the store's history and its summary to the store row, in one transaction:
   * the one place every path records a test, so the listener (alerts on a status change) hears
   * of each exactly once. The previous status is that of the store's newest test in the history,
   * not the row's summary: saving new credentials clears the summary (it speaks only for the
   * credentials saved now), yet a new token that fails where the old one worked is exactly the
   * change to alert on. On PostgreSQL the row is locked first, so two tests of one store
   * recorded at once each see the other's (SQLite write transactions are exclusive already).
   * The audit event and `alsoRecord`'s writes share the transaction: a crash keeps all or none,
   * and on SQLite the one writing connection is taken once per test rather than three times.
   */
  private async record(storeId: string, outcome: ConnectionOutcome, also: { audit?: AuditEntry; alsoRecord?: AlsoRecord } = {}): Promise<ConnectionTest> {
    const test = await this.dataSource.transaction(async (manager) => {
      const store = await manager.getRepository(StoreRow).findOne({
        select: { id: true, name: true, platform: true, apiVersion: true },
        where: { id: storeId },
        ...(this.dataSource.options.type === 'postgres' ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      });
      const previousStatus = await this.history.latestStatus(storeId, manager);
      const recorded = await this.history.record(storeId, outcome, manager);
      await this.stores.noteNewestTest(storeId, summaryColumnsOf(recorded), manager);
      if (also.audit) await this.audit.record(also.audit, manager);
      if (store && this.listener) {
        await this.listener.testRecorded({ store, previousStatus, test: recorded }, manager);
      }
      await also.alsoRecord?.({ test: recorded, previousStatus }, manager);
      return recorded;
    });
    this.listener?.committed?.();
    return test;
  }
}

/** Typed credentials that are exactly the saved ones (the secret left out means the saved secret). */
function sameAsSaved(store: EcommerceStore, credentials: NormalisedCredentials): boolean {
  return (
    credentials.apiPassword === undefined &&
    credentials.apiVersion === store.apiVersion &&
    credentials.apiLogin === store.apiLogin &&
    credentials.apiUrl === store.apiUrl &&
    credentials.storeHash === store.storeHash
  );
}

function notConfigured(apiVersion: ApiVersion | null): ConnectionOutcome {
  return {
    success: false,
    status: ConnectionStatus.NOT_CONFIGURED,
    message: 'No API credentials are saved for this store yet: enter them in the API access section and save them.',
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
