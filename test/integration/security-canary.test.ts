import { randomBytes } from 'node:crypto';
import { FULL_SCOPES } from './bigcommerce-harness';
import { randomKeyHalf } from './woocommerce-harness';
import { allOperations, VARIABLES, type Fixture, type Operation } from '../support/security-operations';
import { CREATE_STORE, UPDATE_CREDENTIALS } from '../support/store-operations';
import { useFakeBigCommerce, useFakeShopify, useFakeWooCommerce, useTestServer } from '../support/hooks';
import { REQUIRED_HANDLES } from '../../server/platforms/shopify';
import { WebhookReceiver, verifiesWith } from '../support/webhook-receiver';

/**
 * The canary suite: plant recognisable secrets (passwords, access and legacy tokens, the
 * encryption key, session tokens, API keys), call every query and mutation of the schema
 * with them, plus the error paths that are most tempted to echo input, then search every
 * response, every log line and the database files. A secret may appear in exactly one
 * place: the response that issued it (login's token, createApiKey's key), once.
 */

const canary = (label: string) => `canary${label}${randomBytes(9).toString('hex')}`;
const INPUTS = {
  adminPassword: canary('AdminPw'),
  newPassword: canary('NewPw'),
  userPassword: canary('UserPw'),
  wrongPassword: canary('WrongPw'),
  accessToken: canary('AccessTok'),
  legacyToken: canary('LegacyTok'),
  dryRunToken: canary('DryRunTok'),
  secretInEmailField: canary('PwAsEmail'),
  shopifyAdminToken: canary('ShopifyAdminTok'),
  shopifyClientSecret: canary('ShopifyClientSecret'),
  shopifyWrongSecret: canary('ShopifyWrongSecret'),
  // WooCommerce checks the shape of a consumer secret ("cs_" + 40 hex digits): random ones are as recognisable.
  consumerSecret: randomKeyHalf('cs_'),
  otherConsumerSecret: randomKeyHalf('cs_'),
  misshapenConsumerSecret: `cs_${canary('WooSecret')}`,
};
const SHOP = 'canary-shop';
const SHOPIFY_CLIENT_ID = 'canaryclientid0123456789';
const SECRET_KEY = randomBytes(32);
const ADMIN_EMAIL = 'canary-admin@example.com';
const STORE_HASH = 'canary01';

const fake = useFakeBigCommerce((fake) => {
  fake.addStore({ hash: STORE_HASH, name: 'Canary store', domain: 'canary.example' });
  fake.addToken({ hash: STORE_HASH, token: INPUTS.accessToken, scopes: FULL_SCOPES });
  fake.addLegacyUser({ hash: STORE_HASH, username: 'canarylegacy', apiToken: INPUTS.legacyToken });
});
const shopify = useFakeShopify((fake) => {
  fake.addShop({ shop: SHOP, name: 'Canary shop' });
  fake.addAdminToken({ shop: SHOP, token: INPUTS.shopifyAdminToken, scopes: [...REQUIRED_HANDLES] });
  fake.addApp({ shop: SHOP, clientId: SHOPIFY_CLIENT_ID, clientSecret: INPUTS.shopifyClientSecret, scopes: [...REQUIRED_HANDLES] });
});
const WOO_SITE = '/canary-shop';
const WOO_KEY = randomKeyHalf('ck_');
const wooFake = useFakeWooCommerce((fake) => {
  fake.addSite({ path: WOO_SITE, name: 'Canary shop' });
  fake.addKey({ site: WOO_SITE, consumerKey: WOO_KEY, consumerSecret: INPUTS.consumerSecret, permission: 'read_write', user: { login: 'canary-manager', role: 'shop_manager' } });
});
const server = useTestServer(() => ({
  SHOPIFY_API_URL: shopify.apiUrlTemplate,
  ADMIN_EMAIL,
  ADMIN_PASSWORD: INPUTS.adminPassword,
  STORELINK_SECRET_KEY: SECRET_KEY.toString('base64'),
  OUTBOUND_ALLOW_PRIVATE: 'true',
  BIGCOMMERCE_API_URL: fake.url,
  LOG_LEVEL: 'trace',
}));
let adminToken: string;
let operations: Operation[];
let receiver: WebhookReceiver;
/** Tokens and keys the server issued, with the one response body allowed to show each. */
const issued = new Map<string, string>();

async function call(document: string, variables: Record<string, unknown>, token?: string) {
  const result = await server.graphql(document, variables, token);
  const body = server.responseBodies[server.responseBodies.length - 1];
  const login = result.data?.login?.token as string | undefined;
  if (login) issued.set(login, body);
  const key = result.data?.createApiKey?.key as string | undefined;
  if (key) issued.set(key, body);
  const webhookSecret = (result.data?.createWebhookEndpoint ?? result.data?.rotateWebhookSecret)?.secret as string | undefined;
  if (webhookSecret) {
    issued.set(webhookSecret, body);
    issued.set(webhookSecret.slice('whsec_'.length), body);
  }
  return result;
}

async function signIn(email: string, password: string): Promise<string> {
  const result = await call('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: password });
  return result.data.login.token;
}

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  adminToken = await signIn(ADMIN_EMAIL, INPUTS.adminPassword);
  operations = await allOperations();

  // Fixtures, planted through the API: a store on each kind of credentials, a user, a key, a job.
  const admin = (document: string, variables: Record<string, unknown> = {}) => call(document, variables, adminToken);
  const oauthStore = (await admin(CREATE_STORE, { name: 'Canary OAuth' })).data.createEcommerceStore.id;
  const legacyStore = (await admin(CREATE_STORE, { name: 'Canary Legacy' })).data.createEcommerceStore.id;
  const doomedStore = (await admin(CREATE_STORE, { name: 'Canary doomed' })).data.createEcommerceStore.id;
  const wooStore = (await admin('mutation { createEcommerceStore(name: "Canary WooCommerce", platform: WOOCOMMERCE) { id } }')).data.createEcommerceStore.id;
  const wooCredentials = (apiPassword?: string) => ({ apiVersion: 'WOOCOMMERCE_REST', apiUrl: `${wooFake.siteUrl(WOO_SITE)}/wp-admin/`, apiLogin: WOO_KEY, apiPassword });
  await admin(UPDATE_CREDENTIALS, { id: wooStore, credentials: wooCredentials(INPUTS.consumerSecret) });
  await admin(UPDATE_CREDENTIALS, { id: legacyStore, credentials: { apiVersion: 'LEGACY', apiLogin: 'canarylegacy', apiPassword: INPUTS.legacyToken, apiUrl: fake.legacyApiUrl } });
  await admin(UPDATE_CREDENTIALS, { id: doomedStore, credentials: { apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${STORE_HASH}`, apiPassword: INPUTS.accessToken } });
  const user = (await admin('mutation($p: String!) { createUser(email: "canary-viewer@example.com", password: $p, role: VIEWER) { id } }', { p: INPUTS.userPassword })).data.createUser;
  const key = (await admin('mutation { createApiKey(name: "Canary key", role: ADMIN) { key apiKey { id } } }')).data.createApiKey;
  const job = await admin('mutation($ids: [ID!]) { testAllConnections(filter: { ids: $ids }) { id } }', { ids: [legacyStore] });
  const event = (await admin('{ allAuditEvents(perPage: 1) { id } }')).data.allAuditEvents[0];
  // A webhook endpoint on a real receiver, so its secret is also used to sign real deliveries.
  const webhookUrl = `${receiver.url}/canary`;
  const endpoint = (await admin('mutation($u: String!) { createWebhookEndpoint(url: $u, events: [CONNECTION_FAILED]) { secret endpoint { id } } }', { u: webhookUrl })).data
    .createWebhookEndpoint.endpoint;
  const delivery = (await admin('mutation($id: ID!) { sendTestWebhook(id: $id) { id } }', { id: endpoint.id })).data.sendTestWebhook;
  const fixture: Fixture = {
    webhookEndpointId: endpoint.id,
    webhookDeliveryId: delivery.id,
    webhookUrl,
    storeId: oauthStore,
    userId: user.id,
    apiKeyId: key.apiKey.id,
    auditEventId: event.id,
    jobId: job.data?.testAllConnections?.id ?? 'none',
    callerPassword: INPUTS.adminPassword,
    login: { email: ADMIN_EMAIL, password: INPUTS.adminPassword },
    secrets: { password: INPUTS.userPassword, newPassword: INPUTS.newPassword, accessToken: INPUTS.accessToken, storeHash: STORE_HASH },
  };

  // Every operation, as the admin (the role that can do the most), then as a viewer and with the API key.
  const viewerToken = await signIn('canary-viewer@example.com', INPUTS.userPassword);
  const ordered = [...operations].sort((a, b) => Number(DESTRUCTIVE.has(a.name)) - Number(DESTRUCTIVE.has(b.name)));
  for (const operation of ordered) {
    const variables = VARIABLES[operation.name]({ ...fixture, storeId: operation.name === 'deleteEcommerceStore' ? doomedStore : fixture.storeId });
    const token = operation.name === 'logout' ? await signIn(ADMIN_EMAIL, fixture.login.password) : adminToken;
    await call(operation.document, variables, token);
    if (operation.name === 'changePassword') fixture.callerPassword = fixture.login.password = INPUTS.newPassword;
    if (!DESTRUCTIVE.has(operation.name)) {
      await call(operation.document, variables, viewerToken);
      await call(operation.document, variables, key.key);
    }
  }
  // Connection tests on both kinds of saved credentials, and a dry run with the saved secret filled in.
  await admin('query($id: ID!) { testConnection(id: $id) { status message } }', { id: legacyStore });
  await admin('query($id: ID!) { testConnection(id: $id) { status message } }', { id: oauthStore });
  await admin('query($c: ApiCredentialsInput!, $s: ID) { testCredentials(credentials: $c, storeId: $s) { status message } }', {
    c: { apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${STORE_HASH}` },
    s: oauthStore,
  });
  await admin('query($id: ID!) { testConnection(id: $id) { status message } }', { id: wooStore });
  await admin('query($c: ApiCredentialsInput!, $s: ID) { testCredentials(credentials: $c, storeId: $s) { status message } }', { c: wooCredentials(), s: wooStore });

  // Shopify: an admin-created app's token, tested; a migration to client credentials that fails (wrong secret), then
  // succeeds; the issued token reused by the next tests; a dry run of the client secret.
  const shopifyStore = (await admin('mutation { createEcommerceStore(name: "Canary Shopify", platform: SHOPIFY) { id } }')).data.createEcommerceStore.id;
  await admin(UPDATE_CREDENTIALS, { id: shopifyStore, credentials: { apiVersion: 'SHOPIFY_ADMIN_TOKEN', apiUrl: SHOP, apiPassword: INPUTS.shopifyAdminToken } });
  await admin('query($id: ID!) { testConnection(id: $id) { status message } }', { id: shopifyStore });
  const shopifyVerified = 'mutation($id: ID!, $c: ApiCredentialsInput!) { updateApiCredentials(id: $id, credentials: $c, verify: true) { id } }';
  const clientCredentials = (secret: string) => ({ apiVersion: 'SHOPIFY_CLIENT_CREDENTIALS', apiUrl: SHOP, apiLogin: SHOPIFY_CLIENT_ID, apiPassword: secret });
  await admin(shopifyVerified, { id: shopifyStore, c: clientCredentials(INPUTS.shopifyWrongSecret) });
  await admin(shopifyVerified, { id: shopifyStore, c: clientCredentials(INPUTS.shopifyClientSecret) });
  await admin('query($id: ID!) { testConnection(id: $id) { status message } }', { id: shopifyStore });
  await admin('query($c: ApiCredentialsInput!, $s: ID) { testCredentials(credentials: $c, storeId: $s) { status message } }', {
    c: clientCredentials(INPUTS.shopifyClientSecret),
    s: shopifyStore,
  });
  await admin('query($id: ID!) { EcommerceStore(id: $id) { apiLogin apiUrl apiPasswordLast4 lastConnectionTest { status message warnings } } }', { id: shopifyStore });

  // The error paths most tempted to echo what they were given.
  await call('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: ADMIN_EMAIL, p: INPUTS.wrongPassword });
  await call('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: INPUTS.secretInEmailField, p: INPUTS.wrongPassword });
  await admin(UPDATE_CREDENTIALS, { id: oauthStore, credentials: { apiVersion: 'STORE_API_OAUTH', apiLogin: 'stores/canary01', apiPassword: `${INPUTS.dryRunToken} with spaces` } });
  await admin(UPDATE_CREDENTIALS, { id: oauthStore, credentials: { apiVersion: 'STORE_API_OAUTH', apiLogin: INPUTS.dryRunToken, apiPassword: INPUTS.dryRunToken } });
  await admin('mutation($id: ID!, $c: ApiCredentialsInput!) { updateApiCredentials(id: $id, credentials: $c, verify: true) { id } }', {
    id: oauthStore,
    c: { apiVersion: 'STORE_API_OAUTH', apiLogin: `stores/${STORE_HASH}`, apiPassword: INPUTS.dryRunToken },
  });
  // WooCommerce: a wrong secret for the known key (tested, refused), and a secret of the wrong shape (never sent).
  await admin('mutation($id: ID!, $c: ApiCredentialsInput!) { updateApiCredentials(id: $id, credentials: $c, verify: true) { id } }', {
    id: wooStore,
    c: wooCredentials(INPUTS.otherConsumerSecret),
  });
  await admin(UPDATE_CREDENTIALS, { id: wooStore, credentials: wooCredentials(INPUTS.misshapenConsumerSecret) });
  await admin('query($c: ApiCredentialsInput!) { testCredentials(credentials: $c) { status message } }', { c: { ...wooCredentials(INPUTS.consumerSecret), apiLogin: INPUTS.otherConsumerSecret } });
  await admin('query($c: ApiCredentialsInput!) { testCredentials(credentials: $c) { status message } }', {
    c: { apiVersion: 'LEGACY', apiLogin: 'canarylegacy', apiPassword: INPUTS.dryRunToken, apiUrl: fake.legacyApiUrl },
  });
  await admin('mutation($c: ApiCredentialsInput!) { updateApiCredentials(id: "x", credentials: $c) { id } }', { c: { apiVersion: INPUTS.dryRunToken, apiLogin: 'x' } });
  await admin('mutation($p: String!) { changePassword(currentPassword: $p, newPassword: $p) { id } }', { p: INPUTS.wrongPassword });
  await admin('mutation($p: String!) { createUser(email: "bad", password: $p, role: VIEWER) { id } }', { p: INPUTS.wrongPassword });
  await call('{ me { id } }', {}, INPUTS.wrongPassword);
  await call('{ me { id } }', {}, `sl_${INPUTS.wrongPassword}`);
  // Give the background job (and its log lines) time to finish.
  for (let i = 0; i < 50 && (await admin('query($id: ID!) { connectionTestJob(id: $id) { status } }', { id: fixture.jobId })).data?.connectionTestJob?.status === 'RUNNING'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 120_000);

afterAll(() => receiver.stop());

/** Operations that end what later calls need: run last, and only as the admin. */
const DESTRUCTIVE = new Set(['deleteEcommerceStore', 'disableUser', 'revokeApiKey', 'logout', 'cancelConnectionTestJob', 'deleteWebhookEndpoint']);

const planted = () => [...Object.values(INPUTS), SECRET_KEY.toString('base64'), SECRET_KEY.toString('base64url'), SECRET_KEY.toString('hex')];
const issuedByShopify = () => shopify.grants.map((grant) => grant.accessToken);
const everything = () => [...planted(), ...issued.keys(), ...issuedByShopify()];

test('the walk covered every operation of the schema, and the secrets really were used', () => {
  const called = new Set(operations.map((operation) => operation.name));
  expect(called.size).toBeGreaterThan(25);
  expect(server.responseBodies.length).toBeGreaterThan(called.size * 2);
  expect(issued.size).toBeGreaterThanOrEqual(4); // sessions and API keys
  // The fake received the planted tokens: the connection tests did run with them.
  expect(fake.requests.some((request) => request.storeHash === STORE_HASH && request.authenticated)).toBe(true);
  // Shopify issued tokens for the planted client secret (the verified save's test, and the dry run of new credentials).
  expect(issuedByShopify().length).toBeGreaterThanOrEqual(2);
  expect(shopify.requests.some((request) => request.path.startsWith('/admin/oauth/access_scopes.json') && request.status === 200)).toBe(true);
  // The fake WooCommerce knew the key's user: the planted consumer secret was sent, and accepted.
  expect(wooFake.requests.some((request) => request.site === WOO_SITE && request.user === 'canary-manager')).toBe(true);
  // ...and so was the wrong one, which the site refused.
  expect(wooFake.requests.filter((request) => request.status === 401).length).toBeGreaterThan(0);
});

test('no response contains a planted secret, and an issued token appears only in the response that issued it', () => {
  for (const body of server.responseBodies) {
    for (const secret of [...planted(), ...issuedByShopify()]) expect(body).not.toContain(secret);
    for (const [token, issuingBody] of issued) if (body !== issuingBody) expect(body).not.toContain(token);
  }
});

test('webhook secrets signed real deliveries, and no delivery carries one', async () => {
  const webhookSecrets = [...issued.keys()].filter((secret) => secret.startsWith('whsec_'));
  expect(webhookSecrets.length).toBeGreaterThanOrEqual(2); // created, and rotated at least once
  // The fixture's test event, the walk's (admin and ADMIN key), and the walk's redeliveries.
  const received = await receiver.waitFor('/canary', 3);
  expect(received.every((webhook) => webhookSecrets.some((secret) => verifiesWith(secret, webhook)))).toBe(true);
  const sent = JSON.stringify(received.map((webhook) => [webhook.headers, webhook.body]));
  for (const secret of everything()) expect(sent).not.toContain(secret);
});

test('no log line contains any secret', () => {
  const log = server.logLines.join('\n');
  expect(log).toMatch(/"msg":"graphql request"/);
  for (const secret of everything()) expect(log).not.toContain(secret);
});

test('the database files contain no secret, nor the raw encryption key', () => {
  const bytes = server.databaseBytes();
  expect(bytes.length).toBeGreaterThan(0);
  for (const secret of everything()) expect(bytes.includes(Buffer.from(secret))).toBe(false);
  expect(bytes.includes(SECRET_KEY)).toBe(false);
});
