import type { LoginMutation, LoginMutationVariables } from './generated/graphql';
import { session } from './session';

/**
 * Signs in with the `login` mutation and keeps the session token. A plain fetch rather than
 * Apollo: the sign-in page loads before (and without) the rest of the admin.
 */
const LOGIN = /* GraphQL */ `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) { token }
  }
`;

export async function signIn(email: string, password: string): Promise<void> {
  const variables: LoginMutationVariables = { email, password };
  let body: { data?: LoginMutation | null; errors?: Array<{ message: string }> };
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ operationName: 'Login', query: LOGIN, variables }),
    });
    body = await response.json();
  } catch {
    throw new Error('storelink could not be reached: check your network connection and try again.');
  }
  const token = body.data?.login?.token;
  if (!token) throw new Error(body.errors?.[0]?.message ?? 'Signing in did not work: try again.');
  session.save(token);
}
