import { FULL_SCOPES } from './bigcommerce-harness';
import { CREATE_STORE, UPDATE_CREDENTIALS } from '../support/store-operations';
import { useAdminServer, useFakeBigCommerce } from '../support/hooks';
import { ADMIN, clientFor } from '../support/test-server';

/** The audit trail: who, when, what, for every credential change, connection test, sign-in and user or key change; never a secret. */

const LEGACY_TOKEN = 'auditlegacytoken0123456789lg01';
const OAUTH_TOKEN = 'auditoauthtoken0123456789oa02';
const VIEWER = { email: 'auditor-viewer@example.com', password: 'viewer password for audit' };

const fake = useFakeBigCommerce((fake) => {
  fake.addStore({ hash: 'audit01', name: 'Audit store', domain: 'audit.example' });
  fake.addToken({ hash: 'audit01', token: OAUTH_TOKEN, scopes: FULL_SCOPES });
  fake.addLegacyUser({ hash: 'audit01', username: 'legacyadmin', apiToken: LEGACY_TOKEN });
});
const { server, gql: admin } = useAdminServer(() => ({ OUTBOUND_ALLOW_PRIVATE: 'true', BIGCOMMERCE_API_URL: fake.url }));
let adminId: string;
let storeId: string;

const EVENT_FIELDS = `id occurredAt action success actorType actorId actorName ip targetType targetId targetName changedFields
  oldApiVersion newApiVersion oldLast4 newLast4 detail`;
const events = async (filter: Record<string, unknown> = {}) =>
  (await admin(`query($f: AuditEventFilter) { allAuditEvents(filter: $f, perPage: 500) { ${EVENT_FIELDS} } }`, { f: filter })).data.allAuditEvents;

beforeAll(async () => {
  adminId = (await admin('{ me { id } }')).data.me.id;
  storeId = (await admin(CREATE_STORE, { name: 'Audited store' })).data.createEcommerceStore.id;
});
test('a migration from Legacy to OAuth is recorded as two credential changes: field names, API versions, last 4, who and from where', async () => {
  await admin(UPDATE_CREDENTIALS, { id: storeId, credentials: { apiVersion: 'LEGACY', apiLogin: 'legacyadmin', apiPassword: LEGACY_TOKEN, apiUrl: fake.legacyApiUrl } });
  await admin(UPDATE_CREDENTIALS, { id: storeId, credentials: { apiVersion: 'STORE_API_OAUTH', apiLogin: 'stores/audit01', apiPassword: OAUTH_TOKEN } });
  const changes = await events({ actions: ['CREDENTIALS_CHANGED'], targetId: storeId });
  expect(changes).toHaveLength(2);
  const [migration, legacy] = changes; // newest first
  expect(legacy).toMatchObject({
    success: true,
    actorType: 'USER',
    actorId: adminId,
    actorName: ADMIN.email,
    ip: expect.stringMatching(/127\.0\.0\.1/),
    targetType: 'ECOMMERCE_STORE',
    targetName: 'Audited store',
    changedFields: ['apiVersion', 'apiLogin', 'apiUrl', 'apiPassword'],
    oldApiVersion: null,
    newApiVersion: 'LEGACY',
    oldLast4: null,
    newLast4: 'lg01',
  });
  expect(migration).toMatchObject({
    changedFields: ['apiVersion', 'apiLogin', 'apiUrl', 'apiPassword'],
    oldApiVersion: 'LEGACY',
    newApiVersion: 'STORE_API_OAUTH',
    oldLast4: 'lg01',
    newLast4: 'oa02',
  });
  expect(new Date(migration.occurredAt).getTime()).toBeGreaterThanOrEqual(new Date(legacy.occurredAt).getTime());
});

test('keeping the saved secret records the fields that changed, and no new secret', async () => {
  await admin(UPDATE_CREDENTIALS, { id: storeId, credentials: { apiVersion: 'STORE_API_OAUTH', apiLogin: 'https://api.bigcommerce.com/stores/audit01/v3/' } });
  const [latest] = await events({ actions: ['CREDENTIALS_CHANGED'], targetId: storeId });
  expect(latest).toMatchObject({ changedFields: [], oldLast4: 'oa02', newLast4: 'oa02', oldApiVersion: 'STORE_API_OAUTH', newApiVersion: 'STORE_API_OAUTH' });
});

test('connection tests, dry runs and refused verified saves are recorded, with their status', async () => {
  await admin('query($id: ID!) { testConnection(id: $id) { status } }', { id: storeId });
  await admin('query($c: ApiCredentialsInput!) { testCredentials(credentials: $c) { status } }', {
    c: { apiVersion: 'STORE_API_OAUTH', apiLogin: 'stores/audit01', apiPassword: 'wrongtoken0123456789zz99' },
  });
  const refused = await admin('mutation($id: ID!, $c: ApiCredentialsInput!) { updateApiCredentials(id: $id, credentials: $c, verify: true) { id } }', {
    id: storeId,
    c: { apiVersion: 'STORE_API_OAUTH', apiLogin: 'stores/audit01', apiPassword: 'wrongtoken0123456789zz98' },
  });
  expect(refused.errors![0].extensions?.code).toBe('CONNECTION_TEST_FAILED');

  const [tested] = await events({ actions: ['CONNECTION_TESTED'] });
  expect(tested).toMatchObject({ success: true, targetId: storeId, detail: 'OK', newApiVersion: 'STORE_API_OAUTH', newLast4: 'oa02', actorName: ADMIN.email });
  const [dryRun] = await events({ actions: ['CREDENTIALS_TESTED'] });
  expect(dryRun).toMatchObject({ success: false, targetId: null, detail: 'INVALID_CREDENTIALS', newLast4: 'zz99' });
  const [rejected] = await events({ actions: ['CREDENTIALS_REJECTED'] });
  expect(rejected).toMatchObject({ success: false, targetId: storeId, changedFields: ['apiPassword'], oldLast4: 'oa02', newLast4: 'zz98', detail: 'INVALID_CREDENTIALS' });
});

test('sign-ins, failed ones included, user and key changes are recorded; a mistyped secret in the email field is not', async () => {
  await server.graphql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: ADMIN.email, p: 'a wrong password!' });
  await server.graphql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: ADMIN.password, p: ADMIN.password });
  const user = (await admin('mutation($e: String!, $p: String!) { createUser(email: $e, password: $p, role: VIEWER) { id } }', { e: VIEWER.email, p: VIEWER.password })).data.createUser;
  await server.login(VIEWER.email, VIEWER.password);
  await admin('mutation($id: ID!) { disableUser(id: $id) { id } }', { id: user.id });
  await admin('mutation($id: ID!) { enableUser(id: $id) { id } }', { id: user.id });
  const key = (await admin('mutation { createApiKey(name: "CI deploy", role: VIEWER) { key apiKey { id prefix } } }')).data.createApiKey;
  await admin('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: key.apiKey.id });

  const failed = await events({ actions: ['LOGIN_FAILED'] });
  expect(failed[1]).toMatchObject({ success: false, actorType: 'ANONYMOUS', targetId: adminId, targetName: ADMIN.email, detail: 'wrong password' });
  expect(failed[0]).toMatchObject({ success: false, targetId: null, targetName: null, detail: 'unknown email' });
  expect(JSON.stringify(failed)).not.toContain(ADMIN.password);

  const [viewerLogin] = await events({ actions: ['LOGIN_SUCCEEDED'], targetId: user.id });
  expect(viewerLogin).toMatchObject({ actorType: 'USER', actorId: user.id, actorName: VIEWER.email });
  const userEvents = await events({ targetId: user.id, actions: ['USER_CREATED', 'USER_DISABLED', 'USER_ENABLED'] });
  expect(userEvents.map((e: { action: string }) => e.action).sort()).toEqual(['USER_CREATED', 'USER_DISABLED', 'USER_ENABLED']);
  expect(userEvents.every((e: { actorId: string }) => e.actorId === adminId)).toBe(true);
  const keyEvents = await events({ targetId: key.apiKey.id });
  expect(keyEvents.map((e: { action: string }) => e.action).sort()).toEqual(['API_KEY_CREATED', 'API_KEY_REVOKED']);
  expect(keyEvents[0].targetName).toBe(`CI deploy (${key.apiKey.prefix}…)`);
  expect(JSON.stringify(keyEvents)).not.toContain(key.key);
});

test('an API key is named as the actor of what it does', async () => {
  const key = (await admin('mutation { createApiKey(name: "Automation", role: ADMIN) { key apiKey { id prefix } } }')).data.createApiKey;
  const viaKey = clientFor(server, key.key);
  const created = (await viaKey(CREATE_STORE, { name: 'Made by a program' })).data.createEcommerceStore;
  const [event] = await events({ actions: ['STORE_CREATED'], targetId: created.id });
  expect(event).toMatchObject({ actorType: 'API_KEY', actorId: key.apiKey.id, actorName: `Automation (${key.apiKey.prefix}…)` });
});

test('the audit trail is for admins, pages like any react-admin list, and holds no secret', async () => {
  const viewerToken = await server.login(VIEWER.email, VIEWER.password);
  const refused = await server.graphql('{ allAuditEvents { id } _allAuditEventsMeta { count } }', undefined, viewerToken);
  expect(refused.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);

  const { count } = (await admin('{ _allAuditEventsMeta { count } }')).data._allAuditEventsMeta;
  const pages = [];
  for (let page = 0; page * 7 < count; page++) {
    pages.push(...(await admin('query($p: Int) { allAuditEvents(page: $p, perPage: 7, sortField: "occurredAt", sortOrder: "ASC") { id } }', { p: page })).data.allAuditEvents);
  }
  expect(new Set(pages.map((e: { id: string }) => e.id)).size).toBe(count);
  const one = pages[0].id;
  expect((await admin('query($id: ID!) { AuditEvent(id: $id) { id action } }', { id: one })).data.AuditEvent.id).toBe(one);
  expect((await admin('{ allAuditEvents(sortField: "password") { id } }')).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sortField' });

  const rows = JSON.stringify(await server.dataSource.query('SELECT * FROM audit_events'));
  for (const secret of [LEGACY_TOKEN, OAUTH_TOKEN, ADMIN.password, VIEWER.password, 'wrongtoken0123456789zz99', 'a wrong password!']) {
    expect(rows).not.toContain(secret);
  }
});

test("a bulk re-test's connection tests are audited as the user who started the job, not as whichever request woke the runner", async () => {
  // The store was tested by the admin's own request earlier in this file: only an event newer than those is the job's.
  const testsOfStore = async (): Promise<Array<Record<string, unknown>>> => events({ actions: ['CONNECTION_TESTED'], targetId: storeId });
  const earlier = new Set((await testsOfStore()).map((e) => e.id));
  const job = (await admin('mutation($ids: [ID!]) { testAllConnections(filter: { ids: $ids }) { id startedBy } }', { ids: [storeId] })).data.testAllConnections;
  expect(job.startedBy).toBe(ADMIN.email);
  let byJob: Array<Record<string, unknown>> = [];
  for (let i = 0; i < 200 && byJob.length === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    byJob = (await testsOfStore()).filter((e) => !earlier.has(e.id));
  }
  expect(byJob).toHaveLength(1);
  expect(byJob[0]).toMatchObject({ actorType: 'USER', actorName: ADMIN.email, actorId: adminId, ip: null });
});
