import { commonRetrySignal, headerValue, looksLikeHtml, nonNegativeHeader, type Exchange, type HttpResponse, type RetrySignal, type TransportFailure } from '../outbound';
import type { Probe } from './probes';

/**
 * What one answer means. WooCommerce reuses statuses for different causes (401 for an unknown
 * key, a wrong secret and a key without the permission), so answers are told apart by the
 * error code in the body, and by its message only where WooCommerce shares one code.
 */
export type Verdict =
  | { kind: 'passed'; homeUrl: string | null }
  /** The key is unknown: WooCommerce ran the request as an anonymous visitor. */
  | { kind: 'anonymous' }
  | { kind: 'wrong-secret' }
  /** The key's permission (Read, Write, Read/Write) does not allow this method. */
  | { kind: 'key-permission'; lacks: 'read' | 'write' }
  /** The key's WordPress user lacks the capability this route needs. */
  | { kind: 'user-denied'; code: string }
  /** A 403 that is not WooCommerce's: a security plugin, a firewall, the host. */
  | { kind: 'blocked'; html: boolean }
  /** WordPress answered, but has no such route: WooCommerce is off or too old. */
  | { kind: 'no-route' }
  /** Not WordPress's REST API at this address (an HTML 404 page, or plain permalinks). */
  | { kind: 'not-wordpress' }
  /** The write to an order that cannot exist was answered 2xx: the alarm. */
  | { kind: 'write-accepted'; status: number }
  | { kind: 'rate-limited'; waitMs: number | null; status: 429 | 503 }
  | { kind: 'server-error'; status: number }
  | { kind: 'redirect'; location: string | null }
  | { kind: 'unexpected-status'; status: number }
  | { kind: 'bad-body'; problem: 'html' | 'unreadable' }
  | { kind: 'transport'; failure: TransportFailure };

interface ErrorBody {
  code: string | null;
  message: string;
}

export function judge(probe: Probe, exchange: Exchange): Verdict {
  if (exchange.kind === 'failure') return { kind: 'transport', failure: exchange.failure };
  const { status } = exchange;
  const retryAfter = retryAfterMs(exchange);

  if (status === 429) return { kind: 'rate-limited', waitMs: retryAfter, status: 429 };
  // Hosts and security plugins throttle with 503 + Retry-After (as does WordPress's maintenance mode).
  if (status === 503 && retryAfter !== null) return { kind: 'rate-limited', waitMs: retryAfter, status: 503 };
  if (status >= 300 && status < 400) return { kind: 'redirect', location: headerValue(exchange.headers, 'location') ?? null };
  if (status >= 500) return { kind: 'server-error', status };

  const html = looksLikeHtml(exchange);
  const error = html ? { code: null, message: '' } : errorBody(exchange);

  if (status === 401 || status === 403) {
    if (error.code === 'woocommerce_rest_authentication_error') {
      if (/write permissions/i.test(error.message)) return { kind: 'key-permission', lacks: 'write' };
      if (/read permissions/i.test(error.message)) return { kind: 'key-permission', lacks: 'read' };
      return { kind: 'wrong-secret' };
    }
    // WordPress gives 401 only to requests it ran anonymously; a known user without the capability gets 403.
    if (status === 401 && error.code !== null) return { kind: 'anonymous' };
    if (status === 403 && error.code?.startsWith('woocommerce_rest_cannot_')) return { kind: 'user-denied', code: error.code };
    return status === 401 ? { kind: 'anonymous' } : { kind: 'blocked', html };
  }

  if (probe.kind === 'write') {
    // Order 0 never exists: "Invalid ID" means the request got past every check, and changed nothing.
    if (error.code !== null && /_invalid_id$/.test(error.code)) return { kind: 'passed', homeUrl: null };
    if (status >= 200 && status < 300) return { kind: 'write-accepted', status };
  }

  if (status === 404) {
    if (error.code === 'rest_no_route') return { kind: 'no-route' };
    return { kind: 'not-wordpress' };
  }
  if (status < 200 || status >= 300) return { kind: 'unexpected-status', status };
  if (html) return { kind: 'bad-body', problem: 'html' };

  const parsed = parseJson(exchange);
  switch (probe.kind) {
    case 'read':
      return Array.isArray(parsed) ? { kind: 'passed', homeUrl: null } : { kind: 'bad-body', problem: 'unreadable' };
    case 'status':
      return isObject(parsed) ? { kind: 'passed', homeUrl: homeUrlOf(parsed) } : { kind: 'bad-body', problem: 'unreadable' };
    case 'index':
      // The namespace index names itself: { "namespace": "wc/v3", "routes": { ... } }.
      return isObject(parsed) && parsed.namespace === 'wc/v3' ? { kind: 'passed', homeUrl: null } : { kind: 'bad-body', problem: 'unreadable' };
    case 'write':
      return { kind: 'unexpected-status', status };
  }
}

export const retrySignal: (verdict: Verdict) => RetrySignal | null = commonRetrySignal;

/** Retry-After in seconds (the form hosts use); an HTTP date is read too. */
function retryAfterMs(response: HttpResponse): number | null {
  const seconds = nonNegativeHeader(response, 'retry-after');
  if (seconds !== null) return seconds * 1000;
  const date = Date.parse(headerValue(response.headers, 'retry-after') ?? '');
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : null;
}

function parseJson(response: HttpResponse): unknown {
  try {
    return JSON.parse(response.body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function errorBody(response: HttpResponse): ErrorBody {
  const parsed = parseJson(response);
  if (!isObject(parsed)) return { code: null, message: '' };
  return { code: typeof parsed.code === 'string' ? parsed.code : null, message: typeof parsed.message === 'string' ? parsed.message : '' };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function homeUrlOf(report: Record<string, unknown>): string | null {
  const environment = report.environment;
  if (!isObject(environment)) return null;
  const url = typeof environment.home_url === 'string' ? environment.home_url : environment.site_url;
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}
