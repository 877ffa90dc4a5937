import { ConnectionStatus } from '../../server/common/connection-outcome';
import { ApiVersion } from '../../server/common/api-version';
import type { FakeScopeLevel, FakeScopeName } from '../fakes/bigcommerce';
import { FULL_SCOPES, addScopedStore, apiPath, makeConnector, randomToken, runChecked, useConnectorFake } from './bigcommerce-harness';

/**
 * A connection test cannot create or change data, even on a store that accepts writes with
 * an empty body (valid under the official spec's order_Post schema), and an answer that says
 * a write went through is an alarm, never a silent pass.
 */

const fake = useConnectorFake();

const LAX = { acceptsEmptyWrites: true } as const;

describe('a store that accepts empty writes', () => {
  it('is proven lax: the fake creates an order from `POST v2/orders {}`', async () => {
    const { hash, token } = addScopedStore(fake, FULL_SCOPES, LAX);
    const response = await fetch(`${fake.url}/stores/${hash}/v2/orders`, {
      method: 'POST',
      headers: { 'x-auth-token': token, accept: 'application/json', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(201);
    expect(fake.dataChanges).toEqual([expect.objectContaining({ storeHash: hash, action: 'created', resource: 'orders' })]);
    fake.reset();
  });

  const combinations: [string, Partial<Record<FakeScopeName, FakeScopeLevel>>][] = [
    ['every required scope', FULL_SCOPES],
    ['every scope at Modify', { customers: 'MODIFY', information: 'MODIFY', orders: 'MODIFY', transactions: 'MODIFY', products: 'MODIFY' }],
    ['read-only Orders and Products', { ...FULL_SCOPES, orders: 'READ_ONLY', products: 'READ_ONLY' }],
    ['no scopes at all', {}],
  ];
  it.each(combinations)('a Store API test with %s changes nothing', async (_title, scopes) => {
    const { credentials } = addScopedStore(fake, scopes, LAX);
    // runChecked asserts: no data change on the fake, no unsafe write, only updates of record 0.
    const { outcome, requests } = await runChecked(makeConnector(fake), fake, credentials);
    expect(outcome.status).not.toBe(ConnectionStatus.UPSTREAM_ERROR);
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    expect(fake.dataChanges).toEqual([]);
  });

  it('a Legacy API test changes nothing', async () => {
    const { hash } = addScopedStore(fake, FULL_SCOPES, LAX);
    const username = `legacy-${hash}`;
    const apiToken = randomToken(40);
    fake.addLegacyUser({ hash, username, apiToken });
    const { outcome } = await runChecked(makeConnector(fake), fake, { apiVersion: ApiVersion.LEGACY, apiUrl: fake.legacyApiUrl, username, apiToken });
    expect(outcome.status).toBe(ConnectionStatus.OK);
    expect(fake.dataChanges).toEqual([]);
  });
});

describe('a write probe answered 2xx', () => {
  it.each([
    ['Orders', '/v2/orders/0', 'PUT v2/orders/0'],
    ['Products', '/v3/catalog/products/0', 'PUT v3/catalog/products/0'],
    ['Customers (only a least-privilege check)', '/v3/customers', 'PUT v3/customers'],
  ])('%s: an alarm in the result, not a pass', async (_title, path, label) => {
    const { credentials } = addScopedStore(fake);
    fake.setBehaviour({ faults: [{ method: 'PUT', path, type: 'status', status: 200, body: '{"id":0}' }] });
    const { outcome } = await runChecked(makeConnector(fake), fake, credentials);

    expect(outcome.success).toBe(false);
    expect(outcome.status).toBe(ConnectionStatus.UPSTREAM_ERROR);
    expect(outcome.message).toContain(`BigCommerce answered 200 to ${label}`);
    expect(outcome.message).toMatch(/cannot rule out that the store changed something/);
  });
});

describe('answers storelink did not expect', () => {
  it('names the answer and the call, on the test and on the scope it kept from being checked', async () => {
    const { credentials } = addScopedStore(fake);
    fake.setBehaviour({ faults: [{ method: 'GET', path: '/v3/orders/0/transactions', type: 'status', status: 422, body: '{}' }] });
    const { outcome } = await runChecked(makeConnector(fake), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.UPSTREAM_ERROR);
    expect(outcome.message).toMatch(/^BigCommerce answered 422 to GET v3\/orders\/0\/transactions, which storelink did not expect/);
    const transactions = outcome.scopes.find((s) => s.scope === 'Order Transactions');
    expect(transactions).toMatchObject({ granted: null, verified: false, ok: false });
    expect(transactions?.message).toBe(
      'Not checked: BigCommerce answered 422 to GET v3/orders/0/transactions, which does not say whether the token has this scope.',
    );
    expect(outcome.scopes.filter((s) => s.message?.includes('test stopped before'))).toEqual([]);
  });

  it('says the call timed out, not that the test stopped, when one probe never answered', async () => {
    const { credentials } = addScopedStore(fake);
    fake.setBehaviour({ faults: [{ method: 'GET', path: '/v3/customers', type: 'hang' }] });
    const { outcome, requests } = await runChecked(makeConnector(fake, { timeoutMs: 800 }), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.TIMEOUT);
    expect(outcome.scopes.find((s) => s.scope === 'Customers')?.message).toBe(
      "Not checked: BigCommerce did not answer GET v3/customers before the test's time ran out.",
    );
    expect(requests.map((r) => `${r.method} ${apiPath(r)}`)).toContain('GET /v3/customers');
  });
});
