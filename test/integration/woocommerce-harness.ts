import { randomBytes } from 'node:crypto';
import type { ConnectionOutcome, ScopeCheckOutcome } from '../../server/common/connection-outcome';
import { ApiVersion } from '../../server/common/api-version';
import { WooCommerceConnector, type WooCommerceConnectorOptions, type WooCommerceCredentials } from '../../server/platforms/woocommerce';
import { FakeWooCommerce, type FakeKeyPermission, type FakeUserOptions, type FakeWooRequest } from '../fakes/woocommerce';

/** Shared by the WooCommerce integration suites: real connector, real HTTP, the fake on 127.0.0.1. */

/** Shaped like a real key half ("ck_"/"cs_" + 40 hex digits); random, so any leak is unmistakable. */
export function randomKeyHalf(prefix: 'ck_' | 'cs_'): string {
  return `${prefix}${randomBytes(20).toString('hex')}`;
}

let siteCounter = 0;
/** A fresh subfolder per test keeps tests independent of each other's log. */
export function newSitePath(): string {
  siteCounter += 1;
  return `/site-${Date.now().toString(36)}-${siteCounter}`;
}

export interface KeyedSite {
  path: string;
  credentials: WooCommerceCredentials;
}

/** A WordPress site with WooCommerce and one key (default: Read/Write, a Shop manager's). */
export function addKeyedSite(
  fake: FakeWooCommerce,
  options: { permission?: FakeKeyPermission; user?: FakeUserOptions; site?: { woocommerce?: boolean; wordpress?: boolean; permalinks?: 'pretty' | 'plain'; homeUrl?: string } } = {},
): KeyedSite {
  const path = newSitePath();
  fake.addSite({ path, name: 'Acme Outdoor', ...options.site });
  const consumerKey = randomKeyHalf('ck_');
  const consumerSecret = randomKeyHalf('cs_');
  fake.addKey({ site: path, consumerKey, consumerSecret, permission: options.permission ?? 'read_write', user: options.user ?? { login: 'manager', role: 'shop_manager' } });
  return { path, credentials: { apiVersion: ApiVersion.WOOCOMMERCE_REST, siteUrl: fake.siteUrl(path), consumerKey, consumerSecret } };
}

const openConnectors: WooCommerceConnector[] = [];

export function makeConnector(options: Partial<WooCommerceConnectorOptions> = {}): WooCommerceConnector {
  const connector = new WooCommerceConnector({ timeoutMs: 5000, allowPrivateTargets: true, userAgent: 'storelink-tests/0.1.0', ...options });
  openConnectors.push(connector);
  return connector;
}

export async function closeConnectors(): Promise<void> {
  await Promise.all(openConnectors.splice(0).map((c) => c.close()));
}

/**
 * The fake WooCommerce of a connector suite: listening on a free port before the first test,
 * reset before each, and stopped after the last once the suite's connectors are closed.
 */
export function useConnectorFake(): FakeWooCommerce {
  const fake = new FakeWooCommerce();
  beforeAll(() => fake.listen(0));
  beforeEach(() => fake.reset());
  afterAll(async () => {
    await closeConnectors();
    await fake.stop();
  });
  return fake;
}

export interface CheckedRun {
  outcome: ConnectionOutcome;
  requests: FakeWooRequest[];
}

/**
 * Runs one test and checks what must hold for every test: within the request budget, nothing
 * written (the fake changed no data, and no write could have changed a real shop), the key
 * only ever in the Authorization header, and no part of the secret in the outcome.
 */
export async function runChecked(connector: WooCommerceConnector, fake: FakeWooCommerce, credentials: WooCommerceCredentials): Promise<CheckedRun> {
  const before = fake.requests.length;
  const outcome = await connector.testConnection(credentials);
  const requests = fake.requests.slice(before);
  expect(requests.length).toBeLessThanOrEqual(connector.requestBudget);
  expect(fake.writes).toEqual([]);
  expect(fake.unsafeWrites).toEqual([]);
  for (const request of requests) {
    expect(request.credentialsInQuery).toBe(false);
    expect(request.path).not.toMatch(/consumer_(key|secret)/);
    expect(request.headers.authorization).toBe('[redacted]');
  }
  for (const request of requests.filter((r) => r.method !== 'GET')) expect(`${request.method} ${routeOf(request)} ${request.body}`).toBe('PUT /wc/v3/orders/0 {}');
  const text = JSON.stringify(outcome);
  expect(text).not.toContain(credentials.consumerSecret);
  expect(text).not.toContain(credentials.consumerSecret.slice(3, 15));
  return { outcome, requests };
}

/** "/wc/v3/orders" from either address form. */
export function routeOf(request: FakeWooRequest): string {
  const url = new URL(request.path, 'http://x');
  return url.searchParams.get('rest_route') ?? url.pathname.replace(/^.*\/wp-json/, '');
}

export function row(scopes: ScopeCheckOutcome[], name: string): ScopeCheckOutcome {
  const found = scopes.find((s) => s.scope === name);
  if (!found) throw new Error(`no scope row ${name}`);
  return found;
}
