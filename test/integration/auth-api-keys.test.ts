import { createHash } from 'node:crypto';
import { CREATE_STORE } from '../support/store-operations';
import { useAdminServer } from '../support/hooks';
import { clientFor } from '../support/test-server';

const { server, gql: admin } = useAdminServer();

const CREATE = 'mutation($n: String!, $r: UserRole!) { createApiKey(name: $n, role: $r) { key apiKey { id name prefix role createdAt lastUsedAt revokedAt revoked } } }';
const LIST = '{ apiKeys { id name prefix role lastUsedAt revoked } }';

test('a key is shown once, stored only as its SHA-256 hash, and listed by name and prefix', async () => {
  const created = (await admin(CREATE, { n: 'Nightly export', r: 'VIEWER' })).data.createApiKey;
  expect(created.key).toMatch(/^sl_[A-Za-z0-9_-]{43}$/);
  expect(created.apiKey).toMatchObject({ name: 'Nightly export', role: 'VIEWER', lastUsedAt: null, revokedAt: null, revoked: false });
  expect(created.apiKey.prefix).toBe(created.key.slice(0, 11));

  const [row] = await server.dataSource.query('SELECT keyHash FROM api_keys WHERE id = ?', [created.apiKey.id]);
  expect(row.keyHash).toBe(createHash('sha256').update(created.key).digest('hex'));
  const bytes = server.databaseBytes();
  expect(bytes.includes(Buffer.from(created.key))).toBe(false);
  expect(bytes.includes(Buffer.from(created.key.slice(3)))).toBe(false);

  const listed = await admin(LIST);
  expect(JSON.stringify(listed)).not.toContain(created.key);
  expect(listed.data.apiKeys).toEqual(expect.arrayContaining([expect.objectContaining({ id: created.apiKey.id, prefix: created.apiKey.prefix })]));
});

test('a key authenticates as its role, records when it was last used, and stops working when revoked', async () => {
  const { key, apiKey } = (await admin(CREATE, { n: 'CI', r: 'VIEWER' })).data.createApiKey;
  const program = clientFor(server, key);
  await admin(CREATE_STORE, { name: 'seen by the key' });
  const countSeenBy = async (client: typeof program) => (await client('{ _allEcommerceStoresMeta { count } }')).data._allEcommerceStoresMeta.count;
  // The key reads what the admin reads: the stores there are, at least the one just created.
  expect(await countSeenBy(program)).toBeGreaterThanOrEqual(1);
  expect(await countSeenBy(program)).toBe(await countSeenBy(admin));
  expect((await program(CREATE_STORE, { name: 'not allowed' })).errors![0].extensions?.code).toBe('FORBIDDEN');
  const used = (await admin(LIST)).data.apiKeys.find((k: { id: string }) => k.id === apiKey.id);
  expect(used.lastUsedAt).not.toBeNull();

  const revoked = (await admin('mutation($id: ID!) { revokeApiKey(id: $id) { revoked revokedAt } }', { id: apiKey.id })).data.revokeApiKey;
  expect(revoked.revoked).toBe(true);
  expect((await program('{ _allEcommerceStoresMeta { count } }')).errors![0].extensions?.code).toBe('UNAUTHENTICATED');
  // Revoking again changes nothing.
  expect((await admin('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: apiKey.id })).data.revokeApiKey.revokedAt).toBe(revoked.revokedAt);
});

test('an ADMIN key can change things; a made-up or altered key is UNAUTHENTICATED', async () => {
  const { key } = (await admin(CREATE, { n: 'Provisioning', r: 'ADMIN' })).data.createApiKey;
  expect((await clientFor(server, key)(CREATE_STORE, { name: 'by key' })).errors).toBeUndefined();
  const altered = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
  for (const token of [altered, 'sl_' + 'A'.repeat(43), 'sl_', 'slx_nothing']) {
    expect((await server.graphql('{ _allEcommerceStoresMeta { count } }', undefined, token)).errors![0].extensions?.code).toBe('UNAUTHENTICATED');
  }
});

test('a key needs a name', async () => {
  const result = await admin(CREATE, { n: '   ', r: 'VIEWER' });
  expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  expect((await admin(CREATE, { n: 'x'.repeat(101), r: 'VIEWER' })).errors![0].extensions).toMatchObject({ field: 'name' });
});
