/** Public configuration and log types of the fake BigCommerce server. */

export type FakeScopeLevel = 'NONE' | 'READ_ONLY' | 'MODIFY';

/** The five scopes storelink needs, by short name. */
export type FakeScopeName = 'customers' | 'information' | 'orders' | 'transactions' | 'products';

export interface FakeStoreOptions {
  /** Store hash: lowercase letters and digits. */
  hash: string;
  name?: string;
  domain?: string;
  /** List endpoints answer 204 with no body, as BigCommerce does for an empty collection (v2 orders, v3 customers). */
  emptyLists?: boolean;
  /**
   * The store accepts writes with an empty body (`POST v2/orders` with `{}` is valid under the
   * spec's order_Post schema) and creates a record: a connection test must still change nothing.
   */
  acceptsEmptyWrites?: boolean;
  /** The store's shared API quota; default 150 requests per 30 s, as on Standard and Plus plans. */
  rateLimit?: { quota: number; windowMs: number };
}

export interface FakeTokenOptions {
  hash: string;
  /** The access token (X-Auth-Token). */
  token: string;
  /** Scopes not listed are None. */
  scopes?: Partial<Record<FakeScopeName, FakeScopeLevel>>;
}

export interface FakeLegacyUserOptions {
  hash: string;
  /** Unique across the fake: the legacy API is served at one origin and the username picks the store. */
  username: string;
  apiToken: string;
}

/** Which requests a fault applies to; every field is optional and all given must match. */
export interface FakeFaultMatch {
  method?: string;
  /** A string matches a request path (without query) equal to it or ending with it, e.g. "/v2/store"; a RegExp is tested on the path with query. */
  path?: string | RegExp;
  /** How many matching requests get the fault; default: all of them. */
  times?: number;
}

export type FakeFaultAction =
  /** Any status, body and headers. */
  | { type: 'status'; status: number; body?: string; contentType?: string; headers?: Record<string, string> }
  /** 429 with X-Rate-Limit-* headers saying the quota resets in resetMs, and X-Retry-After; headers: false gives a bare 429 (platform load). */
  | { type: 'rate-limit'; resetMs: number; headers?: boolean }
  /** Never answers (until stop()). */
  | { type: 'hang' }
  /** Resets the TCP connection without answering. */
  | { type: 'reset' }
  /** An HTML page (default status 200). */
  | { type: 'html'; status?: number }
  /** Truncated JSON with status 200 and Content-Type application/json. */
  | { type: 'broken-json' }
  /** A JSON-typed body of `bytes` bytes, streamed without Content-Length unless declareLength. */
  | { type: 'large-body'; bytes: number; declareLength?: boolean }
  /** A 200 JSON body trickled at bytesPerSecond (default total 10 000 bytes). */
  | { type: 'slow-body'; bytesPerSecond: number; bytes?: number }
  /** A redirect (default 302) to `location`. */
  | { type: 'redirect'; location: string; status?: number };

export type FakeFault = FakeFaultMatch & FakeFaultAction;

export interface FakeBehaviour {
  /** Delay before every answer, faults included. */
  latencyMs?: number;
  /** Tried in order; the first that matches and has times left applies. */
  faults?: FakeFault[];
}

export interface FakeRequest {
  method: string;
  /** Path with query, as received. */
  path: string;
  /** Lowercased names; X-Auth-Token and Authorization are kept but their values replaced by "[redacted]". */
  headers: Record<string, string>;
  body: string;
  /** The store the request was for, when known. */
  storeHash: string | null;
  authenticated: boolean;
  /** null while unanswered, or when the connection was reset or left hanging. */
  status: number | null;
  /** Epoch milliseconds with sub-millisecond precision (performance.timeOrigin + performance.now()). */
  receivedAt: number;
  respondedAt: number | null;
}

/** A record the fake created or changed because of a write. */
export interface FakeDataChange {
  storeHash: string;
  action: 'created' | 'updated';
  resource: 'orders' | 'products' | 'customers' | string;
  id: number;
}
