import { ConnectionStatus, type ConnectionOutcome } from '../../common/connection-outcome';
import type { ConnectorSession } from '../connector-session';
import { ConnectionTestRunner, type ConnectionTestRunnerOptions } from '../outbound';
import { failedOutcome } from './classify';
import * as say from './messages';
import { testShopifyCredentials, type ShopifyCredentials } from './test-flow';

/** timeoutMs: the total deadline of one test, the token grant included. */
export interface ShopifyConnectorOptions extends ConnectionTestRunnerOptions {
  /** SHOPIFY_API_URL: "https://{shop}.myshopify.com" (tests: the fake, "http://127.0.0.1:PORT/{shop}"). */
  apiUrlTemplate: string;
  /** SHOPIFY_API_VERSION, "YYYY-MM". */
  apiVersion: string;
  userAgent: string;
}

/**
 * Tests Shopify credentials (an admin-created app's Admin API access token, or a Dev
 * Dashboard app's client credentials) and returns a ConnectionOutcome. No database, no
 * GraphQL: an issued access token is kept through the ConnectorSession the caller passes.
 */
export class ShopifyConnector {
  private readonly runner: ConnectionTestRunner;

  constructor(private readonly options: ShopifyConnectorOptions) {
    if (!options.apiUrlTemplate.includes('{shop}')) throw new Error('apiUrlTemplate must contain {shop}');
    if (!/^\d{4}-\d{2}$/.test(options.apiVersion)) throw new Error('apiVersion must be YYYY-MM');
    this.runner = new ConnectionTestRunner('shopify', options);
  }

  /** Never throws, and answers within timeoutMs plus a fraction of a second whatever the peer does. */
  testConnection(credentials: ShopifyCredentials, session?: ConnectorSession): Promise<ConnectionOutcome> {
    const target = { apiVersion: credentials.apiVersion, shopDomain: credentials.shopDomain };
    return this.runner.test({
      run: (deadline) =>
        testShopifyCredentials(credentials, {
          dispatcher: this.runner.dispatcher,
          deadline,
          userAgent: this.options.userAgent,
          apiUrlTemplate: this.options.apiUrlTemplate,
          apiVersion: this.options.apiVersion,
          session,
          logger: this.runner.logger,
        }),
      onTimeout: () => failedOutcome(target, ConnectionStatus.TIMEOUT, say.timedOut(this.options.timeoutMs)),
      onError: () => failedOutcome(target, ConnectionStatus.UPSTREAM_ERROR, say.internalError()),
    });
  }

  close(): Promise<void> {
    return this.runner.close();
  }
}
