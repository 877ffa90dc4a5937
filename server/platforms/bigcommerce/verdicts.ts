import { commonRetrySignal, headerValue, looksLikeHtml, nonNegativeHeader, type Exchange, type HttpResponse, type RetrySignal, type TransportFailure } from '../outbound';
import type { Probe } from './probes';

/** What one probe's answer means, before any decision about the whole test. */
export type Verdict =
  | { kind: 'passed'; store: StoreInfo | null }
  | { kind: 'denied' }
  /** A write to a record that cannot exist was answered 2xx: the scope is there, but the store may have changed something. */
  | { kind: 'write-accepted'; status: number }
  | { kind: 'unauthorized' }
  | { kind: 'not-found' }
  | { kind: 'rate-limited'; waitMs: number | null }
  | { kind: 'server-error'; status: number }
  | { kind: 'redirect'; location: string | null }
  | { kind: 'unexpected-status'; status: number }
  | { kind: 'bad-body'; problem: 'html' | 'unreadable' }
  | { kind: 'transport'; failure: TransportFailure };

export interface StoreInfo {
  name: string | null;
  domain: string | null;
}

export function judge(probe: Probe, exchange: Exchange): Verdict {
  if (exchange.kind === 'failure') return { kind: 'transport', failure: exchange.failure };
  const { status } = exchange;

  if (status === 401) return { kind: 'unauthorized' };
  if (status === 403) return { kind: 'denied' };
  if (status === 429) return { kind: 'rate-limited', waitMs: rateLimitWaitMs(exchange) };
  if (status >= 300 && status < 400) return { kind: 'redirect', location: headerValue(exchange.headers, 'location') ?? null };
  if (status >= 500) return { kind: 'server-error', status };

  const success = status >= 200 && status < 300;
  switch (probe.kind) {
    case 'store':
      if (success) return parseStore(exchange);
      // BigCommerce answers an unknown store hash with a 404, often an HTML page: not JSON.
      if (status === 404) return { kind: 'not-found' };
      return { kind: 'unexpected-status', status };
    case 'read':
      if (success) return looksLikeHtml(exchange) ? { kind: 'bad-body', problem: 'html' } : { kind: 'passed', store: null };
      if (status === 404) return { kind: 'passed', store: null };
      return { kind: 'unexpected-status', status };
    case 'write':
      // Record 0 cannot exist: not found (or refused as invalid) once past the scope check.
      if (status === 400 || status === 404 || status === 409 || status === 422) return { kind: 'passed', store: null };
      if (success) return { kind: 'write-accepted', status };
      return { kind: 'unexpected-status', status };
  }
}

/** What could get better by sending a probe again. */
export const retrySignal: (verdict: Verdict) => RetrySignal | null = commonRetrySignal;

/**
 * How long BigCommerce asks us to wait. X-Rate-Limit-Time-Reset-Ms is exact; X-Retry-After
 * is in seconds. A 429 with neither means platform load rather than the store's quota.
 */
function rateLimitWaitMs(response: HttpResponse): number | null {
  const resetMs = nonNegativeHeader(response, 'x-rate-limit-time-reset-ms');
  if (resetMs !== null) return resetMs;
  const seconds = nonNegativeHeader(response, 'x-retry-after') ?? nonNegativeHeader(response, 'retry-after');
  return seconds === null ? null : seconds * 1000;
}

/** Parsed defensively: a 2xx from something in between (a proxy, a captive portal) is not BigCommerce. */
function parseStore(response: HttpResponse): Verdict {
  if (looksLikeHtml(response)) return { kind: 'bad-body', problem: 'html' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body.toString('utf8'));
  } catch {
    return { kind: 'bad-body', problem: 'unreadable' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { kind: 'bad-body', problem: 'unreadable' };
  const { name, domain } = parsed as Record<string, unknown>;
  return {
    kind: 'passed',
    store: { name: typeof name === 'string' && name.trim() !== '' ? name : null, domain: typeof domain === 'string' && domain !== '' ? domain : null },
  };
}
