import { ApiVersion } from '../../server/common/api-version';
import { ConnectionStatus, ScopeLevel } from '../../server/common/connection-outcome';
import { legacyOutcome, storeApiOutcome, type ProbeResults } from '../../server/platforms/bigcommerce/classify';
import type { TestedTarget } from '../../server/platforms/bigcommerce/messages';
import { READ_FALLBACKS, STORE_API_PROBES, type Probe, type ProbeId } from '../../server/platforms/bigcommerce/probes';
import type { Verdict } from '../../server/platforms/bigcommerce/verdicts';

/**
 * From the probes' verdicts to what an admin sees: the status, the one-sentence message and
 * a row per required scope. (The connector suites run the same paths over HTTP; these pin
 * each decision on its own.)
 */

const TARGET: TestedTarget = { apiVersion: ApiVersion.STORE_API_OAUTH, apiPath: 'https://api.bigcommerce.com/stores/abc123/v3/' };
const LEGACY: TestedTarget = { apiVersion: ApiVersion.LEGACY, apiUrl: 'https://store-abc123.mybigcommerce.com/api/v2/' };
const TIMEOUT_MS = 10_000;
const PROBES: Probe[] = [...STORE_API_PROBES, ...Object.values(READ_FALLBACKS)];

const pass: Verdict = { kind: 'passed', store: null };
const denied: Verdict = { kind: 'denied' };
const STORE: Verdict = { kind: 'passed', store: { name: 'Acme Outdoor', domain: 'acme.example' } };

/** A Store API token with Customers Read-only, Information Read-only and Modify on the rest: what storelink asks for. */
const FULLY_SCOPED: Partial<Record<ProbeId, Verdict>> = {
  store: STORE,
  customers: pass,
  customersWrite: denied,
  ordersWrite: pass,
  transactions: pass,
  productsWrite: pass,
};

function results(verdicts: Partial<Record<ProbeId, Verdict>>): ProbeResults {
  const map: ProbeResults = new Map();
  for (const [id, verdict] of Object.entries(verdicts) as Array<[ProbeId, Verdict]>) map.set(id, { probe: PROBES.find((p) => p.id === id)!, verdict });
  return map;
}
const row = (outcome: ReturnType<typeof storeApiOutcome>, scope: string) => outcome.scopes.find((s) => s.scope === scope);

describe('Store API outcomes', () => {
  test('the scopes storelink asks for: OK, naming the store, a row per scope, and a warning to confirm what cannot be probed', () => {
    const outcome = storeApiOutcome(results(FULLY_SCOPED), TARGET, TIMEOUT_MS);
    expect(outcome).toMatchObject({ success: true, status: ConnectionStatus.OK, storeName: 'Acme Outdoor', storeDomain: 'acme.example', apiVersion: ApiVersion.STORE_API_OAUTH });
    expect(outcome.message).toContain('Acme Outdoor');
    expect(outcome.scopes.map((s) => [s.scope, s.required, s.granted, s.verified, s.ok])).toEqual([
      ['Customers', ScopeLevel.READ_ONLY, ScopeLevel.READ_ONLY, true, true],
      ['Information & Settings', ScopeLevel.READ_ONLY, null, true, true],
      ['Orders', ScopeLevel.MODIFY, ScopeLevel.MODIFY, true, true],
      ['Order Transactions', ScopeLevel.MODIFY, null, false, true],
      ['Products', ScopeLevel.MODIFY, ScopeLevel.MODIFY, true, true],
    ]);
    expect(row(outcome, 'Order Transactions')!.message).toMatch(/cannot be checked without changing data/);
    expect(outcome.warnings).toEqual([expect.stringMatching(/cannot check Order Transactions Modify access without changing data/)]);
  });

  test('Orders only Read-only: MISSING_SCOPES, the row says what is granted and the message names the scope and the fix', () => {
    const outcome = storeApiOutcome(results({ ...FULLY_SCOPED, ordersWrite: denied, ordersRead: pass }), TARGET, TIMEOUT_MS);
    expect(outcome.success).toBe(false);
    expect(outcome.status).toBe(ConnectionStatus.MISSING_SCOPES);
    expect(row(outcome, 'Orders')).toMatchObject({ granted: ScopeLevel.READ_ONLY, verified: true, ok: false, message: 'Needs Modify, but the token has only Read-only.' });
    expect(outcome.message).toMatch(/missing scopes: Orders needs Modify \(granted: Read-only\);.*create a new one/);
    expect(outcome.message).not.toMatch(/every scope shows None/);
  });

  test('a refused write whose read fallback was not answered: below Modify, Read-only unknown', () => {
    const outcome = storeApiOutcome(results({ ...FULLY_SCOPED, productsWrite: denied }), TARGET, TIMEOUT_MS);
    expect(outcome.status).toBe(ConnectionStatus.MISSING_SCOPES);
    expect(row(outcome, 'Products')).toMatchObject({ granted: null, verified: true, ok: false, message: expect.stringMatching(/whether it has Read-only could not be checked/) });
    expect(outcome.message).toMatch(/Products needs Modify \(granted: less than Modify\)/);
  });

  test('every scope None: the message also suggests the API path belongs to another account', () => {
    const none = { store: STORE, customers: denied, customersWrite: denied, ordersWrite: denied, ordersRead: denied, transactions: denied, productsWrite: denied, productsRead: denied };
    const outcome = storeApiOutcome(results(none), TARGET, TIMEOUT_MS);
    expect(outcome.status).toBe(ConnectionStatus.MISSING_SCOPES);
    // Information & Settings is proven by the store probe itself, so not every scope is None here...
    expect(outcome.message).not.toMatch(/every scope shows None/);
    expect(row(outcome, 'Customers')).toMatchObject({ granted: ScopeLevel.NONE, ok: false, message: 'Needs Read-only, but the token has no access (None).' });
  });

  test('a token broader than needed passes, with a least-privilege warning', () => {
    const outcome = storeApiOutcome(results({ ...FULLY_SCOPED, customersWrite: pass }), TARGET, TIMEOUT_MS);
    expect(outcome.status).toBe(ConnectionStatus.OK);
    expect(row(outcome, 'Customers')).toMatchObject({ granted: ScopeLevel.MODIFY, ok: true, message: 'Granted Modify, but Read-only is enough.' });
    expect(outcome.warnings).toContainEqual(expect.stringMatching(/Customers set to Modify, but storelink needs only Read-only/));
  });

  test('wrong credentials or a wrong store: no scope rows, since no scope answer means anything', () => {
    const unauthorized = storeApiOutcome(results({ ...FULLY_SCOPED, store: { kind: 'unauthorized' }, customers: { kind: 'unauthorized' } }), TARGET, TIMEOUT_MS);
    expect(unauthorized).toMatchObject({ success: false, status: ConnectionStatus.INVALID_CREDENTIALS, scopes: [], warnings: [] });
    const notFound = storeApiOutcome(results({ store: { kind: 'not-found' } }), TARGET, TIMEOUT_MS);
    expect(notFound).toMatchObject({ success: false, status: ConnectionStatus.STORE_NOT_FOUND, scopes: [], storeName: null });
  });

  test('the failure that explains most wins: credentials before a timeout, a rate limit before a server error', () => {
    const timeout: Verdict = { kind: 'transport', failure: 'timeout' };
    expect(storeApiOutcome(results({ ...FULLY_SCOPED, store: { kind: 'unauthorized' }, transactions: timeout }), TARGET, TIMEOUT_MS).status).toBe(ConnectionStatus.INVALID_CREDENTIALS);
    const limited = storeApiOutcome(results({ ...FULLY_SCOPED, customers: { kind: 'server-error', status: 502 }, transactions: { kind: 'rate-limited', waitMs: 1500 } }), TARGET, TIMEOUT_MS);
    expect(limited.status).toBe(ConnectionStatus.RATE_LIMITED);
    expect(limited.message).toMatch(/try again in about 2 seconds/);
  });

  test('a timeout names the deadline, and the scope it left unchecked says so', () => {
    const outcome = storeApiOutcome(results({ ...FULLY_SCOPED, transactions: { kind: 'transport', failure: 'timeout' } }), TARGET, 2500);
    expect(outcome).toMatchObject({ success: false, status: ConnectionStatus.TIMEOUT, storeName: 'Acme Outdoor' });
    expect(outcome.message).toMatch(/did not answer within 2\.5 seconds/);
    expect(row(outcome, 'Order Transactions')).toMatchObject({ granted: null, ok: false, message: expect.stringMatching(/did not answer GET v3\/orders\/0\/transactions before the test's time ran out/) });
  });

  test('an optional probe cannot fail the test, except by an accepted write, which is always an alarm', () => {
    expect(storeApiOutcome(results({ ...FULLY_SCOPED, customersWrite: { kind: 'server-error', status: 500 } }), TARGET, TIMEOUT_MS).status).toBe(ConnectionStatus.OK);
    const accepted = storeApiOutcome(results({ ...FULLY_SCOPED, customersWrite: { kind: 'write-accepted', status: 200 } }), TARGET, TIMEOUT_MS);
    expect(accepted).toMatchObject({ success: false, status: ConnectionStatus.UPSTREAM_ERROR });
    expect(accepted.message).toContain('PUT v3/customers');
  });

  test('a refused target is a NETWORK_ERROR that names BIGCOMMERCE_API_URL', () => {
    const outcome = storeApiOutcome(results({ store: { kind: 'transport', failure: 'forbidden-target' } }), TARGET, TIMEOUT_MS);
    expect(outcome.status).toBe(ConnectionStatus.NETWORK_ERROR);
    expect(outcome.message).toMatch(/BIGCOMMERCE_API_URL.*private or local network address/);
  });
});

describe('Legacy outcomes', () => {
  test('a working account: OK, no scope rows, warnings that it is deprecated and unscoped', () => {
    const outcome = legacyOutcome(results({ store: STORE }), LEGACY, TIMEOUT_MS);
    expect(outcome).toMatchObject({ success: true, status: ConnectionStatus.OK, storeName: 'Acme Outdoor', scopes: [], apiVersion: ApiVersion.LEGACY });
    expect(outcome.warnings).toEqual([expect.stringMatching(/deprecated by BigCommerce since July 2018/), expect.stringMatching(/not limited by scopes/)]);
  });

  test('a 403 means the account may not use the API: INVALID_CREDENTIALS', () => {
    expect(legacyOutcome(results({ store: denied }), LEGACY, TIMEOUT_MS)).toMatchObject({ success: false, status: ConnectionStatus.INVALID_CREDENTIALS, scopes: [], warnings: [] });
  });

  test('a refused legacy URL says so in the words of the legacy form', () => {
    const outcome = legacyOutcome(results({ store: { kind: 'transport', failure: 'forbidden-target' } }), LEGACY, TIMEOUT_MS);
    expect(outcome).toMatchObject({ status: ConnectionStatus.NETWORK_ERROR, message: 'The API URL points at a private or local network address, which storelink does not connect to.' });
  });
});
