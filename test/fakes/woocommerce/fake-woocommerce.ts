import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultList, playFault } from '../bigcommerce/faults';
import { sendAnswer } from '../shared/answer';
import { FakeHttpServer, now } from '../shared/fake-http-server';
import { parseBasic, readBody, redactedHeaders } from '../shared/http';
import { logRequest, simulateLatency } from '../shared/request-log';
import { ROLE_CAPABILITIES } from './capabilities';
import { NO_ROUTE, htmlPage, restError, type FakeResponse } from './responses';
import type { FakeKeyOptions, FakeKeyPermission, FakeSiteOptions, FakeWooCommerceBehaviour, FakeWooRequest, FakeWooWrite } from './types';
import { answerWcRoute, type SiteData } from './wc-routes';

const MAX_REQUEST_BODY = 1024 * 1024;
const SECRET_HEADERS: ReadonlySet<string> = new Set(['authorization']);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface SiteState extends SiteData {
  /** homeUrl was given: keep it rather than the fake's own address. */
  fixedHomeUrl: boolean;
  wordpress: boolean;
  woocommerce: boolean;
  permalinks: 'pretty' | 'plain';
}

interface KeyState {
  site: string;
  consumerSecret: string;
  permission: FakeKeyPermission;
  login: string;
  capabilities: ReadonlySet<string>;
}

/**
 * The fake plays HTTPS sites: WooCommerce honours Basic auth only over HTTPS, and storelink
 * reaches this plain-HTTP fake only with OUTBOUND_ALLOW_PRIVATE, so every request is treated
 * as if it had arrived encrypted. fake.url is e.g. "http://127.0.0.1:4012".
 */
export class FakeWooCommerce extends FakeHttpServer {
  /** Every request received, in arrival order. */
  readonly requests: FakeWooRequest[] = [];
  /** Every change the fake made to a site's data. A connection test must leave this empty. */
  readonly writes: FakeWooWrite[] = [];
  /**
   * Writes that could have changed a real shop, whatever this fake answered: every write
   * except an update of record 0 (which never exists) with `{}`.
   */
  readonly unsafeWrites: FakeWooRequest[] = [];

  private readonly sites = new Map<string, SiteState>();
  private readonly keys = new Map<string, KeyState>();
  private readonly faults = new FaultList();
  private latencyMs = 0;

  /** The site URL a merchant would enter for the site at `path`. */
  siteUrl(path: string): string {
    return `${this.url}${path}`;
  }

  addSite(options: FakeSiteOptions): void {
    const path = options.path.replace(/\/+$/, '');
    if (path !== '' && !/^(\/[a-z0-9-]+)+$/.test(path)) throw new Error(`site path must be "" or like "/shop": ${options.path}`);
    if (this.sites.has(path)) throw new Error(`site ${path || '/'} already exists`);
    this.sites.set(path, {
      path,
      name: options.name ?? `Site ${path || '/'}`,
      homeUrl: options.homeUrl ?? '',
      fixedHomeUrl: options.homeUrl !== undefined,
      records: { orders: [101, 102], products: [7], customers: [3] },
      wordpress: options.wordpress ?? true,
      woocommerce: options.woocommerce ?? true,
      permalinks: options.permalinks ?? 'pretty',
    });
  }

  addKey(options: FakeKeyOptions): void {
    const site = this.sites.get(options.site.replace(/\/+$/, ''));
    if (!site) throw new Error(`unknown site ${options.site}: addSite first`);
    if (this.keys.has(options.consumerKey)) throw new Error('consumer key already registered');
    this.keys.set(options.consumerKey, {
      site: site.path,
      consumerSecret: options.consumerSecret,
      permission: options.permission,
      login: options.user.login,
      capabilities: new Set(options.user.capabilities ?? ROLE_CAPABILITIES[options.user.role ?? 'shop_manager']),
    });
  }

  /** Changes a key's permission, as editing it in WooCommerce does (key and secret stay the same). */
  setKeyPermission(consumerKey: string, permission: FakeKeyPermission): void {
    const key = this.keys.get(consumerKey);
    if (!key) throw new Error('unknown consumer key');
    key.permission = permission;
  }

  /** Replaces the current behaviour; setBehaviour({}) makes the fake well-behaved again. */
  setBehaviour(behaviour: FakeWooCommerceBehaviour): void {
    this.latencyMs = behaviour.latencyMs ?? 0;
    this.faults.replace(behaviour.faults);
  }

  /** Clears behaviour and logs; sites and keys stay. */
  reset(): void {
    this.setBehaviour({});
    this.requests.length = 0;
    this.writes.length = 0;
    this.unsafeWrites.length = 0;
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = now();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const body = await readBody(req, MAX_REQUEST_BODY).catch(() => null);
    const entry: FakeWooRequest = {
      method,
      path: redactedPath(url),
      headers: redactedHeaders(req, SECRET_HEADERS),
      body: body ?? '',
      credentialsInQuery: url.searchParams.has('consumer_key') || url.searchParams.has('consumer_secret'),
      site: null,
      user: null,
      status: null,
      receivedAt,
      respondedAt: null,
    };
    logRequest(this.requests, entry, res);
    if (WRITE_METHODS.has(method) && !(/\/orders\/0$|\/products\/0$|\/customers\/0$/.test(restRouteOf(url) ?? url.pathname) && (body ?? '') === '{}')) {
      this.unsafeWrites.push(entry);
    }
    if (body === null) return send(res, { status: 413, html: 'Request body too large' });

    await simulateLatency(this.latencyMs);
    const fault = this.faults.take(method, `${url.pathname}${url.search}`);
    if (fault) return playFault(fault, req, res);
    send(res, this.answer(req, entry, url, body));
  }

  private answer(req: IncomingMessage, entry: FakeWooRequest, url: URL, body: string): FakeResponse {
    const site = this.siteFor(url.pathname);
    if (!site) return htmlPage(404, 'Not Found');
    entry.site = site.path;
    if (!site.fixedHomeUrl) site.homeUrl = `${this.url}${site.path}`;
    const rest = url.pathname.slice(site.path.length) || '/';
    if (!site.wordpress) return rest === '/' ? htmlPage(200, site.name) : htmlPage(404, 'Not Found');

    let route: string | null = null;
    if (site.permalinks === 'pretty' && /^\/wp-json(\/|$)/.test(rest)) route = rest.slice('/wp-json'.length) || '/';
    else if ((rest === '/' || rest === '/index.php') && url.searchParams.has('rest_route')) route = url.searchParams.get('rest_route') || '/';
    // Plain permalinks: /wp-json/ is just another missing page, served by the theme.
    if (route === null) return rest === '/' ? htmlPage(200, site.name) : htmlPage(404, `Page not found – ${site.name}`);

    if (route === '/' || route === '') {
      return { status: 200, json: { name: site.name, url: site.homeUrl, home: site.homeUrl, namespaces: ['wp/v2', ...(site.woocommerce ? ['wc/v3'] : [])] } };
    }
    const wc = /^\/wc\/v3(?:\/(.*?))?\/?$/.exec(route);
    if (!site.woocommerce || !wc) return NO_ROUTE;
    return this.wooCommerce(req, entry, site, url, body, method(entry), wc[1] ?? '');
  }

  /** WooCommerce's authentication, then the key's permission (before any route runs), then the route. */
  private wooCommerce(req: IncomingMessage, entry: FakeWooRequest, site: SiteState, url: URL, body: string, httpMethod: string, route: string): FakeResponse {
    const credentials = parseBasic(req.headers.authorization) ?? queryCredentials(url);
    const key = credentials ? this.keys.get(credentials.username) : undefined;
    let can: ((capability: string) => boolean) | null = null;
    if (key && key.site === site.path && credentials) {
      if (key.consumerSecret !== credentials.password) return restError(401, 'woocommerce_rest_authentication_error', 'Consumer secret is invalid.');
      const writing = WRITE_METHODS.has(httpMethod);
      if (writing && key.permission === 'read') return restError(401, 'woocommerce_rest_authentication_error', 'The API key provided does not have write permissions.');
      if (!writing && key.permission === 'write') return restError(401, 'woocommerce_rest_authentication_error', 'The API key provided does not have read permissions.');
      entry.user = key.login;
      can = (capability) => key.capabilities.has(capability);
    }
    // An unknown key sets no error: the request goes on as an anonymous visitor.
    return answerWcRoute({
      method: httpMethod,
      route,
      query: url.searchParams,
      body,
      can,
      site,
      recordWrite: (write) => this.writes.push({ site: site.path, method: httpMethod, path: entry.path, ...write }),
    });
  }

  /** The site with the longest path that is a prefix of this request's path. */
  private siteFor(pathname: string): SiteState | undefined {
    let best: SiteState | undefined;
    for (const site of this.sites.values()) {
      const inside = site.path === '' || pathname === site.path || pathname.startsWith(`${site.path}/`);
      if (inside && (best === undefined || site.path.length > best.path.length)) best = site;
    }
    return best;
  }
}

function method(entry: FakeWooRequest): string {
  return entry.method.toUpperCase();
}

function restRouteOf(url: URL): string | null {
  return url.searchParams.get('rest_route');
}

function send(res: ServerResponse, response: FakeResponse): void {
  sendAnswer(res, { ...response, text: response.html }, { json: 'application/json; charset=UTF-8', text: 'text/html; charset=UTF-8' });
}

function redactedPath(url: URL): string {
  const query = new URLSearchParams(url.searchParams);
  for (const name of ['consumer_key', 'consumer_secret']) if (query.has(name)) query.set(name, '[redacted]');
  const search = query.toString();
  return `${url.pathname}${search ? `?${search}` : ''}`;
}


/** WooCommerce also takes the key as query parameters over HTTPS (which is why they end up in server logs). */
function queryCredentials(url: URL): { username: string; password: string } | null {
  const username = url.searchParams.get('consumer_key');
  const password = url.searchParams.get('consumer_secret');
  return username !== null && password !== null ? { username, password } : null;
}
