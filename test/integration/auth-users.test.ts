import { useAdminServer } from '../support/hooks';
import { ADMIN } from '../support/test-server';

const { server, gql: admin } = useAdminServer();

const CREATE_USER = 'mutation($e: String!, $p: String!, $r: UserRole!) { createUser(email: $e, password: $p, role: $r) { id email role disabledAt createdAt } }';
const ME = '{ me { id email role } }';
let counter = 0;
async function newUser(role = 'VIEWER') {
  const email = `user${++counter}@example.com`;
  const password = `password of user ${counter}`;
  const user = (await admin(CREATE_USER, { e: email, p: password, r: role })).data.createUser;
  return { ...user, password };
}

test('an admin creates users, who sign in with their role; bad input names its field', async () => {
  const user = await newUser();
  expect(user).toMatchObject({ role: 'VIEWER', disabledAt: null });
  const token = await server.login(user.email, user.password);
  expect((await server.graphql(ME, undefined, token)).data.me).toMatchObject({ email: user.email, role: 'VIEWER' });
  expect((await admin('{ users { email role } }')).data.users).toEqual(expect.arrayContaining([{ email: ADMIN.email, role: 'ADMIN' }, { email: user.email, role: 'VIEWER' }]));

  expect((await admin(CREATE_USER, { e: 'not-an-email', p: 'long enough password', r: 'VIEWER' })).errors![0].extensions).toMatchObject({ field: 'email' });
  expect((await admin(CREATE_USER, { e: 'short@example.com', p: 'short', r: 'VIEWER' })).errors![0].extensions).toMatchObject({ field: 'password' });
  expect((await admin(CREATE_USER, { e: user.email.toUpperCase(), p: 'long enough password', r: 'VIEWER' })).errors![0].extensions).toMatchObject({ field: 'email' });
});

test('logout revokes the session it is called with, and only that one', async () => {
  const user = await newUser();
  const first = await server.login(user.email, user.password);
  const second = await server.login(user.email, user.password);
  expect((await server.graphql('mutation { logout }', undefined, first)).data.logout).toBe(true);
  expect((await server.graphql(ME, undefined, first)).errors![0].extensions?.code).toBe('UNAUTHENTICATED');
  expect((await server.graphql(ME, undefined, second)).data.me.email).toBe(user.email);
});

test('changing the password needs the current one, revokes every other session, and keeps this one', async () => {
  const user = await newUser();
  const current = await server.login(user.email, user.password);
  const other = await server.login(user.email, user.password);
  const change = (currentPassword: string, newPassword: string) =>
    server.graphql('mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { id } }', { c: currentPassword, n: newPassword }, current);

  expect((await change('not the password', 'a new long password')).errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
  expect((await change(user.password, 'short')).errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'newPassword' });
  expect((await server.graphql(ME, undefined, other)).data.me).toBeTruthy(); // refused changes revoke nothing

  expect((await change(user.password, 'a new long password')).errors).toBeUndefined();
  expect((await server.graphql(ME, undefined, current)).data.me.email).toBe(user.email);
  expect((await server.graphql(ME, undefined, other)).errors![0].extensions?.code).toBe('UNAUTHENTICATED');
  await expect(server.login(user.email, user.password)).rejects.toThrow(/UNAUTHENTICATED/);
  expect(await server.login(user.email, 'a new long password')).toMatch(/^sls_/);
});

test('disabling a user ends their sessions at once and stops sign-in; enabling lets them sign in again', async () => {
  const user = await newUser('ADMIN');
  const token = await server.login(user.email, user.password);
  const disabled = (await admin('mutation($id: ID!) { disableUser(id: $id) { disabledAt } }', { id: user.id })).data.disableUser;
  expect(disabled.disabledAt).not.toBeNull();
  expect((await server.graphql(ME, undefined, token)).errors![0].extensions?.code).toBe('UNAUTHENTICATED');
  await expect(server.login(user.email, user.password)).rejects.toThrow(/UNAUTHENTICATED/);
  // Revoked for good: enabling the user does not bring the old session back.
  await admin('mutation($id: ID!) { enableUser(id: $id) { id } }', { id: user.id });
  expect((await server.graphql(ME, undefined, token)).errors![0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(await server.login(user.email, user.password)).toMatch(/^sls_/);
});

test('an admin cannot disable their own account', async () => {
  const me = (await admin(ME)).data.me;
  expect((await admin('mutation($id: ID!) { disableUser(id: $id) { id } }', { id: me.id })).errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  expect((await admin(ME)).data.me.id).toBe(me.id);
});
