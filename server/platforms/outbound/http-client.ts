import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { request, type Dispatcher } from 'undici';
import type { Deadline } from './deadline';

/**
 * One HTTP exchange of a connection test. It never throws: every way a request can go wrong
 * becomes a value, so that the probes can be judged side by side and none can crash the test.
 * Redirects are not followed (undici's `request` does not follow them), so a 3xx comes back
 * as a response like any other.
 */

/** Far above any probe answer (list probes ask for one record); stops a hostile or broken peer early. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

export type HttpMethod = 'GET' | 'POST' | 'PUT';

export interface OutboundRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export type TransportFailure =
  | 'timeout'
  /** Refused by the SSRF guard before any connection was made. */
  | 'forbidden-target'
  | 'dns'
  | 'network'
  | 'too-large';

export type Exchange =
  | { kind: 'response'; status: number; headers: IncomingHttpHeaders; body: Buffer }
  | { kind: 'failure'; failure: TransportFailure; code: string | null };

/** Told of every exchange a connector's requests end in (the upstream-requests metric). */
export type ExchangeObserver = (exchange: Exchange) => void;

/** The exchange, reported to the dispatcher's observer when it has one (see OutboundDispatcher). */
export async function sendRequest(dispatcher: Dispatcher, outbound: OutboundRequest, deadline: Deadline): Promise<Exchange> {
  const exchange = await exchangeOnce(dispatcher, outbound, deadline);
  (dispatcher as { onExchange?: ExchangeObserver }).onExchange?.(exchange);
  return exchange;
}

/** What an exchange came to, in a few words fit for a metric label: "2xx" … "5xx", or the transport failure. */
export function exchangeOutcome(exchange: Exchange): string {
  return exchange.kind === 'response' ? `${Math.floor(exchange.status / 100)}xx` : exchange.failure;
}

async function exchangeOnce(dispatcher: Dispatcher, outbound: OutboundRequest, deadline: Deadline): Promise<Exchange> {
  if (deadline.expired) return { kind: 'failure', failure: 'timeout', code: null };
  try {
    const response = await request(outbound.url, {
      dispatcher,
      method: outbound.method,
      headers: outbound.headers,
      body: outbound.body,
      signal: deadline.signal,
    });
    const body = await readCapped(response.body, headerValue(response.headers, 'content-length'));
    if (body === null) return { kind: 'failure', failure: 'too-large', code: null };
    return { kind: 'response', status: response.statusCode, headers: response.headers, body };
  } catch (err) {
    const code = errorCode(err);
    return { kind: 'failure', failure: deadline.expired ? 'timeout' : failureOf(code), code };
  }
}

/** The body, or null once it passes MAX_RESPONSE_BYTES (the stream is destroyed at that point). */
async function readCapped(body: Readable, contentLength: string | undefined): Promise<Buffer | null> {
  if (contentLength !== undefined && Number(contentLength) > MAX_RESPONSE_BYTES) {
    body.destroy();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > MAX_RESPONSE_BYTES) {
      body.destroy();
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function failureOf(code: string | null): TransportFailure {
  switch (code) {
    case 'STORELINK_FORBIDDEN_TARGET':
      return 'forbidden-target';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return 'dns';
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return 'timeout';
    default:
      return 'network';
  }
}

/**
 * The first error code along the `cause` chain: undici sometimes wraps the socket's error.
 * Duck-typed, because errors raised inside Node (DNS, sockets) may come from another realm
 * than this module's `Error` (as under jest), where `instanceof Error` is false.
 */
function errorCode(err: unknown): string | null {
  let current: unknown = err;
  for (let depth = 0; typeof current === 'object' && current !== null && depth < 5; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') return code;
    current = cause;
  }
  return null;
}

/** Header lookup by any spelling: undici lowercases names, callers need not care. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
