import { headerValue, type Exchange } from './http-client';

/** An exchange that got an HTTP answer. */
export type HttpResponse = Extract<Exchange, { kind: 'response' }>;

/** Waiting for a connection longer than this means the host is unreachable, whatever the total deadline. */
export const MAX_CONNECT_MS = 5000;

/** A header holding a non-negative number (seconds or milliseconds), or null when absent or malformed. */
export function nonNegativeHeader(response: HttpResponse, name: string): number | null {
  const raw = headerValue(response.headers, name);
  const value = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** A web page where API data was expected: a wrong address, a proxy or a captive portal in between. */
export function looksLikeHtml(response: HttpResponse): boolean {
  const contentType = headerValue(response.headers, 'content-type') ?? '';
  return /html/i.test(contentType) || /^\s*</.test(response.body.subarray(0, 64).toString('utf8'));
}

/** Only the origin of a redirect's target, or null: enough to recognise it, nothing from its path or query. */
export function redirectOrigin(location: string | null, base?: string): string | null {
  if (!location) return null;
  try {
    const url = new URL(location, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}
