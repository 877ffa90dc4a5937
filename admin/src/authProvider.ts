import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AuthProvider } from 'react-admin';
import { dataProvider } from './dataProvider';
import { isUnauthenticated, toStorelinkError } from './errors';
import { graphqlClient } from './graphqlClient';
import { session } from './session';
import { signIn } from './signIn';
import type { LogoutMutation, LogoutMutationVariables, MeQuery, MeQueryVariables } from './generated/graphql';

const ME: TypedDocumentNode<MeQuery, MeQueryVariables> = gql`query Me { me { id email role } }`;

const LOGOUT: TypedDocumentNode<LogoutMutation, LogoutMutationVariables> = gql`mutation Logout { logout }`;

/** Who is signed in, asked once per session token (identity and permissions both need it). */
let me: { token: string | null; answer: Promise<{ id: string; fullName: string; role: MeQuery['me']['role'] }> } | null = null;

function signedInUser() {
  const token = session.token();
  if (me?.token !== token) {
    const answer = graphqlClient.query({ query: ME }).then(
      ({ data }) => ({ id: data.me.id, fullName: data.me.email, role: data.me.role }),
      (error) => {
        me = null;
        throw toStorelinkError(error);
      },
    );
    me = { token, answer };
  }
  return me!.answer;
}

/** Signs in with `login`, keeps the token for this tab only, and sends a lost session back to the sign-in page. */
export const authProvider: AuthProvider = {
  async login({ email, password }: { email: string; password: string }) {
    await signIn(email, password);
    // Nothing of the previous user's session carries over.
    dataProvider.reset();
  },

  async logout() {
    if (session.token()) {
      // End the session on the server too, so the token is worthless even if it was copied. It may already have ended.
      await graphqlClient.mutate({ mutation: LOGOUT }).catch(() => undefined);
    }
    session.clear();
    dataProvider.reset();
  },

  async checkAuth() {
    if (!session.token()) throw new Error('Please sign in to continue.');
  },

  async checkError(error: unknown) {
    if (isUnauthenticated(error)) {
      session.clear();
      dataProvider.reset();
      throw new Error('Your session has ended: please sign in again.');
    }
    // Anything else (FORBIDDEN included) is shown where it happened; it does not end the session.
  },

  async getIdentity() {
    return signedInUser();
  },

  /** The role (ADMIN or VIEWER): App registers only the pages that role may use. */
  async getPermissions() {
    return (await signedInUser()).role;
  },

};
