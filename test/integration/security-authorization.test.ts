import { randomBytes } from 'node:crypto';
import { allOperations, DECISIONS, VARIABLES, type Decision, type Fixture, type Operation } from '../support/security-operations';
import { CREATE_STORE, UPDATE_CREDENTIALS } from '../support/store-operations';
import { useAdminServer } from '../support/hooks';
import { ADMIN } from '../support/test-server';

/**
 * The authorization matrix: every operation of the schema, called by every kind of caller
 * (nobody, a user and an API key of each role), is allowed or refused exactly as DECISIONS
 * says. Refusals are FORBIDDEN (UNAUTHENTICATED without a token) and happen before anything runs.
 */

type CallerKind = 'anonymous' | 'ADMIN session' | 'VIEWER session' | 'ADMIN key' | 'VIEWER key';
const CALLERS: CallerKind[] = ['anonymous', 'ADMIN session', 'VIEWER session', 'ADMIN key', 'VIEWER key'];

function expected(decision: Decision, caller: CallerKind): 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (decision === 'PUBLIC') return 'allowed';
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  const isKey = caller.endsWith('key');
  const isAdmin = caller.startsWith('ADMIN');
  if (decision === 'SIGNED_IN_USER') return isKey ? 'FORBIDDEN' : 'allowed';
  if (decision === 'ADMIN') return isAdmin ? 'allowed' : 'FORBIDDEN';
  return 'allowed';
}

// Connection tests reach a closed local port: they fail fast, which is all the matrix needs.
const { server, gql: admin } = useAdminServer({ OUTBOUND_ALLOW_PRIVATE: 'true', BIGCOMMERCE_API_URL: 'http://127.0.0.1:9', HTTP_TIMEOUT_MS: '2000' });
let operations: Map<string, Operation>;
let fixture: Omit<Fixture, 'callerPassword'>;

beforeAll(async () => {
  operations = new Map((await allOperations()).map((operation) => [operation.name, operation]));

  const storeId = (await admin(CREATE_STORE, { name: 'Matrix store' })).data.createEcommerceStore.id;
  await admin(UPDATE_CREDENTIALS, { id: storeId, credentials: { apiVersion: 'STORE_API_OAUTH', apiLogin: 'stores/abc123', apiPassword: 'matrixaccesstoken0123456789' } });
  const user = await admin('mutation { createUser(email: "matrix-target@example.com", password: "matrix target password", role: VIEWER) { id } }');
  const key = await admin('mutation { createApiKey(name: "Matrix target", role: VIEWER) { apiKey { id } } }');
  const job = await admin('mutation($ids: [ID!]) { testAllConnections(filter: { ids: $ids }) { id } }', { ids: [storeId] });
  const event = await admin('{ allAuditEvents(perPage: 1) { id } }');
  const webhookUrl = 'http://127.0.0.1:9/matrix';
  const endpoint = await admin('mutation($u: String!) { createWebhookEndpoint(url: $u, events: [CONNECTION_FAILED]) { endpoint { id } } }', { u: webhookUrl });
  const webhookEndpointId = endpoint.data.createWebhookEndpoint.endpoint.id;
  const delivery = await admin('mutation($id: ID!) { sendTestWebhook(id: $id) { id } }', { id: webhookEndpointId });
  fixture = {
    webhookEndpointId,
    webhookDeliveryId: delivery.data.sendTestWebhook.id,
    webhookUrl,
    storeId,
    userId: user.data.createUser.id,
    apiKeyId: key.data.createApiKey.apiKey.id,
    jobId: job.data?.testAllConnections?.id ?? 'no-job',
    auditEventId: event.data.allAuditEvents[0].id,
    login: ADMIN,
    secrets: { password: 'a password of the matrix', newPassword: 'the changed matrix password', accessToken: 'matrixaccesstoken9876543210', storeHash: 'abc123' },
  };
});
/** A fresh caller per case: what one case does (logout, changePassword) cannot affect another. */
async function callerFor(kind: CallerKind): Promise<{ token?: string; password: string }> {
  const password = `pw-${randomBytes(8).toString('hex')}`;
  if (kind === 'anonymous') return { password };
  const role = kind.startsWith('ADMIN') ? 'ADMIN' : 'VIEWER';
  if (kind.endsWith('key')) {
    const created = await admin('mutation($r: UserRole!) { createApiKey(name: "matrix caller", role: $r) { key } }', { r: role });
    return { token: created.data.createApiKey.key, password };
  }
  const email = `matrix-${randomBytes(6).toString('hex')}@example.com`;
  const created = await admin('mutation($e: String!, $p: String!, $r: UserRole!) { createUser(email: $e, password: $p, role: $r) { id } }', { e: email, p: password, r: role });
  expect(created.errors).toBeUndefined();
  return { token: await server.login(email, password), password };
}

test('every operation of the schema has a role decision, and every decision is for an operation that exists', () => {
  const served = [...operations.keys()].sort();
  expect(served.filter((name) => !(name in DECISIONS))).toEqual([]);
  expect(Object.keys(DECISIONS).filter((name) => !operations.has(name))).toEqual([]);
  expect(Object.keys(VARIABLES).sort()).toEqual(Object.keys(DECISIONS).sort());
});

const cases = Object.entries(DECISIONS).flatMap(([name, decision]) => CALLERS.map((caller) => [name, caller, decision, expected(decision, caller)] as const));

test.each(cases)('%s by %s (%s): %s', async (name, callerKind, _decision, outcome) => {
  const operation = operations.get(name)!;
  const caller = await callerFor(callerKind);
  const variables = VARIABLES[name]({ ...fixture, callerPassword: caller.password });
  const result = await server.graphql(operation.document, variables, caller.token);
  const codes = (result.errors ?? []).map((error) => error.extensions?.code);
  if (outcome === 'allowed') {
    expect(codes).not.toContain('FORBIDDEN');
    expect(codes).not.toContain('UNAUTHENTICATED');
  } else {
    expect(codes).toEqual([outcome]);
    expect(result.data?.[name] ?? null).toBeNull();
  }
});

test('a refused change changes nothing: a viewer cannot delete a store or replace its credentials', async () => {
  const viewer = await callerFor('VIEWER session');
  const before = await server.dataSource.query('SELECT * FROM ecommerce_stores WHERE id = ?', [fixture.storeId]);
  const attempts = [
    ['deleteEcommerceStore', { id: fixture.storeId }],
    ['updateApiCredentials', VARIABLES.updateApiCredentials({ ...fixture, callerPassword: viewer.password })],
    ['updateEcommerceStore', { id: fixture.storeId, name: 'viewer was here' }],
  ] as const;
  for (const [name, variables] of attempts) {
    const result = await server.graphql(operations.get(name)!.document, variables, viewer.token);
    expect(result.errors![0].extensions?.code).toBe('FORBIDDEN');
  }
  expect(await server.dataSource.query('SELECT * FROM ecommerce_stores WHERE id = ?', [fixture.storeId])).toEqual(before);
});

test('a refused operation says the same whether or not what it names exists', async () => {
  const viewer = await callerFor('VIEWER key');
  const existing = await server.graphql(operations.get('deleteEcommerceStore')!.document, { id: fixture.storeId }, viewer.token);
  const missing = await server.graphql(operations.get('deleteEcommerceStore')!.document, { id: 'no-such-store' }, viewer.token);
  expect(missing.errors).toEqual(existing.errors);
});
