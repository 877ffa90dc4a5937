import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { DestinationStream } from 'pino';
import type { DataSource } from 'typeorm';
import { serveAdmin } from './admin-ui/serve-admin';
import { AuditResolver } from './audit/audit.resolver';
import { AuditService } from './audit/audit.service';
import { ApiKeyResolver } from './auth/api-key.resolver';
import { ApiKeyService } from './auth/api-key.service';
import { authenticateRequests, clientIpOf, type AuthenticatedLocals } from './auth/authenticate-request';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { ensureInitialAdmin } from './auth/initial-admin';
import { openLoginThrottle, type StoredLoginThrottle } from './auth/login-throttle-store';
import { UserResolver } from './auth/user.resolver';
import { UserService } from './auth/user.service';
import type { Config } from './config';
import { createLogger, type Logger } from './common/logger';
import { VERSION } from './common/paths';
import { ConnectionResolver } from './connections/connection.resolver';
import { ConnectionHistory } from './connection-history/connection-history.service';
import { LastConnectionTestResolver } from './connections/last-connection-test.resolver';
import { ConnectionService } from './connections/connection.service';
import { openDatabase } from './db/data-source';
import type { AppContext } from './graphql/app-context';
import { createErrorFormatter } from './graphql/format-error';
import { httpErrorHandler, noStore, securityHeaders } from './graphql/http-security';
import { introspectionPolicyPlugin } from './graphql/introspection.plugin';
import { nulCharacterPlugin } from './graphql/nul-character.plugin';
import { ConnectionTestJobResolver } from './jobs/connection-test-job.resolver';
import { JobLifecycle } from './jobs/job-lifecycle';
import { JobQueue } from './jobs/job-queue';
import { JobReads } from './jobs/job-reads';
import { storeSpacingMs } from './jobs/store-quota';
import { JobRunner } from './jobs/job-runner';
import { queryLimitProtection } from './graphql/query-limits';
import { requestLoggingPlugin } from './graphql/request-logging.plugin';
import { createStoreListCache } from './graphql/store-list-cache.plugin';
import { buildStorelinkSchema } from './graphql/schema';
import { verifySecretKey } from './secrets/key-check.service';
import { SecretCipher } from './secrets/secret-cipher';
import { exchangeOutcome } from './platforms/outbound';
import { createPlatformRegistry, type PlatformRegistry } from './platforms/registry';
import { loadPreviousSecretKeys, loadSecretKey } from './secrets/secret-key';
import { EcommerceStoreResolver } from './stores/ecommerce-store.resolver';
import { EcommerceStoreService } from './stores/ecommerce-store.service';
import { StoreListChanges } from './stores/store-list-changes';
import { meterConnectionTest } from './operations/metered-tester';
import { StorelinkMetrics } from './operations/metrics';
import { operationsRoutes } from './operations/operations-routes';
import { Readiness } from './operations/readiness';
import { WebhookDeliveryQueue } from './webhooks/webhook-delivery-queue';
import { WebhookDeliveryResolver } from './webhooks/webhook-delivery.resolver';
import { WebhookDeliveryService } from './webhooks/webhook-delivery.service';
import { WebhookEndpointResolver } from './webhooks/webhook-endpoint.resolver';
import { WebhookEndpointService } from './webhooks/webhook-endpoint.service';
import { WEBHOOK_TIMEOUT_MS, WebhookSender } from './webhooks/webhook-sender';
import { WebhookWorker } from './webhooks/webhook-worker';
import { WebhookAlerts } from './webhooks/webhook-alerts';

/** SIGTERM to exit: HTTP drain, then background work's grace, then closing; under the 10 s orchestrators usually allow. */
export const SHUTDOWN_BUDGET_MS = 9000;
const HTTP_DRAIN_MS = 3000;
const WORK_GRACE_MS = 4000;

export interface RunningStorelink {
  url: string;
  port: number;
  logger: Logger;
  dataSource: DataSource;
  stop(): Promise<void>;
}

/** What tests and benchmarks may change about a start, beyond the configuration. */
export interface StartOptions {
  logDestination?: DestinationStream;
  /** Called with every SQL statement (tests count them). */
  onQuery?: (sql: string) => void;
}

/** Whether store lists may be cached: not when STORE_LIST_CACHE_MB=0, nor when the database no longer counts every change. */
async function storeListCacheAllowed(changes: StoreListChanges, maxBytes: number, logger: Logger): Promise<boolean> {
  if (maxBytes <= 0) return false;
  const unwatched = await changes.tablesWithoutTriggers();
  if (unwatched.length > 0) {
    logger.error({ tables: unwatched }, 'store lists are not cached: these tables lack the triggers that count their changes (see migration StoreListChanges)');
    return false;
  }
  return true;
}

/** The composition root: config -> database -> services -> schema -> HTTP. Every service and resolver is built here, once. */
export async function startStorelink(config: Config, options: StartOptions = {}): Promise<RunningStorelink> {
  const logger = createLogger(config.logLevel, options.logDestination);
  const cipher = new SecretCipher(loadSecretKey(config, logger), loadPreviousSecretKeys(config));
  const dataSource = await openDatabase(config.database, { onQuery: options.onQuery });
  let loginThrottle: StoredLoginThrottle | undefined;
  let platforms: PlatformRegistry | undefined;
  try {
    await verifySecretKey(dataSource, cipher);

    const storeListChanges = new StoreListChanges(dataSource);
    const cacheStoreLists = await storeListCacheAllowed(storeListChanges, config.storeListCacheBytes, logger);
    // The cache's count of changes is read in the statement that finds the caller, on every request.
    const readWithCaller = cacheStoreLists ? StoreListChanges.COUNT_SQL : undefined;
    const audit = new AuditService(dataSource);
    const apiKeys = new ApiKeyService(dataSource, audit, readWithCaller);
    const users = new UserService(dataSource, audit);
    loginThrottle = await openLoginThrottle(dataSource);
    const auth = new AuthService(dataSource, apiKeys, audit, { sessionTtlMs: config.sessionTtlMs, throttle: loginThrottle.throttle, readWithCaller });
    const metrics = new StorelinkMetrics(dataSource);
    platforms = createPlatformRegistry({
      bigcommerceApiUrl: config.bigcommerceApiUrl,
      shopifyApiUrl: config.shopifyApiUrl,
      shopifyApiVersion: config.shopifyApiVersion,
      httpTimeoutMs: config.httpTimeoutMs,
      allowPrivateTargets: config.allowPrivateTargets,
      userAgent: `storelink/${VERSION}`,
      logger,
      onUpstreamExchange: (platform, exchange) => metrics.upstreamRequests.inc({ platform, outcome: exchangeOutcome(exchange) }),
    });
    const readiness = new Readiness(dataSource);
    const stores = new EcommerceStoreService(dataSource, cipher, { allowPrivateTargets: config.allowPrivateTargets }, audit, platforms);
    const jobReads = new JobReads(dataSource);
    const webhookEndpoints = new WebhookEndpointService(dataSource, cipher, audit, { allowPrivateTargets: config.allowPrivateTargets });
    const webhookSender = new WebhookSender({ allowPrivateTargets: config.allowPrivateTargets, userAgent: `storelink/${VERSION}` });
    let webhookWorker: WebhookWorker | undefined;
    const webhookDeliveries = new WebhookDeliveryService(dataSource, webhookEndpoints, () => webhookWorker?.kick());
    const webhookQueue = new WebhookDeliveryQueue(dataSource, webhookDeliveries, webhookEndpoints, {
      // Longer than any attempt can take, so only a dead instance's claims are taken over.
      leaseMs: WEBHOOK_TIMEOUT_MS * 2,
      retryBaseMs: config.webhookRetryBaseMs,
    });
    webhookWorker = new WebhookWorker(webhookQueue, webhookEndpoints, webhookSender, logger.child({ component: 'webhook-deliveries' }), {
      concurrency: 8,
      pollMs: 1000,
      onAttempt: (outcome) => metrics.webhookDeliveries.inc({ outcome }),
    });
    // Status changes and finished jobs become webhook events in the transactions that record them.
    const alerts = new WebhookAlerts(webhookDeliveries, jobReads);
    const history = new ConnectionHistory(dataSource);
    const connections = new ConnectionService(dataSource, history, stores, audit, meterConnectionTest(metrics), alerts);
    const queue = new JobQueue(
      dataSource,
      {
        // Far longer than any test can take (HTTP_TIMEOUT_MS bounds it), so only a dead instance's items are taken over.
        leaseMs: config.httpTimeoutMs * 3 + 5000,
        // One spacing for every quota: the largest test any platform sends, so no platform's quota is overspent.
        storeSpacingMs: storeSpacingMs(Math.max(...platforms.connectors.map((connector) => connector.requestBudget))),
      },
      alerts,
    );
    const jobLifecycle = new JobLifecycle(dataSource, stores);
    const jobRunner = new JobRunner(queue, jobLifecycle, connections, logger.child({ component: 'connection-test-jobs' }), {
      concurrency: config.connectionTestConcurrency,
      pollMs: 1000,
      retestIntervalMs: config.retestIntervalMinutes * 60_000,
    });
    await ensureInitialAdmin(users, config.initialAdmin, logger);

    const schema = await buildStorelinkSchema([
      new AuthResolver(auth),
      new EcommerceStoreResolver(stores),
      new ConnectionResolver(connections),
      new LastConnectionTestResolver(),
      new UserResolver(users),
      new ApiKeyResolver(apiKeys),
      new AuditResolver(audit),
      new ConnectionTestJobResolver(jobLifecycle, jobReads, () => jobRunner.kick()),
      new WebhookEndpointResolver(webhookEndpoints),
      new WebhookDeliveryResolver(webhookDeliveries),
    ]);
    const app = express();
    const httpServer = http.createServer(app);
    const limits = queryLimitProtection();
    const storeListCache = cacheStoreLists ? createStoreListCache(schema, { maxBytes: config.storeListCacheBytes }) : null;
    const apollo = new ApolloServer<AppContext>({
      schema,
      formatError: createErrorFormatter(logger),
      includeStacktraceInErrorResponses: false,
      // One operation per request, so batching cannot multiply anything; CSRF prevention refuses
      // requests a browser would send cross-site without a preflight (Apollo's default, kept on).
      allowBatchedHttpRequests: false,
      csrfPrevention: true,
      // storelink's own SIGTERM/SIGINT handler stops Apollo as one step of its shutdown. Apollo's
      // handler would start a second stop that leaves ours waiting on it for ever (the drain then
      // never ends and the process is killed at the shutdown budget with exit 1).
      stopOnTerminationSignals: false,
      validationRules: limits.validationRules,
      parseOptions: limits.parseOptions,
      // Compact JSON (Apollo pretty-prints by default: a third more bytes to build and send).
      stringifyResult: storeListCache ? storeListCache.stringifyResult : (value) => JSON.stringify(value),
      plugins: [
        // No HTTP caching of GraphQL answers (they are no-store): without this, a plugin wraps every field resolver.
        ApolloServerPluginCacheControlDisabled(),
        // Apollo's default landing page (served to any browser, signed in or not) names the server and its version.
        ApolloServerPluginLandingPageDisabled(),
        // Requests under way get this long to finish when shutting down (see stop()).
        ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: HTTP_DRAIN_MS }),
        requestLoggingPlugin(logger, storeListCache?.answeredFromCache),
        introspectionPolicyPlugin(config.graphqlIntrospection),
        ...limits.plugins,
        nulCharacterPlugin(),
        // Its answers skip execution only: parsing, validation, the limits and the introspection policy come first, as for any request.
        ...(storeListCache ? [storeListCache.plugin] : []),
      ],
    });
    await apollo.start();

    app.disable('x-powered-by');
    app.set('trust proxy', config.trustProxy);
    app.use(securityHeaders());
    // Its own app only to send no ETag: answers are no-store, and Express hashes every body for one (a 20 KB page too).
    const graphqlApp = express().disable('x-powered-by').disable('etag');
    app.use('/graphql', graphqlApp);
    graphqlApp.use(
      noStore,
      express.json({ limit: '100kb' }),
      authenticateRequests(auth),
      expressMiddleware(apollo, {
        context: async ({ req, res }): Promise<AppContext> => ({
          caller: (res.locals as AuthenticatedLocals).caller ?? null,
          storeListChanges: StoreListChanges.countOf((res.locals as AuthenticatedLocals).readWithCaller),
          clientIp: clientIpOf(req),
          loaders: { latestConnectionTest: history.createLatestTestLoader(), connectionTestJobProgress: jobReads.createProgressLoader() },
        }),
      }),
    );
    app.get('/healthz', (_req, res) => {
      res.json({ status: 'ok' });
    });
    app.use(operationsRoutes({ readiness, metrics, apiKeys, logger }));
    serveAdmin(app);
    app.use(httpErrorHandler(logger));

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, resolve);
    });
    const port = (httpServer.address() as AddressInfo).port;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    logger.info({ url, database: config.database.type }, 'storelink is listening');
    jobRunner.start();
    webhookWorker.start();

    return {
      url,
      port,
      logger,
      dataSource,
      /**
       * A graceful stop, within SHUTDOWN_BUDGET_MS: /readyz answers 503 at once, HTTP stops
       * accepting and drains, bulk-test items and webhook attempts under way get a few seconds
       * to finish and are otherwise given back to the queue (another instance, or this one after
       * a restart, takes them over), then the database closes.
       */
      async stop() {
        readiness.beginShutdown();
        await apollo.stop();
        await Promise.all([jobRunner.stop(WORK_GRACE_MS), webhookWorker.stop(WORK_GRACE_MS)]);
        await Promise.all([platforms?.close(), webhookSender.close()]);
        await loginThrottle?.close();
        if (dataSource.isInitialized) await dataSource.destroy();
      },
    };
  } catch (error) {
    await platforms?.close();
    await loginThrottle?.close();
    await dataSource.destroy();
    throw error;
  }
}
