import { useAdminServer } from '../support/hooks';

/**
 * An admin changes another user's role (updateUser), which takes effect on that user's next
 * request; nobody changes their own role, and storelink always keeps one enabled admin, however
 * the change is asked for (a session or an admin API key).
 */

const { server, gql: admin } = useAdminServer();

const ME = '{ me { id email role } }';
const UPDATE_USER = 'mutation($id: ID!, $role: UserRole!) { updateUser(id: $id, role: $role) { id role disabled } }';
const DISABLE_USER = 'mutation($id: ID!) { disableUser(id: $id) { id disabled } }';
const ALL_USERS = '{ allUsers(perPage: 50) { email role disabled } }';

async function newUser(email: string, role: 'ADMIN' | 'VIEWER') {
  const password = `password of ${email}`;
  const { data, errors } = await admin('mutation($e: String!, $p: String!, $r: UserRole!) { createUser(email: $e, password: $p, role: $r) { id } }', {
    e: email,
    p: password,
    r: role,
  });
  expect(errors).toBeUndefined();
  return { id: data.createUser.id as string, email, password };
}

async function adminApiKey(): Promise<string> {
  const { data } = await admin('mutation { createApiKey(name: "Provisioning script", role: ADMIN) { key } }');
  return data.createApiKey.key;
}

test('making a viewer an admin gives them the admin pages on their next request; making them a viewer takes them away', async () => {
  const colleague = await newUser('colleague@example.com', 'VIEWER');
  const token = await server.login(colleague.email, colleague.password);
  expect((await server.graphql(ALL_USERS, undefined, token)).errors![0].extensions?.code).toBe('FORBIDDEN');

  expect((await admin(UPDATE_USER, { id: colleague.id, role: 'ADMIN' })).data.updateUser).toEqual({ id: colleague.id, role: 'ADMIN', disabled: false });
  expect((await server.graphql(ALL_USERS, undefined, token)).data.allUsers).toContainEqual({ email: colleague.email, role: 'ADMIN', disabled: false });

  expect((await admin(UPDATE_USER, { id: colleague.id, role: 'VIEWER' })).data.updateUser.role).toBe('VIEWER');
  expect((await server.graphql(ALL_USERS, undefined, token)).errors![0].extensions?.code).toBe('FORBIDDEN');

  const audit = await admin('query($f: AuditEventFilter) { allAuditEvents(filter: $f) { action detail } }', { f: { targetId: colleague.id, actions: ['USER_ROLE_CHANGED'] } });
  expect(audit.data.allAuditEvents.map((event: { detail: string }) => event.detail).sort()).toEqual(['role ADMIN', 'role VIEWER']);
});

test('an admin cannot change their own role: refused in words, naming the field, nothing changed', async () => {
  const me = (await admin(ME)).data.me;
  const refused = await admin(UPDATE_USER, { id: me.id, role: 'VIEWER' });
  expect(refused.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'role' });
  expect(refused.errors![0].message).toBe('You cannot change your own role: ask another administrator.');
  expect((await admin(ME)).data.me.role).toBe('ADMIN');
});

test('the last enabled admin can be neither made a viewer nor disabled, even by an admin API key', async () => {
  const me = (await admin(ME)).data.me;
  const key = await adminApiKey();
  const byKey = (query: string, variables: Record<string, unknown>) => server.graphql(query, variables, key);

  const demoted = await byKey(UPDATE_USER, { id: me.id, role: 'VIEWER' });
  expect(demoted.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'role' });
  expect(demoted.errors![0].message).toBe('It is the only administrator left: make another user an administrator first.');
  const disabled = await byKey(DISABLE_USER, { id: me.id });
  expect(disabled.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  expect((await admin(ME)).data.me.role).toBe('ADMIN');

  // With a second enabled admin, the first may go; then the second is the last one.
  const second = await newUser('second-admin@example.com', 'ADMIN');
  expect((await byKey(UPDATE_USER, { id: me.id, role: 'VIEWER' })).data.updateUser.role).toBe('VIEWER');
  expect((await byKey(DISABLE_USER, { id: second.id })).errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  expect((await byKey(UPDATE_USER, { id: second.id, role: 'VIEWER' })).errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'role' });
  expect((await byKey(UPDATE_USER, { id: me.id, role: 'ADMIN' })).data.updateUser.role).toBe('ADMIN');
  expect((await byKey(DISABLE_USER, { id: second.id })).data.disableUser.disabled).toBe(true);
});

test('a disabled admin does not count (the admins of the previous test are disabled or viewers): making the only enabled admin a viewer is refused', async () => {
  const me = (await admin(ME)).data.me;
  const other = await newUser('away-admin@example.com', 'ADMIN');
  expect((await admin(DISABLE_USER, { id: other.id })).data.disableUser.disabled).toBe(true);
  const key = await adminApiKey();
  expect((await server.graphql(UPDATE_USER, { id: me.id, role: 'VIEWER' }, key)).errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'role' });
  // A disabled admin can be made a viewer: it removes no one who can act.
  expect((await admin(UPDATE_USER, { id: other.id, role: 'VIEWER' })).data.updateUser).toEqual({ id: other.id, role: 'VIEWER', disabled: true });
});

test('two admins made viewers at the same moment: one change goes through, the other is refused, one admin remains', async () => {
  const me = (await admin(ME)).data.me;
  const other = await newUser('concurrent-admin@example.com', 'ADMIN');
  const key = await adminApiKey();
  const results = await Promise.all([me.id, other.id].map((id) => server.graphql(UPDATE_USER, { id, role: 'VIEWER' }, key)));
  expect(results.filter((result) => result.errors === undefined)).toHaveLength(1);
  expect(results.filter((result) => result.errors?.[0].extensions?.field === 'role')).toHaveLength(1);
  const admins = (await server.graphql('{ allUsers(perPage: 50, filter: { role: ADMIN, disabled: false }) { id } }', {}, key)).data.allUsers;
  expect(admins).toHaveLength(1);
});
