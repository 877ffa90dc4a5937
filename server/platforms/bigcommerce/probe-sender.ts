import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import { sendRequest, type Deadline, type Exchange } from '../outbound';
import type { Probe } from './probes';

/** Tokens are printable ASCII without spaces: anything else cannot travel in a header, so cannot be right. */
export const HEADER_SAFE_SECRET = /^[\x21-\x7e]+$/;

export interface ProbeSenderOptions {
  dispatcher: Dispatcher;
  deadline: Deadline;
  /** The store's API root, ending in "/": probe paths are resolved against it. */
  apiRoot: string;
  /** X-Auth-Token or Authorization: secret, so never logged. */
  authHeaders: Record<string, string>;
  userAgent: string;
  logger?: Logger;
}

/**
 * Sends probes the way BigCommerce's OpenAPI spec describes its requests: `Accept` and
 * `Content-Type: application/json` on every call, GETs included (the spec marks both
 * required), as BigCommerce's own examples send them. Shared by the Store API and the legacy test.
 */
export function createProbeSender(options: ProbeSenderOptions): (probe: Probe) => Promise<Exchange> {
  return async (probe) => {
    const started = performance.now();
    const exchange = await sendRequest(
      options.dispatcher,
      {
        method: probe.method,
        url: new URL(probe.path, options.apiRoot).href,
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          'user-agent': options.userAgent,
          ...options.authHeaders,
        },
        body: probe.method === 'GET' ? undefined : probe.body,
      },
      options.deadline,
    );
    options.logger?.debug(
      {
        probe: probe.id,
        method: probe.method,
        path: probe.path,
        ...(exchange.kind === 'response' ? { status: exchange.status } : { failure: exchange.failure, code: exchange.code }),
        ms: Math.round(performance.now() - started),
      },
      'bigcommerce probe',
    );
    return exchange;
  };
}
