import { ConnectionStatus, ScopeLevel, type ScopeCheckOutcome } from '../../server/common/connection-outcome';
import { ApiVersion } from '../../server/common/api-version';
import type { FakeScopeLevel, FakeScopeName } from '../fakes/bigcommerce';
import { FULL_SCOPES, addScopedStore, apiPath, makeConnector, newStoreHash, randomToken, runChecked, useConnectorFake } from './bigcommerce-harness';

/** Store API (OAuth) connection tests over real HTTP against the fake: statuses, scopes, cost. */

const fake = useConnectorFake();

const scope = (scopes: ScopeCheckOutcome[], name: string): ScopeCheckOutcome => {
  const found = scopes.find((s) => s.scope === name);
  if (!found) throw new Error(`no scope check for ${name}`);
  return found;
};

describe('a fully scoped Store API token', () => {
  it('is OK, names the store, and reports every scope as the control panel names it', async () => {
    const { credentials } = addScopedStore(fake);
    // Every answer of the fake takes 40 ms: a floor the reported duration must reach.
    fake.setBehaviour({ latencyMs: 40 });
    const started = performance.now();
    const { outcome } = await runChecked(makeConnector(fake), fake, credentials);
    const waited = performance.now() - started;

    expect(outcome).toMatchObject({
      success: true,
      status: ConnectionStatus.OK,
      apiVersion: ApiVersion.STORE_API_OAUTH,
      storeName: 'Acme Outdoor',
      storeDomain: 'acme.example',
    });
    expect(outcome.message).toContain('Acme Outdoor');
    expect(outcome.testedAt).toBeInstanceOf(Date);
    // The duration is the test's own: at least one answer of the fake, at most what the caller waited.
    expect(outcome.durationMs).toBeGreaterThanOrEqual(40);
    expect(outcome.durationMs).toBeLessThanOrEqual(Math.ceil(waited));
    expect(outcome.scopes).toEqual([
      { scope: 'Customers', apiName: 'store_v2_customers_read_only', required: 'READ_ONLY', granted: 'READ_ONLY', verified: true, ok: true, message: null },
      {
        scope: 'Information & Settings',
        apiName: 'store_v2_information_read_only',
        required: 'READ_ONLY',
        granted: null,
        verified: true,
        ok: true,
        message: expect.stringMatching(/Read access confirmed/),
      },
      { scope: 'Orders', apiName: 'store_v2_orders', required: 'MODIFY', granted: 'MODIFY', verified: true, ok: true, message: null },
      {
        scope: 'Order Transactions',
        apiName: 'store_v2_transactions',
        required: 'MODIFY',
        granted: null,
        verified: false,
        ok: true,
        message: expect.stringMatching(/confirm in the control panel that Order Transactions is set to Modify/),
      },
      { scope: 'Products', apiName: 'store_v2_products', required: 'MODIFY', granted: 'MODIFY', verified: true, ok: true, message: null },
    ]);
    // The one thing that cannot be probed is handed to the admin, not silently passed.
    expect(outcome.warnings).toEqual([expect.stringMatching(/Order Transactions.*Modify.*control panel|control panel.*Order Transactions.*Modify/)]);
  });

  it('costs six requests, sent with the headers the official spec requires', async () => {
    const { credentials, hash } = addScopedStore(fake);
    const { requests } = await runChecked(makeConnector(fake), fake, credentials);

    expect(requests.map((r) => `${r.method} ${apiPath(r)}`).sort()).toEqual(
      ['GET /v2/store', 'GET /v3/customers', 'PUT /v3/customers', 'PUT /v2/orders/0', 'GET /v3/orders/0/transactions', 'PUT /v3/catalog/products/0'].sort(),
    );
    for (const request of requests) {
      expect(request.path.startsWith(`/stores/${hash}/`)).toBe(true);
      expect(request.headers['x-auth-token']).toBe('[redacted]');
      expect(request.authenticated).toBe(true);
      expect(request.headers.accept).toBe('application/json');
      expect(request.headers['user-agent']).toBe('storelink-tests/0.1.0');
      expect(request.headers.authorization).toBeUndefined();
      // The spec marks Content-Type required on GETs too, and BigCommerce's examples send it.
      expect(request.headers['content-type']).toBe('application/json');
      if (request.method === 'GET') expect(request.body).toBe('');
    }
  });

  it('sends all probes at once: with 300 ms latency they all arrive within a few milliseconds of each other', async () => {
    const { credentials } = addScopedStore(fake);
    fake.setBehaviour({ latencyMs: 300 });
    const { outcome, requests } = await runChecked(makeConnector(fake), fake, credentials);

    expect(outcome.status).toBe(ConnectionStatus.OK);
    expect(requests).toHaveLength(6);
    const arrivals = requests.map((r) => r.receivedAt);
    // One after another, each would arrive at least 300 ms after the previous one had been answered.
    expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeLessThan(100);
    const firstAnswer = Math.min(...requests.map((r) => r.respondedAt ?? Infinity));
    expect(Math.max(...arrivals)).toBeLessThan(firstAnswer);
  });

  it('treats 204 No Content on an empty list as success', async () => {
    const { credentials } = addScopedStore(fake, FULL_SCOPES, { emptyLists: true });
    const { outcome, requests } = await runChecked(makeConnector(fake), fake, credentials);

    const customers = requests.find((r) => r.method === 'GET' && apiPath(r) === '/v3/customers');
    expect(customers?.status).toBe(204);
    expect(outcome.status).toBe(ConnectionStatus.OK);
    expect(scope(outcome.scopes, 'Customers')).toMatchObject({ granted: 'READ_ONLY', ok: true });
  });
});

describe('scope combinations', () => {
  type Case = {
    title: string;
    scopes: Partial<Record<FakeScopeName, FakeScopeLevel>>;
    status: ConnectionStatus;
    granted: Record<string, ScopeLevel | null>;
    inMessage: RegExp[];
    requests: number;
  };
  const withFull = (changes: Partial<Record<FakeScopeName, FakeScopeLevel>>) => ({ ...FULL_SCOPES, ...changes });
  const cases: Case[] = [
    {
      title: 'Orders read-only',
      scopes: withFull({ orders: 'READ_ONLY' }),
      status: ConnectionStatus.MISSING_SCOPES,
      granted: { Orders: ScopeLevel.READ_ONLY, Products: ScopeLevel.MODIFY },
      inMessage: [/Orders needs Modify \(granted: Read-only\)/],
      requests: 7,
    },
    {
      title: 'Products none',
      scopes: withFull({ products: 'NONE' }),
      status: ConnectionStatus.MISSING_SCOPES,
      granted: { Products: ScopeLevel.NONE, Orders: ScopeLevel.MODIFY },
      inMessage: [/Products needs Modify \(granted: None\)/],
      requests: 7,
    },
    {
      title: 'Orders none and Products read-only',
      scopes: withFull({ orders: 'NONE', products: 'READ_ONLY' }),
      status: ConnectionStatus.MISSING_SCOPES,
      granted: { Orders: ScopeLevel.NONE, Products: ScopeLevel.READ_ONLY },
      inMessage: [/Orders needs Modify \(granted: None\)/, /Products needs Modify \(granted: Read-only\)/],
      requests: 8,
    },
    {
      title: 'Customers none',
      scopes: withFull({ customers: 'NONE' }),
      status: ConnectionStatus.MISSING_SCOPES,
      granted: { Customers: ScopeLevel.NONE },
      inMessage: [/Customers needs Read-only \(granted: None\)/],
      requests: 6,
    },
    {
      title: 'Information & Settings none',
      scopes: withFull({ information: 'NONE' }),
      status: ConnectionStatus.MISSING_SCOPES,
      granted: { 'Information & Settings': ScopeLevel.NONE },
      inMessage: [/Information & Settings needs Read-only \(granted: None\)/],
      requests: 6,
    },
    {
      title: 'Order Transactions none',
      scopes: withFull({ transactions: 'NONE' }),
      status: ConnectionStatus.MISSING_SCOPES,
      granted: { 'Order Transactions': ScopeLevel.NONE },
      inMessage: [/Order Transactions needs Modify \(granted: None\)/],
      requests: 6,
    },
    {
      title: 'no scope at all',
      scopes: {},
      status: ConnectionStatus.MISSING_SCOPES,
      granted: {
        Customers: ScopeLevel.NONE,
        'Information & Settings': ScopeLevel.NONE,
        Orders: ScopeLevel.NONE,
        'Order Transactions': ScopeLevel.NONE,
        Products: ScopeLevel.NONE,
      },
      // Every scope None is also what a token for another store's API path looks like.
      inMessage: [/Customers needs Read-only/, /Products needs Modify/, /check that the API path/],
      requests: 8,
    },
    {
      title: 'Customers modify (broader than needed)',
      scopes: withFull({ customers: 'MODIFY' }),
      status: ConnectionStatus.OK,
      granted: { Customers: ScopeLevel.MODIFY },
      inMessage: [/Connected/],
      requests: 6,
    },
  ];

  it.each(cases)('$title → $status', async ({ scopes, status, granted, inMessage, requests: expectedRequests }) => {
    const { credentials } = addScopedStore(fake, scopes);
    const { outcome, requests } = await runChecked(makeConnector(fake), fake, credentials);

    expect(outcome.status).toBe(status);
    expect(outcome.success).toBe(status === ConnectionStatus.OK);
    for (const [name, level] of Object.entries(granted)) expect(scope(outcome.scopes, name).granted).toBe(level);
    for (const pattern of inMessage) expect(outcome.message).toMatch(pattern);
    expect(requests).toHaveLength(expectedRequests);
    if (status === ConnectionStatus.MISSING_SCOPES) {
      // The way out: scopes are fixed at creation, so a new API account is the only fix.
      expect(outcome.message).toMatch(/cannot be changed/);
      expect(outcome.message).toMatch(/create a new one/);
      expect(outcome.message).toContain('"V2/V3 API token"');
      for (const check of outcome.scopes.filter((s) => !s.ok)) expect(check.message).toMatch(/Needs (Modify|Read-only)/);
    }
  });

  it('names only the missing scopes in the message', async () => {
    const { credentials } = addScopedStore(fake, { ...FULL_SCOPES, orders: 'READ_ONLY' });
    const { outcome } = await runChecked(makeConnector(fake), fake, credentials);
    expect(outcome.message).not.toMatch(/Products needs|Customers needs|Information & Settings needs/);
  });

  it('warns about least privilege when Customers is Modify, naming the scope and the level needed', async () => {
    const { credentials } = addScopedStore(fake, { ...FULL_SCOPES, customers: 'MODIFY' });
    const { outcome } = await runChecked(makeConnector(fake), fake, credentials);

    expect(scope(outcome.scopes, 'Customers')).toMatchObject({ granted: 'MODIFY', ok: true, verified: true });
    const leastPrivilege = outcome.warnings.filter((w) => /least privilege/.test(w));
    expect(leastPrivilege).toHaveLength(1);
    expect(leastPrivilege[0]).toMatch(/Customers set to Modify/);
    expect(leastPrivilege[0]).toMatch(/only Read-only/);
  });

  it('gives no least-privilege warning for a read-only Customers scope', async () => {
    const { credentials } = addScopedStore(fake);
    const { outcome } = await runChecked(makeConnector(fake), fake, credentials);
    expect(outcome.warnings.some((w) => /least privilege/.test(w))).toBe(false);
  });

  it('cannot see Information & Settings Modify (no safe probe) and so says nothing about it', async () => {
    const { credentials } = addScopedStore(fake, { ...FULL_SCOPES, information: 'MODIFY' });
    const { outcome } = await runChecked(makeConnector(fake), fake, credentials);
    expect(outcome.status).toBe(ConnectionStatus.OK);
    expect(scope(outcome.scopes, 'Information & Settings')).toMatchObject({ granted: null, ok: true });
    expect(outcome.warnings.some((w) => /least privilege/.test(w))).toBe(false);
  });

  it('passes Order Transactions read-only as unverified, asking the admin to confirm Modify', async () => {
    // Honest limit: no side-effect-free call tells Read-only from Modify here.
    const { credentials } = addScopedStore(fake, { ...FULL_SCOPES, transactions: 'READ_ONLY' });
    const { outcome } = await runChecked(makeConnector(fake), fake, credentials);
    expect(outcome.status).toBe(ConnectionStatus.OK);
    expect(scope(outcome.scopes, 'Order Transactions')).toMatchObject({ granted: null, verified: false, ok: true });
    expect(outcome.warnings.join(' ')).toMatch(/confirm .*Order Transactions set to Modify/);
  });
});

describe('credentials and store that BigCommerce refuses', () => {
  it('an unknown access token → INVALID_CREDENTIALS naming the access token', async () => {
    const { hash } = addScopedStore(fake);
    const credentials = { apiVersion: ApiVersion.STORE_API_OAUTH, storeHash: hash, accessToken: randomToken() } as const;
    const { outcome, requests } = await runChecked(makeConnector(fake), fake, credentials);

    expect(requests.every((r) => r.status === 401)).toBe(true);
    expect(outcome).toMatchObject({ success: false, status: ConnectionStatus.INVALID_CREDENTIALS, scopes: [], storeName: null });
    expect(outcome.message).toMatch(/access token/i);
    expect(outcome.message).not.toMatch(/\b401\b/);
  });

  it("another store's token → INVALID_CREDENTIALS", async () => {
    const { token } = addScopedStore(fake);
    const { hash: otherHash } = addScopedStore(fake);
    const credentials = { apiVersion: ApiVersion.STORE_API_OAUTH, storeHash: otherHash, accessToken: token } as const;
    const { outcome } = await runChecked(makeConnector(fake), fake, credentials);
    expect(outcome.status).toBe(ConnectionStatus.INVALID_CREDENTIALS);
  });

  it('an unknown store hash (HTML 404 from the edge) → STORE_NOT_FOUND naming the API path', async () => {
    const hash = newStoreHash();
    const credentials = { apiVersion: ApiVersion.STORE_API_OAUTH, storeHash: hash, accessToken: randomToken() } as const;
    const { outcome, requests } = await runChecked(makeConnector(fake), fake, credentials);

    const storeProbe = requests.find((r) => apiPath(r) === '/v2/store');
    expect(storeProbe?.status).toBe(404);
    expect(outcome).toMatchObject({ success: false, status: ConnectionStatus.STORE_NOT_FOUND, scopes: [] });
    expect(outcome.message).toContain('API path');
    expect(outcome.message).toContain(`"stores/${hash}"`);
  });

  it('a malformed store hash is refused without contacting BigCommerce', async () => {
    const before = fake.requests.length;
    const outcome = await makeConnector(fake).testConnection({ apiVersion: ApiVersion.STORE_API_OAUTH, storeHash: '../admin', accessToken: randomToken() });
    expect(outcome.status).toBe(ConnectionStatus.STORE_NOT_FOUND);
    expect(outcome.message).toMatch(/stores\/abcd1234/);
    expect(fake.requests.length).toBe(before);
  });

  it.each([[''], ['   '], ['abc def'], ['tok\r\nX-Injected: 1']])('an access token like %j is refused without contacting BigCommerce', async (token) => {
    const { hash } = addScopedStore(fake);
    const before = fake.requests.length;
    const outcome = await makeConnector(fake).testConnection({ apiVersion: ApiVersion.STORE_API_OAUTH, storeHash: hash, accessToken: token });
    expect(outcome.status).toBe(ConnectionStatus.INVALID_CREDENTIALS);
    expect(outcome.message).toMatch(/access token/i);
    expect(fake.requests.length).toBe(before);
  });
});
