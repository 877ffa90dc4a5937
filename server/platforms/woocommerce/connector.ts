import { ConnectionStatus, type ConnectionOutcome } from '../../common/connection-outcome';
import { ConnectionTestRunner, type ConnectionTestRunnerOptions } from '../outbound';
import { failedOutcome } from './classify';
import * as say from './messages';
import { WOOCOMMERCE_REQUEST_BUDGET } from './probes';
import { testWooCommerceKey, type WooCommerceCredentials } from './test-flow';

export interface WooCommerceConnectorOptions extends ConnectionTestRunnerOptions {
  userAgent: string;
}

/**
 * Tests a WooCommerce REST API key (consumer key and secret) against the merchant's own site
 * and returns a ConnectionOutcome. No database, no GraphQL; platform.ts puts it behind the
 * platform interface. The site URL is typed by a user: it is checked when entered and again
 * before every test, and every connection goes through the SSRF-guarded dispatcher, as for
 * the BigCommerce legacy URL.
 */
export class WooCommerceConnector {
  readonly requestBudget = WOOCOMMERCE_REQUEST_BUDGET;
  private readonly runner: ConnectionTestRunner;

  constructor(private readonly options: WooCommerceConnectorOptions) {
    this.runner = new ConnectionTestRunner('woocommerce', options);
  }

  /** Never throws, never writes, and answers within timeoutMs plus a fraction of a second whatever the site does. */
  testConnection(credentials: WooCommerceCredentials): Promise<ConnectionOutcome> {
    return this.runner.test({
      run: (deadline) =>
        testWooCommerceKey(credentials, {
          dispatcher: this.runner.dispatcher,
          deadline,
          userAgent: this.options.userAgent,
          allowPrivateTargets: this.options.allowPrivateTargets,
          logger: this.runner.logger,
        }),
      onTimeout: () => failedOutcome(ConnectionStatus.TIMEOUT, say.timedOut(credentials.siteUrl, this.options.timeoutMs)),
      onError: () => failedOutcome(ConnectionStatus.UPSTREAM_ERROR, say.internalError()),
    });
  }

  close(): Promise<void> {
    return this.runner.close();
  }
}
