import { expectedOrder, type Key, type Order, type Row } from '../support/list-order';
import { CREATE_STORE, UPDATE_CREDENTIALS } from '../support/store-operations';
import { useAdminServer } from '../support/hooks';
import { WebhookReceiver } from '../support/webhook-receiver';

/**
 * Every sortable field of every list, in both directions, comes back in exactly that order
 * (ties in the list's documented tie-break order), and paging through it neither repeats nor
 * skips a row. The expected order is computed from the rows' own values.
 */

interface ListSpec {
  /** The ra-data-graphql-simple resource name: `all<Resources>`. */
  query: string;
  sortable: string[];
  /** The fields read; the sortable ones unless more are needed. */
  selection?: string;
  tieBreaks: Key[];
  sortValue?: (row: Row, field: string) => unknown;
  /** Sortable fields the rows share one value of (the rest differ, so a wrong direction cannot pass). */
  constant?: string[];
}

const LISTS: ListSpec[] = [
  {
    query: 'allEcommerceStores',
    sortable: ['id', 'name', 'platform', 'apiVersion', 'createdAt', 'updatedAt'],
    tieBreaks: [{ field: 'id', order: 'ASC' }],
    // Names sort case-insensitively.
    sortValue: (row, field) => (field === 'name' ? String(row.name).toLowerCase() : row[field]),
    constant: ['platform'],
  },
  {
    query: 'allAuditEvents',
    selection: 'id occurredAt action actorName targetName success',
    sortable: ['occurredAt', 'action', 'actorName', 'targetName', 'success'],
    tieBreaks: [
      { field: 'occurredAt', order: 'DESC' },
      { field: 'id', order: 'ASC' },
    ],
  },
  {
    query: 'allUsers',
    sortable: ['id', 'email', 'role', 'createdAt', 'disabledAt', 'disabled'],
    tieBreaks: [{ field: 'id', order: 'ASC' }],
  },
  {
    query: 'allApiKeys',
    sortable: ['id', 'name', 'prefix', 'role', 'createdAt', 'lastUsedAt', 'revokedAt', 'revoked'],
    tieBreaks: [{ field: 'id', order: 'ASC' }],
  },
  {
    query: 'allWebhookEndpoints',
    sortable: ['id', 'url', 'description', 'enabled', 'createdAt', 'updatedAt'],
    tieBreaks: [{ field: 'id', order: 'ASC' }],
  },
  {
    // (eventType also sorts; every delivery here is a test event.)
    query: 'allWebhookDeliveries',
    sortable: ['id', 'createdAt', 'status', 'attempts', 'responseStatus', 'deliveredAt'],
    tieBreaks: [{ field: 'id', order: 'ASC' }],
  },
];

// Webhooks are delivered to a receiver on 127.0.0.1, failed attempts retried within a second.
const { server, gql: admin } = useAdminServer({ OUTBOUND_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_BASE_SECONDS: '0.3' });
let receiver: WebhookReceiver;
afterAll(() => receiver?.stop());
/** Distinct timestamps, so times compare the same at the API's millisecond resolution as in the database. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  await server.graphql('mutation { login(email: "nobody@example.com", password: "not the password") { token } }');
  const ids: string[] = [];
  const users: string[] = [];
  const keys: Array<{ id: string; key: string }> = [];
  const createUser = async (email: string, role: string) => {
    await tick();
    const created = await admin('mutation($e: String!, $r: UserRole!) { createUser(email: $e, password: "a long enough password", role: $r) { id } }', { e: email, r: role });
    users.push(created.data.createUser.id);
  };
  const endpoints: string[] = [];
  const createEndpoint = async (path: string, description: string | null) => {
    await tick();
    const created = await admin('mutation($u: String!, $d: String) { createWebhookEndpoint(url: $u, events: [CONNECTION_FAILED], description: $d) { endpoint { id } } }', {
      u: `${receiver.url}${path}`,
      d: description,
    });
    endpoints.push(created.data.createWebhookEndpoint.endpoint.id);
  };
  /** A test event to the endpoint, answered as scripted; waits until the delivery has settled (delivered, or given up). */
  const deliver = async (endpointId: string, answers: Array<{ status: number }>, settled: string) => {
    receiver.answer(...answers);
    const sent = await admin('mutation($id: ID!) { sendTestWebhook(id: $id) { id } }', { id: endpointId });
    const id = sent.data.sendTestWebhook.id;
    for (let waited = 0; ; waited += 50) {
      const [delivery] = (await admin('query($ids: [ID!]) { allWebhookDeliveries(filter: { ids: $ids }) { status } }', { ids: [id] })).data.allWebhookDeliveries;
      if (delivery.status === settled) return;
      if (waited > 15_000) throw new Error(`delivery ${id} is ${delivery.status}, expected ${settled}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const createKey = async (name: string, role: string) => {
    await tick();
    const created = await admin('mutation($n: String!, $r: UserRole!) { createApiKey(name: $n, role: $r) { key apiKey { id } } }', { n: name, r: role });
    keys.push({ id: created.data.createApiKey.apiKey.id, key: created.data.createApiKey.key });
  };
  // Mixed case, and two names equal but for case: the tie-break decides between them.
  for (const name of ['delta', 'Alpha', 'echo', 'Bravo', 'Echo', 'charlie']) {
    // SQLite keeps createdAt/updatedAt to the second: half the rows a second later, so their order is more than the tie-break.
    if (name === 'Bravo') {
      await createEndpoint('/b', 'zeta');
      await createEndpoint('/a', null);
      await createUser('zoe@example.com', 'VIEWER');
      await createKey('Backup', 'VIEWER');
      await createKey('reports', 'ADMIN');
      await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 50));
    }
    await tick();
    ids.push((await admin(CREATE_STORE, { name })).data.createEcommerceStore.id);
  }
  await createEndpoint('/d', 'Alpha');
  await createEndpoint('/c', 'mid');
  await deliver(endpoints[0], [{ status: 200 }], 'DELIVERED');
  await deliver(endpoints[1], [{ status: 500 }, { status: 200 }], 'DELIVERED');
  // 410 Gone: given up at once, and the endpoint disabled.
  await deliver(endpoints[2], [{ status: 410 }], 'FAILED');
  await deliver(endpoints[3], [{ status: 200 }], 'DELIVERED');
  await createUser('bob@example.com', 'ADMIN');
  await createUser('mia@example.com', 'VIEWER');
  await createUser('al@example.com', 'VIEWER');
  await createKey('Zap sync', 'VIEWER');
  await createKey('CI', 'ADMIN');
  for (const user of [users[0], users[2]]) {
    await tick();
    await admin('mutation($id: ID!) { disableUser(id: $id) { id } }', { id: user });
  }
  for (const key of [keys[2], keys[0]]) {
    await tick();
    await server.graphql('{ allEcommerceStores(perPage: 1) { id } }', {}, key.key);
  }
  for (const key of [keys[1], keys[3]]) {
    await tick();
    await admin('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: key.id });
  }
  await tick();
  await admin(UPDATE_CREDENTIALS, { id: ids[0], credentials: { apiVersion: 'STORE_API_OAUTH', apiLogin: 'stores/abc123', apiPassword: 'orderaccesstoken0123456789' } });
  await tick();
  await admin(UPDATE_CREDENTIALS, {
    id: ids[3],
    credentials: { apiVersion: 'LEGACY', apiLogin: 'admin', apiPassword: 'legacy-token-0001', apiUrl: 'https://store-x1.mybigcommerce.com' },
  });
  await tick();
  await admin('mutation($id: ID!) { updateEcommerceStore(id: $id, name: "foxtrot") { id } }', { id: ids[1] });
  await tick();
  await admin('mutation($id: ID!) { deleteEcommerceStore(id: $id) { id } }', { id: ids[5] });
});

async function fetchList(list: ListSpec, sortField: string, sortOrder: Order, page: number, perPage: number): Promise<Row[]> {
  const result = await admin(
    `query($page: Int, $perPage: Int, $sortField: String, $sortOrder: String) {
       ${list.query}(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) { ${list.selection ?? list.sortable.join(' ')} } }`,
    { page, perPage, sortField, sortOrder },
  );
  expect(result.errors).toBeUndefined();
  return result.data[list.query];
}

const cases = LISTS.flatMap((list) => list.sortable.flatMap((field) => (['ASC', 'DESC'] as const).map((order) => [list.query, field, order, list] as const)));

test.each(cases)('%s sorted by %s %s comes back in that order, page after page', async (_query, field, order, list) => {
  const rows = await fetchList(list, field, order, 0, 200);
  expect(rows.length).toBeGreaterThanOrEqual(4);
  const expected = expectedOrder(rows, { field, order }, list.tieBreaks, list.sortValue);
  expect(rows.map((row) => [row.id, row[field]])).toEqual(expected.map((row) => [row.id, row[field]]));

  const paged: Row[] = [];
  for (let page = 0; paged.length < rows.length; page++) {
    const slice = await fetchList(list, field, order, page, 2);
    if (slice.length === 0) break;
    paged.push(...slice);
  }
  expect(paged.map((row) => row.id)).toEqual(rows.map((row) => row.id));
});

test('each list has rows that differ in every sortable field (but the few named constant), so a wrong direction cannot pass', async () => {
  for (const list of LISTS) {
    const rows = await fetchList(list, list.sortable[0], 'ASC', 0, 200);
    const varying = list.sortable.filter((field) => new Set(rows.map((row) => JSON.stringify(row[field]))).size > 1);
    expect(list.sortable.filter((field) => !varying.includes(field))).toEqual(list.constant ?? []);
  }
});
