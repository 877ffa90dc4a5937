import type { ConnectionOutcome } from '../../server/common/connection-outcome';
import { ApiVersion } from '../../server/common/api-version';
import {
  BigCommerceConnector,
  type BigCommerceConnectorOptions,
  type BigCommerceCredentials,
  type StoreApiCredentials,
} from '../../server/platforms/bigcommerce';
import type { FakeBigCommerce, FakeRequest, FakeScopeLevel, FakeScopeName, FakeStoreOptions } from '../fakes/bigcommerce';
import { FULL_SCOPES } from '../support/bigcommerce-scopes';
import { randomToken } from '../support/bigcommerce-migrating-store';
import { useFakeBigCommerce } from '../support/hooks';

/** Shared by the BigCommerce integration suites: real connector, real HTTP, the fake on 127.0.0.1. */

export { FULL_SCOPES, randomToken };

let storeCounter = 0;
/** A fresh store hash per test keeps tests independent of each other's quota and log. */
export function newStoreHash(): string {
  storeCounter += 1;
  return `s${Date.now().toString(36)}${storeCounter}`;
}

const openConnectors: BigCommerceConnector[] = [];

export function makeConnector(fake: FakeBigCommerce | null, options: Partial<BigCommerceConnectorOptions> = {}): BigCommerceConnector {
  const connector = new BigCommerceConnector({
    apiBaseUrl: fake?.url ?? 'https://api.bigcommerce.com',
    timeoutMs: 5000,
    allowPrivateTargets: true,
    userAgent: 'storelink-tests/0.1.0',
    ...options,
  });
  openConnectors.push(connector);
  return connector;
}

export async function closeConnectors(): Promise<void> {
  await Promise.all(openConnectors.splice(0).map((c) => c.close()));
}

/**
 * The fake of a connector suite: every test starts with it well-behaved, and the connectors
 * made with makeConnector are closed after the last test.
 */
export function useConnectorFake(): FakeBigCommerce {
  const fake = useFakeBigCommerce();
  beforeEach(() => fake.setBehaviour({}));
  afterAll(closeConnectors);
  return fake;
}

export interface CheckedRun {
  outcome: ConnectionOutcome;
  /** The requests the fake received during this test. */
  requests: FakeRequest[];
}

/**
 * Runs one connection test and checks what must hold for every test: at most 8 requests of
 * the store's quota, no write that could change the store, and no part of any secret in the
 * outcome.
 */
export async function runChecked(
  connector: BigCommerceConnector,
  fake: FakeBigCommerce,
  credentials: BigCommerceCredentials,
): Promise<CheckedRun> {
  const before = fake.requests.length;
  const outcome = await connector.testConnection(credentials);
  const requests = fake.requests.slice(before);
  expect(requests.length).toBeLessThanOrEqual(8);
  expect(fake.unsafeWrites).toEqual([]);
  expect(fake.dataChanges).toEqual([]);
  // Only updates of record 0, which cannot exist: nothing a store could create or change.
  for (const request of requests.filter((r) => r.method !== 'GET')) {
    expect(request.method).toBe('PUT');
    expect(`${apiPath(request)} ${request.body}`).toMatch(/^(\/v2\/orders\/0 \{\}|\/v3\/catalog\/products\/0 \{\}|\/v3\/customers \[\{"id":0\}\])$/);
  }
  expectNoSecretIn(outcome, credentials);
  return { outcome, requests };
}

export function expectNoSecretIn(outcome: ConnectionOutcome, credentials: BigCommerceCredentials): void {
  const secret = credentials.apiVersion === ApiVersion.LEGACY ? credentials.apiToken : credentials.accessToken;
  const serialised = JSON.stringify(outcome);
  // Any run of 6 characters of the secret counts as a leak, not only the whole of it.
  for (let i = 0; i + 6 <= secret.length; i++) {
    expect(serialised).not.toContain(secret.slice(i, i + 6));
  }
}

/** Path of a request without query, relative to the store API root: "/v2/store". */
export function apiPath(request: FakeRequest): string {
  return request.path.split('?')[0].replace(/^\/stores\/[^/]+/, '');
}

/** A new store on the fake with one token of the given scopes, and the credentials to test it. */
export function addScopedStore(
  fake: FakeBigCommerce,
  scopes: Partial<Record<FakeScopeName, FakeScopeLevel>> = FULL_SCOPES,
  store: Partial<FakeStoreOptions> = {},
): { hash: string; token: string; credentials: StoreApiCredentials } {
  const hash = newStoreHash();
  const token = randomToken();
  fake.addStore({ hash, name: 'Acme Outdoor', domain: 'acme.example', ...store });
  fake.addToken({ hash, token, scopes });
  return { hash, token, credentials: { apiVersion: ApiVersion.STORE_API_OAUTH, storeHash: hash, accessToken: token } };
}
