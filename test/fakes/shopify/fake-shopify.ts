import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultList, playFault } from '../bigcommerce/faults';
import { sendAnswer } from '../shared/answer';
import { FakeHttpServer, now } from '../shared/fake-http-server';
import { readBody, redactedHeaders } from '../shared/http';
import { logRequest, simulateLatency } from '../shared/request-log';
import { LeakyBucket } from './leaky-bucket';
import { shopJson } from './responses';
import type { FakeAdminTokenOptions, FakeAppOptions, FakeShopOptions, FakeShopifyBehaviour, FakeShopifyFault, FakeShopifyRequest } from './types';

const MAX_REQUEST_BODY = 64 * 1024;
const SECRET_HEADERS: ReadonlySet<string> = new Set(['x-shopify-access-token']);
const DEFAULT_VERSIONS = ['2025-04', '2025-07', '2025-10', '2026-01'];

interface ShopState {
  shop: string;
  name: string;
  domain: string;
  frozen: boolean;
  bucket: LeakyBucket;
}

interface TokenState {
  shop: string;
  scopes: string[];
  /** Epoch ms; null for admin-created app tokens, which do not expire. */
  expiresAt: number | null;
  issued: boolean;
}

type Answer = { status: number; json?: unknown; html?: string; headers?: Record<string, string> };

/** Shopify's not-found page for a myshopify.com host without a shop: HTML, not JSON. */
const SHOP_NOT_FOUND_PAGE = '<!DOCTYPE html><html><head><title>Create an Ecommerce Website and Sell Online! Ecommerce Software by Shopify</title></head><body><h1>Sorry, this shop is currently unavailable.</h1></body></html>';

/** fake.url is e.g. "http://127.0.0.1:4011". */
export class FakeShopify extends FakeHttpServer {
  readonly requests: FakeShopifyRequest[] = [];
  /** Every client-credentials grant answered with a token, in order: proves tokens are reused, not fetched per request. */
  readonly grants: { shop: string; clientId: string; at: number; accessToken: string }[] = [];

  private readonly shops = new Map<string, ShopState>();
  private readonly tokens = new Map<string, TokenState>();
  private readonly apps = new Map<string, FakeAppOptions>();
  private readonly faults = new FaultList<FakeShopifyFault>();
  private behaviour: FakeShopifyBehaviour = {};

  /** Use as SHOPIFY_API_URL: each shop's Admin API lives under /{shop}. */
  get apiUrlTemplate(): string {
    return `${this.url}/{shop}`;
  }

  get supportedVersions(): string[] {
    return this.behaviour.supportedVersions ?? DEFAULT_VERSIONS;
  }

  addShop(options: FakeShopOptions): void {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(options.shop)) throw new Error(`shop subdomain must be [a-z0-9-]+: ${options.shop}`);
    if (this.shops.has(options.shop)) throw new Error(`shop ${options.shop} already exists`);
    const bucket = options.bucket ?? { size: 40, leakPerSecond: 2 };
    this.shops.set(options.shop, {
      shop: options.shop,
      name: options.name ?? `Shop ${options.shop}`,
      domain: options.domain ?? `${options.shop}.example`,
      frozen: options.frozen ?? false,
      bucket: new LeakyBucket(bucket.size, bucket.leakPerSecond),
    });
  }

  /** A static token of an admin-created custom app ("legacy custom app"). */
  addAdminToken(options: FakeAdminTokenOptions): void {
    this.requireShop(options.shop);
    this.tokens.set(options.token, { shop: options.shop, scopes: [...options.scopes], expiresAt: null, issued: false });
  }

  /** A Dev Dashboard app installed on the shop, reached with the client-credentials grant. */
  addApp(options: FakeAppOptions): void {
    this.requireShop(options.shop);
    this.apps.set(`${options.shop} ${options.clientId}`, { ...options, scopes: [...options.scopes] });
  }

  /** Changes the scopes of an installed app; tokens issued before keep theirs, as on reinstall. */
  setAppScopes(shop: string, clientId: string, scopes: string[]): void {
    const app = this.apps.get(`${shop} ${clientId}`);
    if (!app) throw new Error('unknown app');
    app.scopes = [...scopes];
  }

  /** Uninstalling or rotating: every token of this value stops working (401). */
  revokeToken(token: string): void {
    this.tokens.delete(token);
  }

  /** Revokes every token issued so far for the shop's apps, e.g. after the client secret was rotated. */
  revokeIssuedTokens(shop: string): void {
    for (const [token, state] of this.tokens) if (state.issued && state.shop === shop) this.tokens.delete(token);
  }

  /** Lets an issued token expire now, as if 24 hours had passed. */
  expireIssuedTokens(): void {
    for (const state of this.tokens.values()) if (state.issued) state.expiresAt = now() - 1;
  }

  setBehaviour(behaviour: FakeShopifyBehaviour): void {
    this.behaviour = behaviour;
    this.faults.replace(behaviour.faults);
  }

  /** Behaviour, logs and buckets back to normal; shops, tokens and apps stay. */
  reset(): void {
    this.setBehaviour({});
    this.requests.length = 0;
    this.grants.length = 0;
    for (const shop of this.shops.values()) shop.bucket.reset();
  }

  private requireShop(shop: string): ShopState {
    const state = this.shops.get(shop);
    if (!state) throw new Error(`unknown shop ${shop}: addShop first`);
    return state;
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = now();
    const method = req.method ?? 'GET';
    const match = /^\/([^/?]+)(\/[^?]*)?(\?.*)?$/.exec(req.url ?? '/');
    const shop = match?.[1] ?? null;
    const path = `${match?.[2] ?? '/'}${match?.[3] ?? ''}`;
    const body = await readBody(req, MAX_REQUEST_BODY).catch(() => null);
    const entry: FakeShopifyRequest = {
      method,
      path,
      shop,
      headers: redactedHeaders(req, SECRET_HEADERS),
      body: redactSecret(body ?? ''),
      status: null,
      receivedAt,
      respondedAt: null,
    };
    logRequest(this.requests, entry, res);
    if (body === null) return send(res, { status: 413, json: { errors: 'Request body too large' } });

    await simulateLatency(this.behaviour.latencyMs);
    const fault = this.faults.take(method, path);
    if (fault?.type === 'rate-limit') {
      return send(res, { status: 429, json: { errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' }, headers: { 'Retry-After': String(fault.retryAfterSeconds) } });
    }
    if (fault) return playFault(fault, req, res);

    const state = shop ? this.shops.get(shop) : undefined;
    if (!state) {
      if (this.behaviour.unknownShop === 'redirect') return send(res, { status: 302, headers: { Location: 'https://www.shopify.com/' }, html: '<a href="https://www.shopify.com/">Moved</a>' });
      return send(res, { status: 404, html: SHOP_NOT_FOUND_PAGE });
    }
    return send(res, this.admin(req, state, method, path.split('?')[0], body));
  }

  private admin(req: IncomingMessage, shop: ShopState, method: string, pathname: string, body: string): Answer {
    if (method === 'POST' && pathname === '/admin/oauth/access_token') return this.grant(req, shop, body);

    const version = /^\/admin\/api\/([^/]+)\/(.+)$/.exec(pathname);
    const scopesPath = pathname === '/admin/oauth/access_scopes.json';
    if (!version && !scopesPath) return { status: 404, json: { errors: 'Not Found' } };

    const header = req.headers['x-shopify-access-token'];
    const token = typeof header === 'string' ? this.tokens.get(header) : undefined;
    const valid = token && token.shop === shop.shop && (token.expiresAt === null || token.expiresAt > now());
    if (!valid) return { status: 401, json: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' } };
    if (shop.frozen) return { status: 402, json: { errors: 'Unavailable Shop' } };

    const taken = shop.bucket.take(now());
    const limitHeader = { 'X-Shopify-Shop-Api-Call-Limit': `${taken.used}/${shop.bucket.size}` };
    if (!taken.allowed) {
      return { status: 429, json: { errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' }, headers: { ...limitHeader, 'Retry-After': '1.0' } };
    }
    if (scopesPath) {
      if (method !== 'GET') return { status: 406, json: { errors: 'Not Acceptable' }, headers: limitHeader };
      return { status: 200, json: { access_scopes: token.scopes.map((handle) => ({ handle })) }, headers: limitHeader };
    }

    // An unsupported version is answered by the oldest supported one, and the header says so.
    const [, requested, resource] = version as RegExpExecArray;
    const versions = this.supportedVersions;
    const answered = versions.includes(requested) ? requested : versions[0];
    const headers = { ...limitHeader, 'X-Shopify-API-Version': answered };
    if (method !== 'GET') return { status: 406, json: { errors: 'Not Acceptable' }, headers };
    if (resource === 'shop.json') return { status: 200, json: shopJson(shop), headers };
    return { status: 404, json: { errors: 'Not Found' }, headers };
  }

  /** The client-credentials grant: form or JSON fields grant_type, client_id, client_secret. */
  private grant(req: IncomingMessage, shop: ShopState, body: string): Answer {
    const fields = parseGrantBody(req.headers['content-type'], body);
    if (fields.grant_type !== 'client_credentials') {
      return { status: 400, json: { error: 'unsupported_grant_type', error_description: 'The authorization grant type is not supported.' } };
    }
    const app = this.apps.get(`${shop.shop} ${fields.client_id ?? ''}`);
    if (!app || app.clientSecret !== fields.client_secret) {
      return { status: 401, json: { error: 'invalid_client', error_description: 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.' } };
    }
    const expiresIn = app.expiresInSeconds ?? 86399;
    const accessToken = `shpca_${randomBytes(16).toString('hex')}`;
    this.tokens.set(accessToken, { shop: shop.shop, scopes: [...app.scopes], expiresAt: now() + expiresIn * 1000, issued: true });
    this.grants.push({ shop: shop.shop, clientId: app.clientId, at: now(), accessToken });
    return { status: 200, json: { access_token: accessToken, scope: app.scopes.join(','), expires_in: expiresIn } };
  }
}

function parseGrantBody(contentType: string | undefined, body: string): Record<string, string | undefined> {
  if (/application\/json/i.test(contentType ?? '')) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed === 'object' && parsed !== null) return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
    } catch {
      return {};
    }
    return {};
  }
  return Object.fromEntries(new URLSearchParams(body));
}

function send(res: ServerResponse, answer: Answer): void {
  sendAnswer(res, { ...answer, text: answer.html }, { json: 'application/json; charset=utf-8', text: 'text/html; charset=utf-8' });
}

function redactSecret(body: string): string {
  return body.replace(/("client_secret"\s*:\s*")[^"]*(")/g, '$1[redacted]$2').replace(/(client_secret=)[^&]*/g, '$1[redacted]');
}
