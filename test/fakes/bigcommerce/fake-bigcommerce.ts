import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendAnswer } from '../shared/answer';
import { FakeHttpServer, now } from '../shared/fake-http-server';
import { parseBasic, readBody, redactedHeaders } from '../shared/http';
import { logRequest, simulateLatency } from '../shared/request-log';
import { FaultList, playFault } from './faults';
import { StoreQuota } from './rate-limit';
import { OPENRESTY_404, unauthorized, type ApiDialect, type FakeResponse } from './responses';
import { answer, missingRequiredHeader, type RouteStore } from './routes';
import type {
  FakeBehaviour,
  FakeDataChange,
  FakeLegacyUserOptions,
  FakeRequest,
  FakeScopeLevel,
  FakeScopeName,
  FakeStoreOptions,
  FakeTokenOptions,
} from './types';

const MAX_REQUEST_BODY = 1024 * 1024;
const SECRET_HEADERS = new Set(['x-auth-token', 'authorization']);

interface StoreState extends RouteStore {
  quota: StoreQuota;
}

/** fake.url (e.g. "http://127.0.0.1:4010") is BIGCOMMERCE_API_URL. */
export class FakeBigCommerce extends FakeHttpServer {
  /** Every request received, in arrival order. */
  readonly requests: FakeRequest[] = [];
  /**
   * Writes that could have changed a real store: every write except an update of record 0,
   * which cannot exist (`PUT …/orders/0` or `…/products/0` with `{}`, `PUT v3/customers` with
   * `[{"id":0}]`). A create, even with `{}`, counts: the spec lets a store accept it.
   */
  readonly unsafeWrites: FakeRequest[] = [];
  /** Records the fake created or changed (possible on a store with acceptsEmptyWrites, or by naming a real id). */
  readonly dataChanges: FakeDataChange[] = [];

  private readonly stores = new Map<string, StoreState>();
  private readonly tokens = new Map<string, { hash: string; scopes: Partial<Record<FakeScopeName, FakeScopeLevel>> }>();
  private readonly legacyUsers = new Map<string, { hash: string; apiToken: string }>();
  private readonly faults = new FaultList();
  private latencyMs = 0;

  /** The legacy API root of every store; the Basic-auth username picks the store. */
  get legacyApiUrl(): string {
    return `${this.url}/api/v2/`;
  }

  addStore(options: FakeStoreOptions): void {
    if (!/^[a-z0-9]+$/.test(options.hash)) throw new Error(`store hash must be [a-z0-9]+: ${options.hash}`);
    if (this.stores.has(options.hash)) throw new Error(`store ${options.hash} already exists`);
    const rateLimit = options.rateLimit ?? { quota: 150, windowMs: 30000 };
    this.stores.set(options.hash, {
      hash: options.hash,
      name: options.name ?? `Store ${options.hash}`,
      domain: options.domain ?? `${options.hash}.example`,
      emptyLists: options.emptyLists ?? false,
      acceptsEmptyWrites: options.acceptsEmptyWrites ?? false,
      orderIds: [100],
      productIds: [77],
      customerIds: [1],
      quota: new StoreQuota(rateLimit.quota, rateLimit.windowMs),
    });
  }

  addToken(options: FakeTokenOptions): void {
    this.requireStore(options.hash);
    if (this.tokens.has(options.token)) throw new Error('token already registered');
    this.tokens.set(options.token, { hash: options.hash, scopes: { ...options.scopes } });
  }

  addLegacyUser(options: FakeLegacyUserOptions): void {
    this.requireStore(options.hash);
    if (this.legacyUsers.has(options.username)) throw new Error(`legacy username ${options.username} already registered`);
    this.legacyUsers.set(options.username, { hash: options.hash, apiToken: options.apiToken });
  }

  /** Replaces the current behaviour; setBehaviour({}) makes the fake well-behaved again. */
  setBehaviour(behaviour: FakeBehaviour): void {
    this.latencyMs = behaviour.latencyMs ?? 0;
    this.faults.replace(behaviour.faults);
  }

  /** Clears behaviour, logs and used quotas; stores, tokens and users stay. */
  reset(): void {
    this.setBehaviour({});
    this.requests.length = 0;
    this.unsafeWrites.length = 0;
    this.dataChanges.length = 0;
    for (const store of this.stores.values()) store.quota.reset();
  }

  private requireStore(hash: string): StoreState {
    const store = this.stores.get(hash);
    if (!store) throw new Error(`unknown store ${hash}: addStore first`);
    return store;
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = now();
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const body = await readBody(req, MAX_REQUEST_BODY).catch(() => null);
    const entry: FakeRequest = {
      method,
      path,
      headers: redactedHeaders(req, SECRET_HEADERS),
      body: body ?? '',
      storeHash: null,
      authenticated: false,
      status: null,
      receivedAt,
      respondedAt: null,
    };
    logRequest(this.requests, entry, res);
    if (isUnsafeWrite(method, path, entry.body)) this.unsafeWrites.push(entry);
    if (body === null) return send(res, { status: 413, text: 'Request body too large' });

    await simulateLatency(this.latencyMs);
    const fault = this.faults.take(method, path);
    if (fault) return playFault(fault, req, res);

    const pathname = path.split('?')[0];
    const storeApi = /^\/stores\/([^/]+)\/(v2|v3)\/(.*)$/.exec(pathname);
    if (storeApi) return send(res, this.storeApi(req, entry, storeApi[1], storeApi[2] as ApiDialect, storeApi[3]));
    const legacy = /^\/api\/v2\/(.*)$/.exec(pathname);
    if (legacy) return send(res, this.legacyApi(req, entry, legacy[1]));
    return send(res, htmlNotFound());
  }

  private storeApi(req: IncomingMessage, entry: FakeRequest, hash: string, dialect: ApiDialect, rest: string): FakeResponse {
    const store = this.stores.get(hash);
    if (!store) return htmlNotFound();
    entry.storeHash = hash;
    const header = req.headers['x-auth-token'];
    const token = typeof header === 'string' ? this.tokens.get(header) : undefined;
    if (!token || token.hash !== hash) return { ...unauthorized(dialect), headers: store.quota.peek(now()) };
    entry.authenticated = true;
    return this.withinQuota(
      store,
      () => missingRequiredHeader(req.headers, dialect) ?? answer(dialect, entry.method, rest, this.routeRequest(store, entry), (scope) => token.scopes[scope] ?? 'NONE'),
    );
  }

  /** Legacy accounts are not scoped: they may use every v2 resource. */
  private legacyApi(req: IncomingMessage, entry: FakeRequest, rest: string): FakeResponse {
    const credentials = parseBasic(req.headers.authorization);
    const user = credentials ? this.legacyUsers.get(credentials.username) : undefined;
    if (!credentials || !user || user.apiToken !== credentials.password) {
      return { ...unauthorized('v2'), headers: { 'WWW-Authenticate': 'Basic realm="BigCommerce API"' } };
    }
    const store = this.requireStore(user.hash);
    entry.storeHash = store.hash;
    entry.authenticated = true;
    return this.withinQuota(store, () => missingRequiredHeader(req.headers, 'v2') ?? answer('v2', entry.method, rest, this.routeRequest(store, entry), () => 'MODIFY'));
  }

  private routeRequest(store: StoreState, entry: FakeRequest) {
    return { store, body: entry.body, changed: (change: Omit<FakeDataChange, 'storeHash'>) => this.dataChanges.push({ storeHash: store.hash, ...change }) };
  }

  private withinQuota(store: StoreState, respond: () => FakeResponse): FakeResponse {
    const { allowed, headers } = store.quota.take(now());
    const response: FakeResponse = allowed
      ? respond()
      : { status: 429, json: { status: 429, title: 'Too many requests', type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes' } };
    return { ...response, headers: { ...headers, ...response.headers } };
  }
}

function htmlNotFound(): FakeResponse {
  return { status: 404, headers: { 'Content-Type': 'text/html', Server: 'openresty' }, text: OPENRESTY_404 };
}

function send(res: ServerResponse, response: FakeResponse): void {
  sendAnswer(res, response, { json: 'application/json', text: 'text/plain' });
}

function isUnsafeWrite(method: string, path: string, body: string): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;
  if (method !== 'PUT') return true;
  const pathname = path.split('?')[0];
  if (/\/(orders|catalog\/products)\/0$/.test(pathname)) return body !== '{}';
  if (/\/v3\/customers$/.test(pathname)) return body !== '[{"id":0}]';
  return true;
}

