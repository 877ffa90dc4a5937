import { commonRetrySignal, headerValue, looksLikeHtml, nonNegativeHeader, type Exchange, type HttpResponse, type RetrySignal, type TransportFailure } from '../outbound';
import type { ShopifyProbe } from './probes';

/** What one answer means, before any decision about the whole test. */
export type ShopifyVerdict =
  | { kind: 'shop'; name: string | null; domain: string | null; answeredVersion: string | null }
  | { kind: 'scopes'; handles: string[] }
  | { kind: 'token'; accessToken: string; expiresInSeconds: number | null }
  | { kind: 'unauthorized' }
  /** The grant refused the client ID or secret (400/401 invalid_client). */
  | { kind: 'invalid-client' }
  | { kind: 'denied' }
  | { kind: 'payment-required' }
  | { kind: 'not-found' }
  | { kind: 'redirect'; location: string | null }
  | { kind: 'rate-limited'; waitMs: number | null }
  | { kind: 'server-error'; status: number }
  | { kind: 'unexpected-status'; status: number }
  | { kind: 'bad-body'; problem: 'html' | 'unreadable' }
  | { kind: 'transport'; failure: TransportFailure };

export function judge(probe: ShopifyProbe, exchange: Exchange): ShopifyVerdict {
  if (exchange.kind === 'failure') return { kind: 'transport', failure: exchange.failure };
  const { status } = exchange;
  if (probe.id === 'grant' && (status === 400 || status === 401)) return { kind: 'invalid-client' };
  if (status === 401) return { kind: 'unauthorized' };
  if (status === 402) return { kind: 'payment-required' };
  if (status === 403) return { kind: 'denied' };
  // A shop that does not exist: a not-found page, or a redirect to Shopify's marketing site.
  if (status === 404) return { kind: 'not-found' };
  if (status === 429) return { kind: 'rate-limited', waitMs: retryAfterMs(exchange) };
  if (status >= 300 && status < 400) return { kind: 'redirect', location: headerValue(exchange.headers, 'location') ?? null };
  if (status >= 500) return { kind: 'server-error', status };
  if (status < 200 || status >= 300) return { kind: 'unexpected-status', status };
  if (looksLikeHtml(exchange)) return { kind: 'bad-body', problem: 'html' };

  const body = parseObject(exchange);
  if (body === null) return { kind: 'bad-body', problem: 'unreadable' };
  switch (probe.id) {
    case 'shop': {
      const shop = body.shop;
      if (typeof shop !== 'object' || shop === null) return { kind: 'bad-body', problem: 'unreadable' };
      const { name, domain } = shop as Record<string, unknown>;
      return {
        kind: 'shop',
        name: typeof name === 'string' && name.trim() !== '' ? name : null,
        domain: typeof domain === 'string' && domain !== '' ? domain : null,
        answeredVersion: headerValue(exchange.headers, 'x-shopify-api-version') ?? null,
      };
    }
    case 'scopes': {
      const list = body.access_scopes;
      if (!Array.isArray(list)) return { kind: 'bad-body', problem: 'unreadable' };
      const handles = list.flatMap((item) => (typeof item === 'object' && item !== null && typeof (item as { handle?: unknown }).handle === 'string' ? [(item as { handle: string }).handle] : []));
      return { kind: 'scopes', handles };
    }
    case 'grant': {
      const { access_token: accessToken, expires_in: expiresIn } = body;
      if (typeof accessToken !== 'string' || !/^[\x21-\x7e]+$/.test(accessToken)) return { kind: 'bad-body', problem: 'unreadable' };
      return { kind: 'token', accessToken, expiresInSeconds: typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : null };
    }
  }
}

/** What could get better by sending a probe again. */
export const retrySignal: (verdict: ShopifyVerdict) => RetrySignal | null = commonRetrySignal;

/** Retry-After is in seconds, possibly with a fraction ("2.0"). */
function retryAfterMs(response: HttpResponse): number | null {
  const seconds = nonNegativeHeader(response, 'retry-after');
  return seconds === null ? null : Math.round(seconds * 1000);
}

function parseObject(response: HttpResponse): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(response.body.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
