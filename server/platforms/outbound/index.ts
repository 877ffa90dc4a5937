/**
 * Outbound HTTP shared by every platform connector: the SSRF-guarded dispatcher, the one
 * deadline of a test, single exchanges that never throw (1 MiB cap, no redirects followed),
 * and rounds of probes with retries inside the deadline and a request budget.
 */
export { Deadline } from './deadline';
export { MAX_RESPONSE_BYTES, exchangeOutcome, headerValue, sendRequest, type Exchange, type ExchangeObserver, type HttpMethod, type OutboundRequest, type TransportFailure } from './http-client';
export { ForbiddenTargetError, OutboundDispatcher, createOutboundDispatcher, isForbiddenAddress, type OutboundDispatcherOptions } from './safe-dispatcher';
export { commonRetrySignal, runProbes, type ProbeResults, type ProbeRun, type ProbeRunOptions, type RetrySignal, type RunnableProbe } from './probe-runner';
export { withinDeadline } from './within-deadline';
export { ConnectionTestRunner, type ConnectionTestRunnerOptions, type OutcomeBody } from './connection-test-runner';
export { MAX_CONNECT_MS, nonNegativeHeader, looksLikeHtml, redirectOrigin, type HttpResponse } from './answers';
