import { ConnectionStatus, type ConnectionOutcome } from '../../common/connection-outcome';
import { ApiVersion } from '../../common/api-version';
import { failedOutcome, type OutcomeBody } from './classify';
import type { FlowContext } from './flow-context';
import { testLegacyAccount, type LegacyCredentials } from './legacy';
import * as say from './messages';
import type { TestedTarget } from './messages';
import { ConnectionTestRunner, type ConnectionTestRunnerOptions, type Deadline } from '../outbound';
import { testStoreApiAccount, type StoreApiCredentials } from './store-api';

export interface BigCommerceConnectorOptions extends ConnectionTestRunnerOptions {
  /** BIGCOMMERCE_API_URL, e.g. https://api.bigcommerce.com (tests: the fake on http://127.0.0.1:PORT). */
  apiBaseUrl: string;
  /** e.g. "storelink/0.1.0". */
  userAgent: string;
}

export type BigCommerceCredentials = StoreApiCredentials | LegacyCredentials;


/**
 * Tests BigCommerce credentials against the live API. It knows nothing about storage: it
 * takes credentials and returns a ConnectionOutcome, which the connections service records.
 */
export class BigCommerceConnector {
  private readonly runner: ConnectionTestRunner;
  private readonly apiBaseUrl: string;

  constructor(private readonly options: BigCommerceConnectorOptions) {
    const base = new URL(options.apiBaseUrl);
    if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error('apiBaseUrl must be an http(s) URL');
    this.apiBaseUrl = base.href.replace(/\/+$/, '');
    this.runner = new ConnectionTestRunner('bigcommerce', options);
  }

  /** Never throws, and answers within timeoutMs plus a fraction of a second whatever the peer does. */
  testConnection(credentials: BigCommerceCredentials): Promise<ConnectionOutcome> {
    const target = testedTarget(credentials);
    return this.runner.test({
      run: (deadline) => this.run(credentials, deadline),
      onTimeout: () => failedOutcome(target, ConnectionStatus.TIMEOUT, say.timedOut(target, this.options.timeoutMs)),
      onError: () => failedOutcome(target, ConnectionStatus.UPSTREAM_ERROR, say.internalError()),
    });
  }

  close(): Promise<void> {
    return this.runner.close();
  }

  private run(credentials: BigCommerceCredentials, deadline: Deadline): Promise<OutcomeBody> {
    const context: FlowContext = {
      dispatcher: this.runner.dispatcher,
      deadline,
      userAgent: this.options.userAgent,
      allowPrivateTargets: this.options.allowPrivateTargets,
      logger: this.runner.logger,
    };
    switch (credentials.apiVersion) {
      case ApiVersion.STORE_API_OAUTH:
        return testStoreApiAccount(credentials, this.apiBaseUrl, context);
      case ApiVersion.LEGACY:
        return testLegacyAccount(credentials, context);
    }
  }
}

function testedTarget(credentials: BigCommerceCredentials): TestedTarget {
  return credentials.apiVersion === ApiVersion.LEGACY
    ? { apiVersion: ApiVersion.LEGACY, apiUrl: credentials.apiUrl }
    : { apiVersion: ApiVersion.STORE_API_OAUTH, apiPath: `stores/${credentials.storeHash}` };
}
